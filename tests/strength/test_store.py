"""Plans and logs in a real DuckDB file: round trip, check-off as load, validation, undo, export."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from pipelines.db import connect
from pipelines.errors import InvalidEntry
from pipelines.strength import inputs, logbook, store
from pipelines.strength.calendar import plan_calendar
from pipelines.strength.library import bundled_library
from tests.coach.helpers import demo_day
from tests.conftest import TODAY
from training.load import srpe_load
from training.strength.pain import Morning
from training.strength.plan import PainProfile, StrengthPlan, WeekSchedule, generate_plan
from training.strength.tracking import replay

MONDAY = date(2026, 11, 2)


def _new_plan(con: object, pain: PainProfile | None = None) -> store.StoredPlan:
    plan = generate_plan(
        bundled_library(),
        MONDAY,
        pain or PainProfile("hip-lateral", 3),
        WeekSchedule(frozenset({1, 3, 6}), frozenset({6})),
        3,
    )
    assert isinstance(plan, StrengthPlan)
    plan_id = store.save_plan(con, 1, plan)  # type: ignore[arg-type]
    return store.get_plan(con, 1, plan_id)  # type: ignore[arg-type]


def _done(
    stored: store.StoredPlan, number: int, pain: int = 1, reps: int = 45
) -> list[dict[str, object]]:
    return [
        {"key": key, "level": 1, "sets": 4, "reps": reps, "load_kg": 0.0, "pain": pain}
        for key in stored.sessions[number - 1].exercises
    ]


def test_a_saved_plan_reads_back_unchanged_and_a_new_one_replaces_it(demo_db: Path) -> None:
    with connect(demo_db) as con:
        first = _new_plan(con)
        again = store.active_plan(con, 1)
        assert again is not None and again.plan == first.plan
        second = _new_plan(con, PainProfile())
        assert store.active_plan(con, 1) == second
        statuses = con.execute("SELECT id, status FROM strength_plans ORDER BY id").fetchall()
    assert statuses == [(first.id, "replaced"), (second.id, "active")]


def test_checking_off_a_session_adds_a_strength_activity_scored_by_session_rpe(
    demo_db: Path,
) -> None:
    with connect(demo_db) as con:
        stored = _new_plan(con)
        before = con.execute(
            "SELECT load FROM daily_metrics WHERE athlete_id = 1 AND date = ?", [MONDAY]
        ).fetchone()
        act_id = logbook.log_session(
            con,
            stored,
            1,
            done_on=MONDAY,
            exercises=_done(stored, 1),
            rpe=5,
            minutes=20,
            today=TODAY,
        )
        activity = con.execute(
            "SELECT sport_type, source, moving_time_s, load, load_source"
            " FROM activities WHERE id = ?",
            [act_id],
        ).fetchone()
        after = con.execute(
            "SELECT load FROM daily_metrics WHERE athlete_id = 1 AND date = ?", [MONDAY]
        ).fetchone()
        # logging it again (a correction) updates the same activity instead of adding one
        logbook.log_session(
            con,
            stored,
            1,
            done_on=MONDAY,
            exercises=_done(stored, 1),
            rpe=6,
            minutes=20,
            today=TODAY,
        )
        count = con.execute("SELECT count(*) FROM activities WHERE id < 0").fetchone()
    assert act_id < 0
    assert activity is not None and activity[:3] == ("WeightTraining", "strength_plan", 1200)
    assert activity[3] == pytest.approx(srpe_load(20, 5)) and activity[4] == "rpe"
    assert before is not None and after is not None
    assert after[0] == pytest.approx(before[0] + srpe_load(20, 5))
    assert count == (1,)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"pain": 11}, "pain", id="pain-above-10"),
        pytest.param({"sets": -1}, "sets", id="negative-sets"),
        pytest.param({"key": "pigeon_pose"}, "exercise", id="exercise-not-in-session"),
        pytest.param({"load_kg": "heavy"}, "load_kg", id="load-not-a-number"),
    ],
)
def test_bad_logs_are_refused_and_write_nothing(
    demo_db: Path, change: dict[str, object], field: str
) -> None:
    with connect(demo_db) as con:
        stored = _new_plan(con)
        rows = _done(stored, 1)
        rows[-1] = {**rows[-1], **change}
        with pytest.raises(InvalidEntry) as raised:
            logbook.log_session(
                con, stored, 1, done_on=MONDAY, exercises=rows, rpe=5, minutes=20, today=TODAY
            )
        written = con.execute(
            "SELECT (SELECT count(*) FROM strength_session_logs)"
            " + (SELECT count(*) FROM activities WHERE id < 0)"
        ).fetchone()
    assert raised.value.field == field
    assert written == (0,)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        pytest.param({"done_on": TODAY + timedelta(days=7)}, "done_on", id="future-date"),
        pytest.param({"rpe": 11}, "rpe", id="rpe-above-10"),
        pytest.param({"minutes": 0}, "minutes", id="zero-minutes"),
    ],
)
def test_bad_session_fields_are_refused(
    demo_db: Path, kwargs: dict[str, object], field: str
) -> None:
    with connect(demo_db) as con:
        stored = _new_plan(con)
        args: dict[str, object] = {"done_on": MONDAY, "rpe": 5, "minutes": 20, **kwargs}
        with pytest.raises(InvalidEntry) as raised:
            logbook.log_session(con, stored, 1, exercises=_done(stored, 1), today=TODAY, **args)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_next_morning_from_the_page_or_from_a_pain_entry(demo_db: Path) -> None:
    with connect(demo_db) as con:
        stored = _new_plan(con)
        for number, day in ((1, MONDAY), (2, MONDAY + dt.timedelta(days=2))):
            logbook.log_session(
                con,
                stored,
                number,
                done_on=day,
                exercises=_done(stored, number),
                rpe=4,
                minutes=18,
                today=TODAY,
            )
        logbook.record_morning(con, stored, 1, settled=True, pain=1)
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, moment, score) VALUES"
            " (1, ?, 'hip-lateral', 'next-morning', 2), (1, ?, 'hip-lateral', 'next-morning', 4)",
            [MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=3)],
        )
        logs = logbook.session_logs(con, stored)
        with pytest.raises(InvalidEntry):
            logbook.record_morning(con, stored, 3, settled=True)
    assert logs[0].morning == Morning(settled=True, pain=1)
    assert logs[1].morning == Morning(settled=False, pain=4)  # 4 the morning after vs 2 before
    progress = replay(bundled_library(), logs)
    lights = {
        number: {step.light.value for n, step in progress.history if n == number}
        for number in (1, 2)
    }
    assert lights == {1: {"green"}, 2: {"amber"}}


def test_undoing_a_check_off_removes_its_load(demo_db: Path) -> None:
    with connect(demo_db) as con:
        stored = _new_plan(con)
        before = con.execute("SELECT sum(load) FROM daily_metrics WHERE athlete_id = 1").fetchone()
        logbook.log_session(
            con,
            stored,
            1,
            done_on=MONDAY,
            exercises=_done(stored, 1),
            rpe=5,
            minutes=20,
            today=TODAY,
        )
        logbook.delete_session_log(con, stored, 1)
        after = con.execute("SELECT sum(load) FROM daily_metrics WHERE athlete_id = 1").fetchone()
        left = con.execute("SELECT count(*) FROM activities WHERE id < 0").fetchone()
        history = logbook.exercise_history(con, stored.id)
    assert before is not None and after is not None
    assert after[0] == pytest.approx(before[0])
    assert left == (0,) and history.empty


def test_inputs_read_the_demo_flare_up_and_usual_week(demo_db: Path) -> None:
    with connect(demo_db) as con:
        flare = inputs.pain_profile(con, 1, demo_day(date(2026, 3, 15), TODAY))
        calm = inputs.pain_profile(con, 1, TODAY)
        week = inputs.week_schedule(con, 1, TODAY)
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, moment, score, red_flags) VALUES"
            " (1, ?, 'hip-front', 'at-night', 6, ['night_rest_pain'])",
            [TODAY],
        )
        flagged = inputs.pain_profile(con, 1, TODAY)
    assert (flare.site, flare.trend) == ("hip-lateral", "rising") and flare.level >= 4
    assert calm == PainProfile()
    assert week.hard_days == frozenset({6}) and 6 in week.run_days
    # the ticked answer, and the rule Today derives from night pain at 6/10: the same two flags
    assert set(flagged.red_flags) == {"night_rest_pain", "rest_pain"}


def test_calendar_export_parses_back_with_one_event_per_remaining_session(demo_db: Path) -> None:
    with connect(demo_db) as con:
        stored = _new_plan(con)
    library = bundled_library()
    data = plan_calendar(
        library,
        stored,
        replay(library, []),
        skip=[1, 2],
        stamp=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
    events = icalendar.Calendar.from_ical(data).events
    assert len(events) == len(stored.sessions) - 2
    first = events[0]
    assert first.start == stored.sessions[2].date
    assert str(first["UID"]) == f"strength-{stored.id}-3@stridewise.local"
    assert "Isometric hip abduction: Lying on your back" in str(first["DESCRIPTION"])
    assert "4 × 30-45 s hold" in str(first["DESCRIPTION"])
