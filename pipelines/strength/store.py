"""Strength plans in DuckDB: save a generated plan (replacing the active one) and read it back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipelines.db import Connection, transaction
from pipelines.entries import validation
from pipelines.errors import InvalidEntry, NotFound
from training.strength.plan import (
    SESSIONS_PER_WEEK,
    TRENDS,
    PainProfile,
    PlannedSession,
    StrengthPlan,
    WeekSchedule,
)
from training.vocabulary import SITES


@dataclass(frozen=True)
class StoredPlan:
    """A saved plan with its database id."""

    id: int
    athlete_id: int
    plan: StrengthPlan

    @property
    def sessions(self) -> tuple[PlannedSession, ...]:
        """The plan's dated sessions."""
        return self.plan.sessions


def validate_inputs(site: object, level: object, trend: object, per_week: object) -> PainProfile:
    """Check the runner's plan inputs; InvalidEntry names the field and what is allowed."""
    if site is not None and site not in SITES:
        raise InvalidEntry("pain_site", "none or one of " + ", ".join(SITES), site)
    if trend not in TRENDS:
        raise InvalidEntry("pain_trend", "one of " + ", ".join(TRENDS), trend)
    if per_week not in SESSIONS_PER_WEEK:
        raise InvalidEntry("sessions_per_week", "2 or 3", per_week)
    return PainProfile(
        site=None if site is None else str(site),
        level=validation.whole_number("pain_level", level, 0, 10),
        trend=str(trend),
    )


def save_plan(con: Connection, athlete_id: int, plan: StrengthPlan) -> int:
    """Store a plan as the athlete's active one (the previous one is kept as 'replaced')."""
    with transaction(con):
        con.execute(
            "UPDATE strength_plans SET status = 'replaced'"
            " WHERE athlete_id = ? AND status = 'active'",
            [athlete_id],
        )
        row = con.execute(
            """INSERT INTO strength_plans (athlete_id, start_date, pain_site, pain_level,
                   pain_trend, sessions_per_week, run_days, hard_days, weekdays, phase_weeks, notes)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            [
                athlete_id,
                plan.start,
                plan.pain.site,
                plan.pain.level,
                plan.pain.trend,
                plan.sessions_per_week,
                sorted(plan.schedule.run_days),
                sorted(plan.schedule.hard_days),
                list(plan.weekdays),
                list(plan.phase_weeks),
                list(plan.notes),
            ],
        ).fetchone()
        assert row is not None
        plan_id = int(row[0])
        con.executemany(
            "INSERT INTO strength_sessions VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                [plan_id, s.number, s.date, s.week, s.phase, s.template, list(s.exercises)]
                for s in plan.sessions
            ],
        )
    return plan_id


def _plan_from_row(con: Connection, row: tuple[Any, ...]) -> StoredPlan:
    (
        plan_id,
        athlete_id,
        start,
        site,
        level,
        trend,
        per_week,
        run_days,
        hard_days,
        weekdays,
        phase_weeks,
        notes,
    ) = row
    sessions = tuple(
        PlannedSession(int(n), d, int(w), int(p), str(t), tuple(ex))
        for n, d, w, p, t, ex in con.execute(
            """SELECT number, date, week, phase, template, exercises FROM strength_sessions
               WHERE plan_id = ? ORDER BY number""",
            [plan_id],
        ).fetchall()
    )
    first, second, third = (int(w) for w in phase_weeks)
    plan = StrengthPlan(
        start=start,
        pain=PainProfile(None if site is None else str(site), int(level), str(trend)),
        schedule=WeekSchedule(frozenset(run_days), frozenset(hard_days)),
        sessions_per_week=int(per_week),
        weekdays=tuple(int(d) for d in weekdays),
        phase_weeks=(first, second, third),
        sessions=sessions,
        notes=tuple(notes),
    )
    return StoredPlan(int(plan_id), int(athlete_id), plan)


_PLAN_COLUMNS = """id, athlete_id, start_date, pain_site, pain_level, pain_trend, sessions_per_week,
    run_days, hard_days, weekdays, phase_weeks, notes"""


def active_plan(con: Connection, athlete_id: int) -> StoredPlan | None:
    """The athlete's active plan, or None before one was made."""
    row = con.execute(
        f"SELECT {_PLAN_COLUMNS} FROM strength_plans WHERE athlete_id = ? AND status = 'active'",
        [athlete_id],
    ).fetchone()
    return None if row is None else _plan_from_row(con, row)


def get_plan(con: Connection, athlete_id: int, plan_id: int) -> StoredPlan:
    """One plan of the athlete by id; NotFound when it is not theirs."""
    row = con.execute(
        f"SELECT {_PLAN_COLUMNS} FROM strength_plans WHERE athlete_id = ? AND id = ?",
        [athlete_id, plan_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"no strength plan {plan_id} for athlete {athlete_id}")
    return _plan_from_row(con, row)


def session_of(stored: StoredPlan, number: object) -> PlannedSession:
    """The planned session by number; InvalidEntry when the plan has no such session."""
    found = next((s for s in stored.sessions if s.number == number), None)
    if found is None:
        raise InvalidEntry("session", f"a session number from 1 to {len(stored.sessions)}", number)
    return found
