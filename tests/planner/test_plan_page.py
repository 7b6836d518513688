"""The Plan page: draft a plan, edit a week in the table, see the projection change."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from pipelines import plans
from pipelines.cli import main
from pipelines.db import connect
from pipelines.plan_drafts import draft_plan
from tests.conftest import APP, DEMO_END
from training.planner.edits import recovery_week_start
from training.planner.model import PlanSettings, PlanWeek, RaceGoal, monday_of


def _open(demo_db: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/plan.py")
    at.run()
    return at


def test_drafting_a_plan_from_the_empty_state_saves_an_active_plan(demo_db: Path) -> None:
    at = _open(demo_db)
    assert not at.exception
    assert "No plan yet" in at.info[0].value
    at.radio(key="plan_goal_kind").set_value("Race")
    at.number_input(key="plan_goal_km").set_value(10.0)
    at.form_submit_button[0].click().run()
    assert not at.exception
    with connect(demo_db) as con:
        active = plans.active_plan(con, 1)
    assert active is not None and active.goal_kind == "race"
    assert [w.week_type for w in active.weeks[-2:]] == ["taper", "race"]
    assert at.data_editor(key="plan_editor") is not None


def test_editing_a_week_changes_the_projection_and_saving_keeps_it(demo_db: Path) -> None:
    start = monday_of(DEMO_END) + timedelta(weeks=1)
    weeks = [
        PlanWeek(start + timedelta(weeks=i), "build", "distance", 40000.0, 4) for i in range(4)
    ]
    with connect(demo_db) as con:
        plans.create_plan(con, 1, "Steady", weeks)
    at = _open(demo_db)
    assert not at.exception
    before = at.subheader[0].value
    at.session_state["plan_editor"] = {
        "edited_rows": {1: {"Type": "rest", "Target": 0.0, "Runs": 0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    after = at.subheader[0].value
    assert before != after  # form after the plan differs once a week becomes rest
    at.button(key="plan_save").click().run()
    assert not at.exception
    with connect(demo_db) as con:
        saved = plans.active_plan(con, 1)
    assert saved is not None and saved.weeks[1].week_type == "rest"


def test_insert_a_recovery_week_now_rewrites_the_plan(demo_db: Path) -> None:
    start = monday_of(DEMO_END)
    weeks = [
        PlanWeek(start + timedelta(weeks=i), "build", "distance", 40000.0 + 2000 * i, 4)
        for i in range(5)
    ]
    with connect(demo_db) as con:
        plans.create_plan(con, 1, "Build", weeks)
    at = _open(demo_db)
    at.button(key="plan_recovery_now").click().run()
    assert not at.exception
    with connect(demo_db) as con:
        saved = plans.active_plan(con, 1)
    assert saved is not None
    # "Now" is the week holding tomorrow: this week, or next week when today is a Sunday.
    at_index = (recovery_week_start(DEMO_END) - start).days // 7
    assert saved.weeks[at_index].week_type == "recovery"
    assert saved.weeks[at_index + 1].target == weeks[at_index].target


def test_deleting_a_plan_takes_the_confirming_click(demo_db: Path) -> None:
    start = monday_of(DEMO_END) + timedelta(weeks=1)
    weeks = [
        PlanWeek(start + timedelta(weeks=i), "build", "distance", 30000.0, 3) for i in range(4)
    ]
    with connect(demo_db) as con:
        plans.create_plan(con, 1, "Old idea", weeks)
    at = _open(demo_db)
    at.button(key="plan_delete").click().run()
    assert not at.exception
    with connect(demo_db) as con:
        assert plans.list_plans(con, 1) == []
    assert "No plan yet" in at.info[0].value


def test_the_page_drafts_the_same_plan_as_the_command_line(demo_db: Path) -> None:
    race = DEMO_END + timedelta(weeks=9)
    at = _open(demo_db)
    at.text_input(key="plan_name").set_value("From the page")
    at.radio(key="plan_goal_kind").set_value("Race")
    at.date_input(key="plan_goal_date").set_value(race)
    at.number_input(key="plan_goal_km").set_value(21.1)
    at.form_submit_button[0].click().run()
    assert not at.exception
    args = ["plan", "draft", "--race", race.isoformat(), "--distance-km", "21.1"]
    assert main([*args, "--name", "From the CLI"]) == 0
    with connect(demo_db) as con:
        drafted = {p.name: p.weeks for p in plans.list_plans(con, 1)}
    assert drafted["From the page"] == drafted["From the CLI"]


def test_a_plan_out_of_reach_says_so_shows_its_race_and_names_its_taper(demo_db: Path) -> None:
    race = DEMO_END + timedelta(days=22)  # two build weeks at most: short of a 17 km long run
    with connect(demo_db) as con:
        draft_plan(con, 1, DEMO_END, RaceGoal(race, 21097.5), PlanSettings(), "Too soon")
    at = _open(demo_db)
    assert not at.exception
    assert f"race on {race:%a %d %b}" in at.subheader[0].value
    shortfall = at.warning[0].value
    assert "the 17 km long runs a half marathon calls for need about" in shortfall
    weeks = [m.value for m in at.markdown if "km planned" in m.value]
    assert any("**taper week" in w for w in weeks)
    race_week = next(w for w in weeks if "**race week**" in w)
    assert f"race {race:%a %d %b}: 21.1 km" in race_week
    assert any(c.value.endswith("**Race 21.1 km**") for c in at.caption)
    later = at.button(key="plan_later")
    assert later.label.startswith("Draft it for ")
    later.click().run()
    assert not at.exception
    with connect(demo_db) as con:
        active = plans.active_plan(con, 1)
    assert active is not None and active.name.startswith("Too soon, ")
    assert active.goal_date is not None and active.goal_date > race
    assert at.selectbox(key="plan_choice").value == active.id
