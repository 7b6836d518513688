"""Long runs build on their own rule: 110 % of the 30-day longest, towards the race's goal."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.planner.runners import SIXTY_KM, THIRTY_KM, TODAY, runner
from training.planner.limits import SPIKE_LIMIT
from training.planner.model import PlanSettings, RaceGoal
from training.planner.race import (
    LONG_RUN_MAX_SHARE,
    long_run_max_share,
    long_run_target_m,
)
from training.planner.sessions import planned_sessions

SIXTEEN_WEEKS = TODAY + timedelta(weeks=15, days=6)  # the Sunday that ends the 16th plan week


@pytest.mark.parametrize(
    ("race_m", "target_m"),
    [(5000.0, 6000.0), (10000.0, 10000.0), (21097.5, 16878.0), (42195.0, 32000.0)],
    ids=["5k", "10k", "half", "marathon"],
)
def test_each_race_distance_has_a_long_run_goal(race_m: float, target_m: float) -> None:
    assert long_run_target_m(race_m) == pytest.approx(target_m)
    assert long_run_target_m(race_m + 1) == pytest.approx(target_m, abs=2)  # no cliff


def test_a_race_without_a_distance_sets_no_long_run_goal() -> None:
    assert long_run_target_m(None) is None
    assert long_run_target_m(0.0) is None


def test_a_long_run_is_at_most_half_the_week_or_twice_the_other_run() -> None:
    assert long_run_max_share(1) == 1.0
    assert long_run_max_share(2) == pytest.approx(2 / 3)
    assert [long_run_max_share(n) for n in (3, 4, 6)] == [LONG_RUN_MAX_SHARE] * 3


def _long_runs(case_goal_km: float, week_m: dict[int, float]) -> tuple[list[float], list]:
    case = runner(week_m, RaceGoal(SIXTEEN_WEEKS, case_goal_km * 1000), PlanSettings())
    weeks, model = case.plan(), case.model()
    sessions = planned_sessions(weeks, model, TODAY)
    runs = sessions[sessions["kind"].isin(["run", "long_run"])]
    history = case.activities()
    seen = {
        row.start_date_local.date(): float(row.distance_m)
        for row in history.itertuples()
        if row.distance_m > 0
    }
    for day, metres in zip(runs["date"], runs["distance_m"], strict=True):
        before = [m for d, m in seen.items() if day - timedelta(days=30) <= d < day]
        assert metres <= SPIKE_LIMIT * max(before) + 1e-6, f"run on {day} above its 30-day cap"
        seen[day] = max(seen.get(day, 0.0), metres)
    longs = sessions.loc[sessions["kind"] == "long_run", "distance_m"].tolist()
    return longs, weeks


def test_a_marathon_block_from_30_km_a_week_builds_the_long_run_towards_32_km() -> None:
    longs, weeks = _long_runs(42.195, THIRTY_KM)
    assert max(longs) >= 27_000, "the long run builds well past the runner's usual 11 km"
    assert max(longs) <= 32_000
    peak_week = max(weeks, key=lambda w: w.target)
    assert peak_week.long_run_m is not None
    assert peak_week.long_run_m <= LONG_RUN_MAX_SHARE * peak_week.target + 100


def test_a_half_marathon_block_reaches_about_80_percent_of_the_race() -> None:
    longs, _ = _long_runs(21.0975, THIRTY_KM)
    assert max(longs) == pytest.approx(0.8 * 21097.5, abs=100)


def test_a_runner_used_to_longer_runs_keeps_them_for_a_shorter_race() -> None:
    longs, _ = _long_runs(10.0, SIXTY_KM)
    assert min(longs[:3]) >= 20_000  # their usual 20 km long run, not cut to the 10 km goal
