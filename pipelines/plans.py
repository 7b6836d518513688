"""Stored training plans: several named plans per athlete, one active, weeks validated on write."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pipelines.db import Connection, transaction
from pipelines.errors import InvalidEntry, NotFound
from training.planner.model import (
    MAX_PLAN_WEEKS,
    RECOVERY_CUT_MAX,
    RECOVERY_CUT_MIN,
    TARGET_KINDS,
    WEEK_TYPES,
    PlanWeek,
)
from training.planner.runner import MAX_RUNS_PER_WEEK

GOAL_KINDS = ("volume", "race", "manual")
MAX_TARGET = {"distance": 400_000.0, "time": 40 * 3600.0, "load": 3000.0}  # beyond any week
_WEEK_COLUMNS = [
    "week_start",
    "week_type",
    "target_kind",
    "target",
    "runs",
    "long_run_m",
    "long_run_weekday",
    "note",
]


@dataclass(frozen=True)
class StoredPlan:
    """A plan as saved: its name, goal, block settings and weeks (oldest first)."""

    id: int
    athlete_id: int
    name: str
    active: bool
    goal_kind: str
    goal_date: date | None
    goal_distance_m: float | None
    build_weeks: int
    recovery_cut: float
    weeks: tuple[PlanWeek, ...]


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def validate_weeks(weeks: Sequence[PlanWeek]) -> list[PlanWeek]:
    """Check every week; raises InvalidEntry naming the field and what is allowed."""
    if not 1 <= len(weeks) <= MAX_PLAN_WEEKS:
        raise InvalidEntry("weeks", f"1 to {MAX_PLAN_WEEKS} weeks", len(weeks))
    starts = [w.week_start for w in weeks]
    if len(set(starts)) != len(starts):
        raise InvalidEntry("week_start", "each week once", sorted(starts))
    for week in weeks:
        if week.week_start.weekday() != 0:
            raise InvalidEntry("week_start", "a Monday", week.week_start)
        if week.week_type not in WEEK_TYPES:
            raise InvalidEntry("week_type", "one of " + ", ".join(WEEK_TYPES), week.week_type)
        if week.target_kind not in TARGET_KINDS:
            raise InvalidEntry("target_kind", "one of " + ", ".join(TARGET_KINDS), week.target_kind)
        limit = MAX_TARGET[week.target_kind]
        if not _finite(week.target) or not 0 <= week.target <= limit:
            raise InvalidEntry("target", f"a {week.target_kind} from 0 to {limit:g}", week.target)
        if not isinstance(week.runs, int) or not 0 <= week.runs <= MAX_RUNS_PER_WEEK:
            raise InvalidEntry("runs", f"a whole number from 0 to {MAX_RUNS_PER_WEEK}", week.runs)
        if week.long_run_m is not None and (
            not _finite(week.long_run_m) or not 0 <= week.long_run_m <= MAX_TARGET["distance"]
        ):
            raise InvalidEntry("long_run_m", "empty, or metres from 0 to 400000", week.long_run_m)
        if week.long_run_weekday is not None and week.long_run_weekday not in range(7):
            raise InvalidEntry(
                "long_run_weekday", "0 (Monday) to 6 (Sunday)", week.long_run_weekday
            )
    return sorted(weeks, key=lambda w: w.week_start)


def _validate_name(name: str) -> str:
    text = (name or "").strip()
    if not 1 <= len(text) <= 60:
        raise InvalidEntry("name", "1 to 60 characters", name)
    return text


def _insert_weeks(con: Connection, plan_id: int, weeks: Sequence[PlanWeek]) -> None:
    con.executemany(
        f"INSERT INTO plan_weeks (plan_id, {', '.join(_WEEK_COLUMNS)}) "
        f"VALUES (?{', ?' * len(_WEEK_COLUMNS)})",
        [
            [
                plan_id,
                w.week_start,
                w.week_type,
                w.target_kind,
                float(w.target),
                w.runs,
                w.long_run_m,
                w.long_run_weekday,
                w.note or "",
            ]
            for w in weeks
        ],
    )


def create_plan(
    con: Connection,
    athlete_id: int,
    name: str,
    weeks: Sequence[PlanWeek],
    *,
    goal_kind: str = "manual",
    goal_date: date | None = None,
    goal_distance_m: float | None = None,
    build_weeks: int = 3,
    recovery_cut: float = 0.3,
    activate: bool = True,
) -> int:
    """Save a new plan (and make it the active one unless told otherwise); returns its id."""
    clean_name = _validate_name(name)
    clean = validate_weeks(weeks)
    if goal_kind not in GOAL_KINDS:
        raise InvalidEntry("goal_kind", "one of " + ", ".join(GOAL_KINDS), goal_kind)
    if build_weeks not in (2, 3):
        raise InvalidEntry("build_weeks", "2 (2:1) or 3 (3:1)", build_weeks)
    if not RECOVERY_CUT_MIN <= recovery_cut <= RECOVERY_CUT_MAX:
        raise InvalidEntry("recovery_cut", "0.2 to 0.4 (a 20-40 % cut)", recovery_cut)
    taken = con.execute(
        "SELECT count(*) FROM plans WHERE athlete_id = ? AND name = ?", [athlete_id, clean_name]
    ).fetchone()
    if taken and taken[0]:
        raise InvalidEntry("name", "a name not used by another of your plans", clean_name)
    with transaction(con):
        row = con.execute(
            """INSERT INTO plans (athlete_id, name, goal_kind, goal_date, goal_distance_m,
                                  build_weeks, recovery_cut)
               VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            [
                athlete_id,
                clean_name,
                goal_kind,
                goal_date,
                goal_distance_m,
                build_weeks,
                recovery_cut,
            ],
        ).fetchone()
        assert row is not None
        plan_id = int(row[0])
        _insert_weeks(con, plan_id, clean)
        if activate:
            activate_plan(con, plan_id)
    return plan_id


