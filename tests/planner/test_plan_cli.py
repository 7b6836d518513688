"""`stridewise plan draft|show|export-ics` on a real database, as of the pinned today."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from pipelines import plans
from pipelines.cli import main
from pipelines.db import connect
from pipelines.plan_drafts import real_state
from tests.conftest import TODAY
from training.planner.generate import generate_plan
from training.planner.model import PlanSettings, RaceGoal, monday_of
from training.planner.runner import runner_model
from training.planner.sessions import SESSION_KINDS
from training.planner.state import start_state

RACE = TODAY + timedelta(days=70)


def _draft(race: date, *extra: str) -> int:
    return main(["plan", "draft", "--race", race.isoformat(), "--distance-km", "21.1", *extra])


def test_draft_stores_the_page_plan_as_active_and_prints_it_like_show(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _draft(RACE, "--name", "Spring half") == 0
    drafted = capsys.readouterr().out
    with connect(demo_db) as con:
        plan = plans.active_plan(con, 1)
        daily, activities = real_state(con, 1, TODAY)
    assert plan is not None and plan.name == "Spring half" and plan.goal_kind == "race"
    expected = generate_plan(
        RaceGoal(RACE, 21100.0),
        start_state(daily, TODAY),
        runner_model(activities, TODAY),
        PlanSettings(),
    )
    assert list(plan.weeks) == expected
    assert main(["plan", "show"]) == 0
    assert capsys.readouterr().out == drafted
    assert drafted.startswith("Spring half: ")
    assert drafted.count("km planned") == len(plan.weeks)
    assert "race week" in drafted and "taper week" in drafted


def test_draft_a_weekly_goal_with_its_block_settings(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by = (TODAY + timedelta(weeks=9)).isoformat()
    args = ["plan", "draft", "--weekly-km", "40", "--by", by, "--pattern", "2:1", "--cut", "25"]
    assert main(args) == 0
    with connect(demo_db) as con:
        plan = plans.active_plan(con, 1)
    assert plan is not None and plan.name.startswith("40 km/week by ")
    assert (plan.goal_kind, plan.build_weeks, plan.recovery_cut) == ("volume", 2, 0.25)
    assert plan.weeks[-1].week_type == "build"
    assert "40 km/week" in capsys.readouterr().out
    assert main(["plan", "show", "--json"]) == 0
    goal = json.loads(capsys.readouterr().out)["goal"]
    assert goal == {"kind": "weekly", "date": by, "distance_km": None, "weekly_km": 40.0}


def test_show_json_follows_the_documented_schema(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _draft(RACE) == 0
    capsys.readouterr()
    assert main(["plan", "show", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"name", "goal", "shortfall", "weeks", "sessions"}
    assert doc["goal"] == {
        "kind": "race",
        "date": RACE.isoformat(),
        "distance_km": 21.1,
        "weekly_km": None,
    }
    assert doc["shortfall"] is None or isinstance(doc["shortfall"], str)
    for week in doc["weeks"]:
        assert set(week) == {
            "start",
            "type",
            "km",
            "runs",
            "long_run_km",
            "end_of_week",
            "warnings",
        }
        assert date.fromisoformat(week["start"]).weekday() == 0
        assert week["type"] in ("build", "recovery", "taper", "race")
        assert isinstance(week["km"], float) and isinstance(week["runs"], int)
        assert week["long_run_km"] is None or isinstance(week["long_run_km"], float)
        assert set(week["end_of_week"]) == {"fitness", "fatigue", "form", "acwr"}
        assert all(isinstance(v, float) for v in week["end_of_week"].values())
        assert all(isinstance(w, str) for w in week["warnings"])
    assert [w["type"] for w in doc["weeks"]][-2:] == ["taper", "race"]
    for session in doc["sessions"]:
        assert set(session) == {"date", "kind", "km", "minutes", "title"}
        assert session["kind"] in SESSION_KINDS
        assert date.fromisoformat(session["date"]) > TODAY
        assert isinstance(session["km"], float) and isinstance(session["minutes"], int)
    races = [s for s in doc["sessions"] if s["kind"] == "race"]
    assert races == [
        {
            "date": RACE.isoformat(),
            "kind": "race",
            "km": 21.1,
            "minutes": races[0]["minutes"],
            "title": "Race 21.1 km",
        }
    ]
    assert max(s["date"] for s in doc["sessions"]) == RACE.isoformat()


@pytest.mark.parametrize("offset", range(70, 77), ids=lambda d: f"race-in-{d}-days")
def test_export_writes_a_calendar_that_parses_back(
    demo_db: Path, tmp_path: Path, offset: int
) -> None:
    """Race day holds the race alone, whatever weekday it falls on (the demo runner
    cross-trains on Wednesdays and Fridays), and nothing follows it."""
    race = TODAY + timedelta(days=offset)
    assert _draft(race) == 0
    target = tmp_path / "plan.ics"
    assert main(["plan", "export-ics", "--output", str(target)]) == 0
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    on_race_day = [str(e["SUMMARY"]) for e in events if e.decoded("DTSTART") == race]
    assert on_race_day == ["Race 21.1 km"], f"race day holds the race alone, got {on_race_day}"
    assert all(e.decoded("DTSTART") < race for e in events if str(e["SUMMARY"]) != "Race 21.1 km")
    day_before = [e for e in events if e.decoded("DTSTART") == race - timedelta(days=1)]
    assert day_before == []


def test_draft_starts_from_the_pinned_today(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    later = TODAY + timedelta(days=9)
    monkeypatch.setenv("STRIDEWISE_TODAY", later.isoformat())
    assert _draft(later + timedelta(weeks=8)) == 0
    with connect(demo_db) as con:
        plan = plans.active_plan(con, 1)
    assert plan is not None and plan.weeks[0].week_start == monday_of(later)
    capsys.readouterr()
    assert main(["plan", "show", "--json"]) == 0
    sessions = json.loads(capsys.readouterr().out)["sessions"]
    assert min(date.fromisoformat(s["date"]) for s in sessions) > later


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--race", (TODAY - timedelta(days=1)).isoformat(), "--distance-km", "10"], "--race"),
        (["--race", (TODAY + timedelta(weeks=17)).isoformat(), "--distance-km", "10"], "--race"),
        (["--race", "2027-02-30", "--distance-km", "10"], "--race"),
        (["--race", RACE.isoformat(), "--distance-km", "0"], "--distance-km"),
        (["--race", RACE.isoformat(), "--distance-km", "-5"], "--distance-km"),
        (["--race", RACE.isoformat(), "--distance-km", "ten"], "--distance-km"),
        (["--race", RACE.isoformat()], "--distance-km"),
        (["--weekly-km", "40"], "--by"),
        (["--weekly-km", "0", "--by", RACE.isoformat()], "--weekly-km"),
        (["--weekly-km", "40", "--by", "tomorrow"], "--by"),
        (["--race", RACE.isoformat(), "--distance-km", "10", "--pattern", "4:1"], "--pattern"),
        (["--race", RACE.isoformat(), "--distance-km", "10", "--cut", "50"], "--cut"),
        (["--race", RACE.isoformat(), "--distance-km", "10", "--name", " "], "--name"),
        ([], "--race/--weekly-km"),
        (
            ["--race", RACE.isoformat(), "--distance-km", "10", "--weekly-km", "40"],
            "--race/--weekly-km",
        ),
    ],
    ids=[
        "past",
        "beyond-16-weeks",
        "impossible-date",
        "zero-km",
        "negative-km",
        "not-a-number",
        "no-distance",
        "no-by",
        "zero-weekly-km",
        "bad-by",
        "unknown-pattern",
        "cut-too-big",
        "blank-name",
        "no-goal",
        "two-goals",
    ],
)
def test_bad_input_names_the_option_and_stores_nothing(
    demo_db: Path, capsys: pytest.CaptureFixture[str], args: list[str], option: str
) -> None:
    assert main(["plan", "draft", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {option}: ")
    with connect(demo_db) as con:
        assert plans.list_plans(con, 1) == []


def test_a_name_already_taken_is_refused_and_the_first_plan_kept(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _draft(RACE, "--name", "Spring") == 0
    assert _draft(RACE + timedelta(days=7), "--name", "Spring") == 2
    assert "--name: a name not used" in capsys.readouterr().err
    with connect(demo_db) as con:
        assert [p.name for p in plans.list_plans(con, 1)] == ["Spring"]


def test_no_plan_says_where_to_draft_one(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "show"]) == 1
    err = capsys.readouterr().err
    assert "stridewise plan draft" in err and "Plan page" in err
