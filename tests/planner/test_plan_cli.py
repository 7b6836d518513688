"""`stridewise plan show|export-ics` on a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from pipelines import plans, queries
from pipelines.athletes import get_profile
from pipelines.cli import main
from pipelines.clock import runner_today
from pipelines.db import connect
from training.planner.generate import generate_plan
from training.planner.model import PlanSettings, RaceGoal
from training.planner.runner import runner_model
from training.planner.state import start_state


def _draft(db: Path) -> date:
    """A race plan drafted as the Plan page would, from today's real state."""
    with connect(db) as con:
        today = runner_today(get_profile(con, 1).timezone)
        daily = queries.daily_metrics(con, 1, end=today)
        acts = queries.activities(con, 1).assign(athlete_id=1)
        race = date.fromordinal(today.toordinal() + 70)
        weeks = generate_plan(
            RaceGoal(race, 21097.5), start_state(daily, today), runner_model(acts, today),
            PlanSettings(),
        )  # fmt: skip
        plans.create_plan(con, 1, "Spring half", weeks, goal_kind="race", goal_date=race)
    return race


def test_show_lists_every_week(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draft(demo_db)
    assert main(["plan", "show"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Spring half: ")
    assert out.count("km planned") == int(out.split(": ")[1].split()[0])
    assert "race" in out and "taper" in out


def test_export_writes_a_calendar_that_parses_back(demo_db: Path, tmp_path: Path) -> None:
    race = _draft(demo_db)
    target = tmp_path / "plan.ics"
    assert main(["plan", "export-ics", "--output", str(target)]) == 0
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    on_race_day = [str(e["SUMMARY"]) for e in events if e.decoded("DTSTART") == race]
    assert len(on_race_day) == 1, f"race day holds the race alone, got {on_race_day}"
    assert "21.1 km" in on_race_day[0]


def test_no_plan_says_where_to_draft_one(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "show"]) == 1
    assert "Plan page" in capsys.readouterr().err
