"""A runner with almost no recent running gets a return-to-run plan, not empty weeks."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from tests.planner.helpers import activities_from, history_of
from tests.planner.runners import TODAY, steady
from tests.planner.strategies import Case
from training.planner.fit import ROUND_M
from training.planner.generate import generate_plan
from training.planner.limits import FIRST_RUN_CAP_M, return_week_m
from training.planner.model import PlanSettings, RaceGoal
from training.planner.outlook import plan_outlook
from training.planner.race import TAPER_FACTORS
from training.planner.runner import runner_model
from training.planner.sessions import planned_runs
from training.planner.state import start_state
from training.profile import AthleteProfile


@pytest.mark.parametrize("runs", [1, 2, 3, 4], ids=["1-run", "2-runs", "3-runs", "4-runs"])
def test_without_runs_the_first_week_is_the_return_to_run_week_of_equal_runs(runs: int) -> None:
    today = date(2026, 6, 1)  # a Monday: the whole first week lies ahead
    model = runner_model(pd.DataFrame(), today)
    weeks = generate_plan(
        RaceGoal(date(2026, 7, 26), 5000.0),
        start_state(pd.DataFrame(), today),
        model,
        PlanSettings(runs_per_week=runs),
    )
    first = planned_runs(weeks[0], model)
    assert weeks[0].target == return_week_m(runs)
    assert len({r.distance_m for r in first}) == 1  # a longer run later would spike over the first
    assert max(r.distance_m for r in first) <= FIRST_RUN_CAP_M
    assert all(w.target > 0 for w in weeks)


def test_one_short_run_in_five_weeks_keeps_every_week_and_the_taper_factors() -> None:
    today = date(2026, 6, 4)  # 3 runs a week: once 0 km weeks and a 0.3 km race week
    run_m = [2000.0 if i == 17 else 0.0 for i in range(35)]
    acts = activities_from(today, run_m, [0.0] * 35, 3.0)
    model = runner_model(acts, today)
    weeks = generate_plan(
        RaceGoal(date(2026, 6, 22)),  # a Monday: two taper weeks before the race week
        start_state(history_of(acts, AthleteProfile(), today), today),
        model,
        PlanSettings(build_weeks=2, recovery_cut=0.25, runs_per_week=3),
    )
    assert [w.week_type for w in weeks] == ["build", "taper", "taper", "race"]
    assert all(w.target > 0 for w in weeks)
    peak = weeks[0].target
    rounding = (weeks[0].runs + 1) * ROUND_M  # 0.1 km steps for the week and for its long run
    for week, factor in zip(weeks[1:3], TAPER_FACTORS, strict=True):
        assert peak * factor - rounding <= week.target <= peak * factor


def test_back_from_six_weeks_off_the_floor_weeks_keep_equal_runs_and_say_why() -> None:
    """Ten weeks of 35 km, six weeks off, one 4 km run two days ago, then a half marathon."""
    before = steady(
        {1: 8000.0, 3: 8000.0, 5: 6000.0, 6: 13000.0}, days=70, today=TODAY - timedelta(days=44)
    )
    run_m = (*before, *([0.0] * 41), 4000.0, 0.0, 0.0)
    case = Case(
        TODAY,
        run_m,
        (0.0,) * len(run_m),
        6.0,
        RaceGoal(TODAY + timedelta(weeks=15, days=6), 21097.5),
        PlanSettings(),
    )
    weeks, model = case.plan(), case.model()
    floor = [w for w in weeks if w.week_type == "build" and w.target <= return_week_m(w.runs)]
    assert floor, "the block starts at the return-to-run week"
    for week in floor:
        assert len({round(r.distance_m) for r in planned_runs(week, model)}) == 1
    reviews = plan_outlook(weeks, case.history(), case.activities(), TODAY, AthleteProfile())
    flagged = [w.id for r in reviews.reviews for w in r.warnings if w.severity != "info"]
    assert flagged == []
    notes = {w.id for r in reviews.reviews for w in r.warnings}
    assert "return_to_run_ratio" in notes
