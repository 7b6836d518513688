"""Hypothesis strategies for planner properties: irregular histories, goals and block settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from hypothesis import strategies as st

from tests.planner.helpers import activities_from, history_of
from training.planner.generate import generate_plan
from training.planner.model import Goal, PlanSettings, PlanWeek, RaceGoal, VolumeGoal, monday_of
from training.planner.runner import RunnerModel, runner_model
from training.planner.state import StartState, start_state
from training.profile import AthleteProfile

RACE_DISTANCES_M = (None, 5000.0, 10000.0, 21097.5, 42195.0)


@dataclass(frozen=True)
class Case:
    """One starting state and goal: the runner's history, what they aim for, how to build."""

    today: date
    run_m: tuple[float, ...]
    cross: tuple[float, ...]
    load_per_km: float
    goal: Goal
    settings: PlanSettings

    def activities(self) -> pd.DataFrame:
        return activities_from(self.today, self.run_m, self.cross, self.load_per_km)

    def history(self) -> pd.DataFrame:
        return history_of(self.activities(), AthleteProfile(), self.today)

    def model(self) -> RunnerModel:
        return runner_model(self.activities(), self.today)

    def state(self) -> StartState:
        return start_state(self.history(), self.today)

    def plan(self) -> list[PlanWeek]:
        return generate_plan(self.goal, self.state(), self.model(), self.settings)


def goal_day(draw: st.DrawFn, today: date) -> date:
    """A goal day 4-16 plan weeks ahead, on any weekday."""
    weeks_ahead = draw(st.integers(4, 16))
    return monday_of(today) + timedelta(weeks=weeks_ahead - 1, days=draw(st.integers(0, 6)))


def history(draw: st.DrawFn, days: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Runs on some weekdays of a pattern, irregular lengths; sometimes cross-training."""
    pattern = draw(st.lists(st.booleans(), min_size=7, max_size=7))
    scale = draw(st.floats(2000, 20000))
    run_m = tuple(
        scale * draw(st.floats(0.3, 1.8)) if pattern[i % 7] and draw(st.booleans()) else 0.0
        for i in range(days)
    )
    cross = tuple(draw(st.sampled_from([0.0, 0.0, 0.0, 25.0, 60.0])) for _ in range(days))
    return run_m, cross


def block_settings(draw: st.DrawFn) -> PlanSettings:
    return PlanSettings(
        build_weeks=draw(st.sampled_from([2, 3])),
        recovery_cut=draw(st.floats(0.2, 0.4)),
        runs_per_week=draw(st.sampled_from([None, 1, 2, 3, 5, 6])),
    )


@st.composite
def cases(draw: st.DrawFn, race: bool | None = None) -> Case:
    """A runner with 5-16 weeks of irregular history, a goal (race or weekly) and settings."""
    today = date(2026, 6, 1) + timedelta(days=draw(st.integers(0, 6)))
    run_m, cross = history(draw, draw(st.integers(35, 112)))
    day = goal_day(draw, today)
    is_race = draw(st.booleans()) if race is None else race
    goal: Goal = (
        RaceGoal(day, draw(st.sampled_from(RACE_DISTANCES_M)))
        if is_race
        else VolumeGoal(draw(st.floats(5000, 120000)), day)
    )
    return Case(today, run_m, cross, draw(st.floats(3.0, 12.0)), goal, block_settings(draw))
