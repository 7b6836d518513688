"""Generated plans respect their limits for many random starting states (property-based)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.planner.helpers import activities_from, history_of
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
from training.planner.state import start_state
from training.profile import AthleteProfile

TOL = 1e-9


@st.composite
def starting_states(draw: st.DrawFn) -> dict[str, object]:
    """A runner with 5-16 weeks of irregular history, a goal and block settings."""
    today = date(2026, 6, 1) + timedelta(days=draw(st.integers(0, 6)))
    days = draw(st.integers(35, 112))
    pattern = draw(st.lists(st.booleans(), min_size=7, max_size=7))
    scale = draw(st.floats(2000, 20000))
    run_m = [
        scale * draw(st.floats(0.3, 1.8)) if pattern[i % 7] and draw(st.booleans()) else 0.0
        for i in range(days)
    ]
    cross = [draw(st.sampled_from([0.0, 0.0, 0.0, 25.0, 60.0])) for _ in range(days)]
    weeks_ahead = draw(st.integers(4, 16))
    goal_day = monday_of(today) + timedelta(weeks=weeks_ahead - 1, days=draw(st.integers(0, 6)))
    if draw(st.booleans()):
        goal: VolumeGoal | RaceGoal = VolumeGoal(draw(st.floats(5000, 120000)), goal_day)
    else:
        goal = RaceGoal(goal_day, draw(st.sampled_from([None, 5000.0, 10000.0, 21097.5])))
    plan_settings = PlanSettings(
        build_weeks=draw(st.sampled_from([2, 3])),
        recovery_cut=draw(st.floats(0.2, 0.4)),
        runs_per_week=draw(st.sampled_from([None, 1, 2, 3, 5, 6])),
    )
    return {
        "today": today,
        "run_m": run_m,
        "cross": cross,
        "goal": goal,
        "settings": plan_settings,
        "load_per_km": draw(st.floats(3.0, 12.0)),
    }


def one_short_run(today: date, day_index: int, runs_per_week: int | None) -> dict[str, object]:
    """35 days with a single 2 km run: a chronic load too small for a ratio to mean anything."""
    run_m = [2000.0 if i == day_index else 0.0 for i in range(35)]
    return {
        "today": today,
        "run_m": run_m,
        "cross": [0.0] * 35,
        "goal": RaceGoal(date(2026, 6, 22), None, None),
        "settings": PlanSettings(build_weeks=2, recovery_cut=0.25, runs_per_week=runs_per_week),
        "load_per_km": 3.0,
    }


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(case=starting_states())
@example(case=one_short_run(date(2026, 6, 1), 5, None))
@example(case=one_short_run(date(2026, 6, 4), 17, 3))
def test_generated_plans_keep_their_limits(case: dict[str, object]) -> None:
    """Every run keeps its 30-day cap; builds above the hold keep both ratios ≤ 1.3.

    The hold is the last build week, or the return-to-run week if that is larger: below it the
    chronic load is too small for a ratio to mean anything, so only the run caps apply there.
    No week is left empty: with runs of 600 m or more in the history every week can hold a run.
    """
    today = case["today"]
    assert isinstance(today, date)
    profile = AthleteProfile()
    acts = activities_from(today, case["run_m"], case["cross"], case["load_per_km"])  # type: ignore[arg-type]
    history = history_of(acts, profile, today)
    model = runner_model(acts, today)
    state = start_state(history, today)
    goal = case["goal"]
    plan_settings = case["settings"]
    assert isinstance(plan_settings, PlanSettings)
    weeks = generate_plan(goal, state, model, plan_settings)  # type: ignore[arg-type]

    last = goal.race_date if isinstance(goal, RaceGoal) else goal.by  # type: ignore[union-attr]
    assert weeks[0].week_start == monday_of(today)
    assert weeks[-1].week_start == monday_of(last)
    assert all(w.target > 0 for w in weeks), "an empty week in the plan"
    sessions = planned_sessions(weeks, model, today)
    projected = project(history, planned_days(sessions, today, weeks[-1].week_end), profile)
    by_day = projected.set_index(pd.to_datetime(projected["date"]).dt.date)

    race_day = goal.race_date if isinstance(goal, RaceGoal) else None
    for day, row in by_day.iterrows():
        if row["longest_run_m"] <= 0 or day == race_day:
            continue
        reference = row["longest_run_30d_m"]
        cap = FIRST_RUN_CAP_M if reference <= 0 else SPIKE_LIMIT * reference
        assert row["longest_run_m"] <= cap + TOL, f"run on {day} above the 30-day cap"

    hold = state.base_distance_m
    peak = state.base_distance_m
    for week in weeks:
        days = by_day.loc[[d for d in by_day.index if week.week_start <= d <= week.week_end]]
        if week.week_type == "build":
            if week.target > max(hold, return_week_m(week.runs)) + TOL and not days.empty:
                rolling = days["acwr_rolling"].iloc[-1]
                assert pd.isna(rolling) or rolling <= WEEK_RATIO_LIMIT + TOL
                assert days["acwr"].dropna().le(WEEK_RATIO_LIMIT + TOL).all()
            if isinstance(goal, VolumeGoal):
                assert week.target <= goal.weekly_distance_m + TOL
            hold, peak = week.target, max(peak, week.target)
        elif week.week_type == "recovery":
            assert week.target <= hold * (1 - plan_settings.recovery_cut) + TOL
        elif week.week_type == "taper":
            assert week.target <= peak * TAPER_FACTORS[0] + TOL
    if isinstance(goal, RaceGoal):
        assert [w.week_type for w in weeks[-2:]] == ["taper", "race"]
        assert weeks[-1].long_run_weekday == goal.race_date.weekday()


@pytest.mark.parametrize("weeks_away", [2, 17], ids=["too-soon", "too-far"])
def test_goal_dates_outside_4_to_16_weeks_are_refused(weeks_away: int) -> None:
    today = date(2026, 6, 3)
    goal = VolumeGoal(30000.0, monday_of(today) + timedelta(weeks=weeks_away))
    with pytest.raises(ValueError, match="4-16 weeks"):
        generate_plan(goal, start_state(pd.DataFrame(), today), runner_model(pd.DataFrame(), today))


def test_a_three_to_one_block_cuts_every_fourth_week_by_the_chosen_amount() -> None:
    today = date(2026, 6, 7)  # a Sunday: the plan's first week is the week ending today
    steady = [8000.0 if i % 7 in (1, 3, 5) else (16000.0 if i % 7 == 6 else 0.0) for i in range(84)]
    acts = activities_from(today, steady, [0.0] * 84, 6.0)
    history = history_of(acts, AthleteProfile(), today)
    weeks = generate_plan(
        VolumeGoal(60000.0, today + timedelta(weeks=11)),
        start_state(history, today),
        runner_model(acts, today),
        PlanSettings(build_weeks=3, recovery_cut=0.25),
    )
    types = [w.week_type for w in weeks]
    assert types[:8] == ["build"] * 3 + ["recovery"] + ["build"] * 3 + ["recovery"]
    assert weeks[3].target == pytest.approx(weeks[2].target * 0.75, abs=100)
    assert weeks[7].target == pytest.approx(weeks[6].target * 0.75, abs=100)
