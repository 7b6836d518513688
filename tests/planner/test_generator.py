"""Generated plans respect their limits for many random starting states (property-based)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings

from tests.planner.strategies import Case, cases
from training.fitness import METRIC_COLUMNS, daily_metrics
from training.planner.generate import generate_plan
from training.planner.limits import (
    FIRST_RUN_CAP_M,
    SPIKE_LIMIT,
    WEEK_RATIO_LIMIT,
    return_week_m,
)
from training.planner.model import PlanSettings, RaceGoal, VolumeGoal, monday_of
from training.planner.projection import planned_days, project
from training.planner.race import TAPER_FACTORS
from training.planner.runner import runner_model
from training.planner.sessions import planned_sessions
from training.planner.shortfall import shortfall
from training.planner.state import start_state
from training.profile import AthleteProfile

TOL = 1e-9
NUMERIC = [c for c in METRIC_COLUMNS if c not in ("athlete_id", "date")]


def one_short_run(today: date, day_index: int, runs_per_week: int | None) -> Case:
    """35 days with a single 2 km run: a chronic load too small for a ratio to mean anything."""
    run_m = tuple(2000.0 if i == day_index else 0.0 for i in range(35))
    return Case(
        today,
        run_m,
        (0.0,) * 35,
        3.0,
        RaceGoal(date(2026, 6, 22), None, None),
        PlanSettings(build_weeks=2, recovery_cut=0.25, runs_per_week=runs_per_week),
    )


@settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=cases())
@example(case=one_short_run(date(2026, 6, 1), 5, None))
@example(case=one_short_run(date(2026, 6, 4), 17, 3))
def test_generated_plans_keep_their_limits(case: Case) -> None:
    """Every run but the race keeps its 30-day cap; builds above the hold keep the week ratio.

    The hold is the last build week, or the return-to-run week if that is larger: below it the
    chronic load is too small for a ratio to mean anything, so only the run caps apply there.
    Recovery weeks are lighter than the build week before, their long run no longer; weekly
    goals end on a build week at the goal or say why; the projection is the load engine's.
    """
    history, acts, model = case.history(), case.activities(), case.model()
    state = start_state(history, case.today)
    weeks = generate_plan(case.goal, state, model, case.settings)
    goal = case.goal
    last = goal.race_date if isinstance(goal, RaceGoal) else goal.by
    assert weeks[0].week_start == monday_of(case.today)
    assert weeks[-1].week_start == monday_of(last)
    assert all(w.target > 0 for w in weeks), "an empty week in the plan"

    sessions = planned_sessions(weeks, model, case.today)
    profile = AthleteProfile()
    end = weeks[-1].week_end
    projected = project(history, planned_days(sessions, case.today, end), profile)
    if not acts.empty:  # without history the engine starts at the first session (test_projection)
        synthetic = sessions.assign(athlete_id=1, start_date_local=pd.to_datetime(sessions["date"]))
        both = pd.concat([acts, synthetic], ignore_index=True)
        engine = daily_metrics(both, {1: profile}, end)
        engine = engine[engine["date"] > pd.Timestamp(case.today)].reset_index(drop=True)
        assert list(projected["date"]) == list(engine["date"])
        for column in NUMERIC:
            np.testing.assert_allclose(
                projected[column].to_numpy(float),
                engine[column].to_numpy(float),
                rtol=1e-9,
                atol=1e-9,
                equal_nan=True,
                err_msg=column,
            )

    race_day = goal.race_date if isinstance(goal, RaceGoal) else None
    by_day = projected.set_index(pd.to_datetime(projected["date"]).dt.date)
    for day, row in by_day.iterrows():
        if row["longest_run_m"] <= 0 or day == race_day:
            continue
        reference = row["longest_run_30d_m"]
        cap = FIRST_RUN_CAP_M if reference <= 0 else SPIKE_LIMIT * reference
        assert row["longest_run_m"] <= cap + TOL, f"run on {day} above the 30-day cap"

    hold = state.base_distance_m
    peak = state.base_distance_m
    previous = None
    for week in weeks:
        days = by_day.loc[[d for d in by_day.index if week.week_start <= d <= week.week_end]]
        if week.week_type == "build":
            if week.target > max(hold, return_week_m(week.runs)) + TOL and not days.empty:
                rolling = days["acwr_rolling"].iloc[-1]
                assert pd.isna(rolling) or rolling <= WEEK_RATIO_LIMIT + TOL
            if isinstance(goal, VolumeGoal):
                assert week.target <= goal.weekly_distance_m + TOL
            hold, peak = week.target, max(peak, week.target)
        elif week.week_type == "recovery":
            assert previous is not None and previous.week_type == "build"
            assert week.target <= hold * (1 - case.settings.recovery_cut) + TOL
            assert week.target < previous.target
            assert (week.long_run_m or 0.0) <= (previous.long_run_m or 0.0) + TOL
        elif week.week_type == "taper":
            assert week.target <= peak * TAPER_FACTORS[0] + TOL
        previous = week

    short = shortfall(goal, weeks, state, model, case.settings)
    if isinstance(goal, VolumeGoal):
        assert weeks[-1].week_type == "build"
        reached = weeks[-1].target >= goal.weekly_distance_m - 100
        assert reached == (short is None), "a weekly goal is reached, or the plan says why"
    else:
        assert [w.week_type for w in weeks[-2:]] == ["taper", "race"]
        assert weeks[-1].long_run_weekday == goal.race_date.weekday()
    if short is not None:
        assert f"{short.needed_m / 1000:.0f} km" in short.sentence
        assert short.later_day is None or short.later_day > last


@pytest.mark.parametrize("weeks_away", [2, 17], ids=["too-soon", "too-far"])
def test_goal_dates_outside_4_to_16_weeks_are_refused(weeks_away: int) -> None:
    today = date(2026, 6, 3)
    goal = VolumeGoal(30000.0, monday_of(today) + timedelta(weeks=weeks_away))
    with pytest.raises(ValueError, match="4-16 weeks"):
        generate_plan(goal, start_state(pd.DataFrame(), today), runner_model(pd.DataFrame(), today))


def test_a_three_to_one_block_cuts_every_fourth_week_by_the_chosen_amount() -> None:
    today = date(2026, 6, 7)  # a Sunday: the plan's first week is the week ending today
    steady = tuple(
        8000.0 if i % 7 in (1, 3, 5) else (16000.0 if i % 7 == 6 else 0.0) for i in range(84)
    )
    case = Case(
        today,
        steady,
        (0.0,) * 84,
        6.0,
        VolumeGoal(60000.0, today + timedelta(weeks=11)),
        PlanSettings(build_weeks=3, recovery_cut=0.25),
    )
    weeks = case.plan()
    types = [w.week_type for w in weeks]
    assert types[:8] == ["build"] * 3 + ["recovery"] + ["build"] * 3 + ["recovery"]
    assert weeks[3].target == pytest.approx(weeks[2].target * 0.75, abs=100)
    assert weeks[7].target == pytest.approx(weeks[6].target * 0.75, abs=100)
    # After a recovery week the build returns to the week before it, then grows again.
    assert weeks[4].target == weeks[2].target
    assert weeks[5].target > weeks[4].target
    assert "after recovery" in weeks[4].note


def test_a_weekly_goal_ends_on_a_build_week_at_the_goal() -> None:
    """A 3:1 block of 12 weeks would end on a recovery week; the goal week is a build week."""
    today = date(2026, 6, 7)
    steady = tuple(
        6000.0 if i % 7 in (1, 3, 5) else (12000.0 if i % 7 == 6 else 0.0) for i in range(84)
    )
    case = Case(
        today,
        steady,
        (0.0,) * 84,
        6.0,
        VolumeGoal(36000.0, today + timedelta(weeks=11)),
        PlanSettings(build_weeks=3, recovery_cut=0.3),
    )
    weeks = case.plan()
    assert len(weeks) == 12  # the 3:1 pattern alone would put a recovery week last
    assert weeks[-1].week_type == "build"
    assert weeks[-1].target == 36000.0
    assert weeks[-1].note == "Goal week"
    assert shortfall(case.goal, weeks, case.state(), case.model(), case.settings) is None
