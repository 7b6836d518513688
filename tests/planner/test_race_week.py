"""Races are races: the race alone on race day, nothing after it, a taper by the calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings

from tests.planner.strategies import Case, cases
from training.planner.model import PlanSettings, RaceGoal
from training.planner.race import (
    LAST_LONG_RUN_DAYS,
    TAPER_FACTORS,
    TAPER_MIN_DAYS,
    race_day_of,
    taper_weeks,
)
from training.planner.sessions import planned_runs, planned_sessions

TOL = 1e-9
MONDAY = date(2026, 6, 1)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=cases(race=True))
def test_race_day_holds_the_race_alone_and_the_taper_follows_the_calendar(case: Case) -> None:
    """Whatever the history and the race weekday: the race alone, nothing after it, no
    cross-training the day before, race-week runs before the race, no long run in its last
    week, taper weeks lighter than the peak with as many runs."""
    goal = case.goal
    assert isinstance(goal, RaceGoal)
    model, weeks = case.model(), case.plan()
    race = goal.race_date
    assert race_day_of(weeks, model.long_run_weekday) == race
    sessions = planned_sessions(weeks, model, case.today)
    on_race_day = sessions[sessions["date"] == race]
    assert list(on_race_day["kind"]) == ["race"], "race day holds the race alone"
    if goal.race_distance_m is not None:
        assert on_race_day["distance_m"].iloc[0] == pytest.approx(goal.race_distance_m)
    assert (sessions["date"] <= race).all(), "nothing after the race"
    assert (sessions.loc[sessions["kind"] == "race", "date"] == race).all()
    day_before = sessions[sessions["date"] == race - timedelta(days=1)]
    assert day_before.empty, "the day before the race is a rest day"
    long_runs = sessions[sessions["kind"] == "long_run"]
    assert (long_runs["date"] <= race - timedelta(days=LAST_LONG_RUN_DAYS)).all()

    tapering = taper_weeks(race)
    assert 7 * tapering + race.weekday() >= TAPER_MIN_DAYS  # about two weeks of lighter days
    assert [w.week_type for w in weeks[-tapering - 1 :]] == ["taper"] * tapering + ["race"]
    builds = [w.target for w in weeks if w.week_type == "build"]
    peak = max([case.state().base_distance_m, *builds])
    for index, week in enumerate(weeks[-tapering - 1 : -1]):
        assert week.target <= peak * TAPER_FACTORS[index] + TOL
        runs = planned_runs(week, model, race)
        free_days = sum(
            1 for d in range(7) if week.week_start + timedelta(days=d) < race - timedelta(days=1)
        )
        assert len(runs) == min(week.runs, free_days), "a taper keeps the number of runs"
    race_week = planned_runs(weeks[-1], model, race)
    assert all(run.day < race for run in race_week if run.kind != "race")
    assert [run.kind for run in race_week].count("race") == 1


@pytest.mark.parametrize("weekday", range(7), ids=["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
def test_race_week_runs_come_before_the_race_on_every_weekday(weekday: int) -> None:
    """A runner of four runs a week (long run on Sunday), a half marathon on each weekday."""
    today = MONDAY - timedelta(days=1)  # a Sunday with 12 steady weeks behind it
    run_m = tuple(
        7000.0 if i % 7 in (1, 3, 5) else (12000.0 if i % 7 == 6 else 0.0) for i in range(84)
    )
    race = MONDAY + timedelta(weeks=9, days=weekday)
    case = Case(today, run_m, (0.0,) * 84, 6.0, RaceGoal(race, 21097.5), PlanSettings())
    model, weeks = case.model(), case.plan()
    sessions = planned_sessions(weeks, model, today)
    last_week = sessions[sessions["date"] > race - timedelta(days=7)]
    before = last_week[last_week["date"] < race]
    assert list(last_week.loc[last_week["date"] == race, "kind"]) == ["race"]
    assert len(before) >= 2, "short runs in the week before the race, not six days off"
    assert (before["kind"] == "run").all()
    assert before["distance_m"].max() < 0.5 * 21097.5
    last_long = sessions.loc[sessions["kind"] == "long_run", "date"].max()
    assert 7 <= (race - last_long).days <= 14
