"""When the goal is out of safe reach by its date the plan says so, with the numbers and a date."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.planner.runners import FORTY_KM, THIRTY_KM, TODAY, beginner, runner
from training.planner.model import MAX_PLAN_WEEKS, RaceGoal, VolumeGoal, monday_of
from training.planner.shortfall import plan_reach, shortfall


def test_a_beginner_half_marathon_says_what_is_reachable_and_when_the_race_would_work() -> None:
    case = beginner(RaceGoal(TODAY + timedelta(weeks=15), 21097.5))
    weeks, model, state = case.plan(), case.model(), case.state()
    short = shortfall(case.goal, weeks, state, model, case.settings)
    assert short is not None
    weekly, longest = plan_reach(weeks, model, case.state())
    assert (short.weekly_m, short.long_run_m) == (weekly, longest)
    assert short.later_day is not None and short.extra_weeks is not None
    assert short.later_day == case.goal.race_date + timedelta(weeks=short.extra_weeks)
    sentence = short.sentence
    assert f"{weekly / 1000:.0f} km/week and a {longest / 1000:.0f} km long run" in sentence
    assert "the 17 km long runs a half marathon calls for" in sentence
    assert f"about {short.extra_weeks} more weeks" in sentence
    assert f"{short.later_day:%a %d %b %Y}" in sentence
    assert sentence.count(".") == 1, "one sentence"


def test_the_later_race_date_offered_is_one_the_plan_reaches() -> None:
    case = runner(FORTY_KM, RaceGoal(TODAY + timedelta(weeks=8, days=6), 42195.0))
    short = shortfall(case.goal, case.plan(), case.state(), case.model(), case.settings)
    assert short is not None and short.later_day is not None
    assert monday_of(short.later_day) - monday_of(TODAY) < timedelta(weeks=MAX_PLAN_WEEKS)
    later = replace(case, goal=RaceGoal(short.later_day, 42195.0))
    assert shortfall(later.goal, later.plan(), later.state(), later.model(), later.settings) is None


def test_a_weekly_goal_out_of_reach_offers_the_date_that_reaches_it() -> None:
    case = runner(THIRTY_KM, VolumeGoal(50000.0, TODAY + timedelta(weeks=6)))
    weeks = case.plan()
    short = shortfall(case.goal, weeks, case.state(), case.model(), case.settings)
    assert short is not None and short.later_day is not None
    assert weeks[-1].week_type == "build" and weeks[-1].target < 50000.0
    assert (
        f"By {case.goal.by:%a %d %b} you can safely reach {weeks[-1].target / 1000:.0f} km/week"
        in (short.sentence)
    )
    assert "50 km/week needs about" in short.sentence
    later = replace(case, goal=VolumeGoal(50000.0, short.later_day))
    later_weeks = later.plan()
    assert later_weeks[-1].target == 50000.0
    assert shortfall(later.goal, later_weeks, later.state(), later.model(), later.settings) is None


def test_a_goal_the_plan_reaches_has_no_shortfall() -> None:
    case = runner(THIRTY_KM, VolumeGoal(40000.0, TODAY + timedelta(weeks=10)))
    weeks = case.plan()
    assert weeks[-1].target == 40000.0
    assert shortfall(case.goal, weeks, case.state(), case.model(), case.settings) is None