def replace_weeks(con: Connection, plan_id: int, weeks: Sequence[PlanWeek]) -> None:
    """Overwrite a plan's weeks (after an edit); nothing changes if any week is invalid."""
    clean = validate_weeks(weeks)
    get_plan(con, plan_id)
    with transaction(con):
        con.execute("DELETE FROM plan_weeks WHERE plan_id = ?", [plan_id])
        _insert_weeks(con, plan_id, clean)
        con.execute("UPDATE plans SET updated_at = current_timestamp WHERE id = ?", [plan_id])


def activate_plan(con: Connection, plan_id: int) -> None:
    """Make this plan the athlete's one active plan."""
    plan = get_plan(con, plan_id)
    with transaction(con):
        con.execute(
            "UPDATE plans SET active = (id = ?) WHERE athlete_id = ?", [plan_id, plan.athlete_id]
        )


def delete_plan(con: Connection, plan_id: int) -> None:
    """Remove a plan and its weeks."""
    get_plan(con, plan_id)
    with transaction(con):
        con.execute("DELETE FROM plan_weeks WHERE plan_id = ?", [plan_id])
        con.execute("DELETE FROM plans WHERE id = ?", [plan_id])


def _weeks(con: Connection, plan_id: int) -> tuple[PlanWeek, ...]:
    rows = con.execute(
        f"SELECT {', '.join(_WEEK_COLUMNS)} FROM plan_weeks WHERE plan_id = ? ORDER BY week_start",
        [plan_id],
    ).fetchall()
    return tuple(
        PlanWeek(
            r[0],
            r[1],
            r[2],
            float(r[3]),
            int(r[4]),
            None if r[5] is None else float(r[5]),
            None if r[6] is None else int(r[6]),
            r[7] or "",
        )
        for r in rows
    )


_PLAN_COLUMNS = (
    "id, athlete_id, name, active, goal_kind, goal_date, goal_distance_m, build_weeks, recovery_cut"
)


def _plan(con: Connection, row: tuple[Any, ...]) -> StoredPlan:
    return StoredPlan(
        int(row[0]),
        int(row[1]),
        row[2],
        bool(row[3]),
        row[4],
        row[5],
        None if row[6] is None else float(row[6]),
        int(row[7]),
        float(row[8]),
        _weeks(con, int(row[0])),
    )


def get_plan(con: Connection, plan_id: int) -> StoredPlan:
    """One plan with its weeks; NotFound if it does not exist."""
    row = con.execute(f"SELECT {_PLAN_COLUMNS} FROM plans WHERE id = ?", [plan_id]).fetchone()
    if row is None:
        raise NotFound(f"no plan with id {plan_id}")
    return _plan(con, row)


def list_plans(con: Connection, athlete_id: int) -> list[StoredPlan]:
    """The athlete's plans, the active one first, then newest first."""
    rows = con.execute(
        f"SELECT {_PLAN_COLUMNS} FROM plans WHERE athlete_id = ? ORDER BY active DESC, id DESC",
        [athlete_id],
    ).fetchall()
    return [_plan(con, row) for row in rows]


def active_plan(con: Connection, athlete_id: int) -> StoredPlan | None:
    """The athlete's active plan, if any."""
    plans = list_plans(con, athlete_id)
    return plans[0] if plans and plans[0].active else None


UNITS = {"km": ("distance", 1000.0), "min": ("time", 60.0), "load": ("load", 1.0)}
ROW_COLUMNS = ["Week", "Type", "Target", "Unit", "Runs", "Long run (km)", "Note"]


def weeks_to_rows(weeks: Sequence[PlanWeek]) -> list[dict[str, Any]]:
    """Weeks as the rows of the Plan page's table, in the runner's units (km, min, load)."""
    unit_of = {kind: (unit, factor) for unit, (kind, factor) in UNITS.items()}
    rows = []
    for w in weeks:
        unit, factor = unit_of[w.target_kind]
        rows.append(
            {
                "Week": w.week_start,
                "Type": w.week_type,
                "Target": round(w.target / factor, 1),
                "Unit": unit,
                "Runs": w.runs,
                "Long run (km)": None if w.long_run_m is None else round(w.long_run_m / 1000, 1),
                "Note": w.note,
            }
        )
    return rows


def weeks_from_rows(
    rows: Sequence[dict[str, Any]], originals: Sequence[PlanWeek]
) -> list[PlanWeek]:
    """Read the edited table back into weeks (race day kept from the originals), validated."""
    race_days = {w.week_start: w.long_run_weekday for w in originals}
    weeks = []
    for row in rows:
        unit = row.get("Unit")
        if unit not in UNITS:
            raise InvalidEntry("Unit", "km, min or load", unit)
        kind, factor = UNITS[unit]
        try:
            target = float(row["Target"])
            runs_value = float(row["Runs"])
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidEntry("Target", "a number for every week", row.get("Target")) from exc
        if not _finite(runs_value) or not runs_value.is_integer():
            raise InvalidEntry("runs", f"a whole number from 0 to {MAX_RUNS_PER_WEEK}", runs_value)
        long_km = row.get("Long run (km)")
        long_m = None if long_km is None or long_km != long_km else float(long_km) * 1000
        start: Any = row.get("Week")
        week_start: date = start.date() if isinstance(start, datetime) else start
        week_type: Any = row.get("Type")
        target_kind: Any = kind
        weeks.append(
            PlanWeek(
                week_start,
                week_type,
                target_kind,
                target * factor,
                int(runs_value),
                long_m,
                race_days.get(week_start),
                str(row.get("Note") or ""),
            )
        )
    return validate_weeks(weeks)
