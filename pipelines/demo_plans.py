"""The demo runner's plans, made by the real planner and strength generator from the demo history.

A visitor judging the app from the demo should see every page at work: a half-marathon block
drafted three weeks before the demo's last day (so some weeks are already run and "plan vs
actual" shows), and a hip strength plan started four weeks before it with a few weeks of
check-offs, most held and one progressed, as a runner settling a hip flare-up would log them.
"""

from __future__ import annotations

from datetime import date, timedelta

from pipelines.db import Connection
from pipelines.plan_drafts import draft_plan
from pipelines.strength import inputs, logbook, store
from pipelines.strength.library import bundled_library
from training.planner.model import PlanSettings, RaceGoal, monday_of
from training.strength.plan import Referral, generate_plan
from training.strength.tracking import SessionLog, prescribe, replay

PLAN_DRAFTED_DAYS_BEFORE_END = 21  # three plan weeks already run
RACE_WEEKS_AFTER_END = 6  # the race is the Sunday six weeks after the demo's last week
HALF_MARATHON_M = 21_097.5
STRENGTH_STARTED_DAYS_BEFORE_END = 28
STRENGTH_SITE, STRENGTH_LEVEL, STRENGTH_TREND = "hip-lateral", 2, "settling"  # the demo's flare-up
STRENGTH_SESSIONS_PER_WEEK = 2
EASY_PAIN, AMBER_PAIN = 1, 4  # 4/10 during an exercise holds it (amber light)
SESSION_MINUTES, SESSION_RPE = 20, 4


def _tag(con: Connection, table: str, row_id: int, source: str) -> None:
    con.execute(f"UPDATE {table} SET source = ? WHERE id = ?", [source, row_id])


def seed_training_plan(con: Connection, athlete_id: int, end: date, source: str) -> int:
    """A half-marathon plan drafted from the demo's state three weeks before `end`."""
    drafted = end - timedelta(days=PLAN_DRAFTED_DAYS_BEFORE_END)
    race = monday_of(end) + timedelta(weeks=RACE_WEEKS_AFTER_END, days=6)
    goal = RaceGoal(race, HALF_MARATHON_M)
    plan_id = draft_plan(con, athlete_id, drafted, goal, PlanSettings(), "Spring half marathon")
    _tag(con, "plans", plan_id, source)
    return plan_id


def seed_strength_plan(con: Connection, athlete_id: int, end: date, source: str) -> int:
    """A hip strength plan from the flare-up, with every session before `end` checked off."""
    started = end - timedelta(days=STRENGTH_STARTED_DAYS_BEFORE_END)
    library = bundled_library()
    pain = store.validate_inputs(
        STRENGTH_SITE, STRENGTH_LEVEL, STRENGTH_TREND, STRENGTH_SESSIONS_PER_WEEK
    )
    made = generate_plan(
        library,
        started,
        pain,
        inputs.week_schedule(con, athlete_id, started),
        STRENGTH_SESSIONS_PER_WEEK,
    )
    if isinstance(made, Referral):
        raise RuntimeError("the demo history must not raise red flags when its plan starts")
    plan_id = store.save_plan(con, athlete_id, made)
    _tag(con, "strength_plans", plan_id, source)
    stored = store.get_plan(con, athlete_id, plan_id)
    done = [s for s in stored.sessions if s.date < end]
    progressed = done[0].exercises[0]  # reaches the top of its range on its third session
    logs: list[SessionLog] = []
    for index, session in enumerate(done):
        appearances = sum(progressed in s.exercises for s in done[: index + 1])
        rows = []
        for position, dose in enumerate(prescribe(library, session, replay(library, logs))):
            low, high = dose.level.reps or dose.level.hold_s or (0, 0)
            top = dose.exercise.key == progressed and appearances == 3
            amber = index == 1 and position == 0  # one sore exercise early on: held
            rows.append(
                {
                    "key": dose.exercise.key,
                    "level": dose.level.number,
                    "sets": dose.level.sets,
                    "reps": high if top else low,
                    "load_kg": dose.load_kg,
                    "pain": AMBER_PAIN if amber else EASY_PAIN,
                }
            )
        logbook.log_session(
            con, stored, session.number, done_on=session.date, exercises=rows,
            rpe=SESSION_RPE, minutes=SESSION_MINUTES, today=end,
        )  # fmt: skip
        logbook.record_morning(con, stored, session.number, settled=True, pain=EASY_PAIN)
        logs = logbook.session_logs(con, stored)
    return plan_id


def remove_plans(con: Connection, source: str) -> None:
    """Delete the plans tagged `source`, their check-offs and the activities those created."""
    found = con.execute("SELECT id FROM strength_plans WHERE source = ?", [source]).fetchall()
    strength_ids = [row[0] for row in found]
    for plan_id in strength_ids:
        con.execute(
            "DELETE FROM session_rpe WHERE activity_id IN"
            " (SELECT activity_id FROM strength_session_logs WHERE plan_id = ?)",
            [plan_id],
        )
        con.execute(
            "DELETE FROM activities WHERE id IN"
            " (SELECT activity_id FROM strength_session_logs WHERE plan_id = ?)",
            [plan_id],
        )
        for table in ("strength_exercise_logs", "strength_session_logs", "strength_sessions"):
            con.execute(f"DELETE FROM {table} WHERE plan_id = ?", [plan_id])
        con.execute("DELETE FROM strength_plans WHERE id = ?", [plan_id])
    con.execute(
        "DELETE FROM plan_weeks WHERE plan_id IN (SELECT id FROM plans WHERE source = ?)", [source]
    )
    con.execute("DELETE FROM plans WHERE source = ?", [source])
