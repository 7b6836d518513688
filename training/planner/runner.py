"""The runner's own model for turning planned kilometres into time and load.

Built from their recent real sessions (SCIENCE.md 1.8: loads are only comparable on one scale,
so the planner reuses the load the engine gave their own runs): pace and load per kilometre,
which weekdays they usually run, where the long run falls and how big it is, and the load of
their usual cross-training, which the projection keeps as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from training.load import DEFAULT_LOAD_PER_HOUR
from training.sports import RUN_SPORTS

MODEL_WEEKS = 8  # recent enough to reflect current fitness, long enough to see a pattern
DEFAULT_PACE_S_PER_KM = 360.0  # 6:00/km, an easy recreational pace, used only without runs
DEFAULT_LONG_RUN_SHARE = 0.30  # a common long-run share of weekly distance (coaching practice)
DEFAULT_RUNS = 4
# Preferred weekdays when the history says nothing (Mon = 0): long run Sunday, runs spaced out.
DEFAULT_DAY_ORDER = (6, 1, 3, 5, 2, 4, 0)
MAX_RUNS_PER_WEEK = 7


@dataclass(frozen=True)
class RunnerModel:
    """Pace, load per km, usual week pattern and usual cross-training of one runner."""

    pace_s_per_km: float = DEFAULT_PACE_S_PER_KM
    load_per_km: float = DEFAULT_LOAD_PER_HOUR["run"] * DEFAULT_PACE_S_PER_KM / 3600.0
    long_run_share: float = DEFAULT_LONG_RUN_SHARE
    day_order: tuple[int, ...] = DEFAULT_DAY_ORDER  # weekdays, most used first
    long_run_weekday: int = 6
    usual_runs: int = DEFAULT_RUNS
    cross_load_by_weekday: tuple[float, ...] = (0.0,) * 7
    runs_seen: int = 0  # how many real runs the model rests on (0 = defaults)

    def run_weekdays(
        self, runs: int, long_day: int | None = None, allowed: Iterable[int] | None = None
    ) -> list[int]:
        """The weekdays of `runs` runs among `allowed` (default: all), sorted.

        The long-run day and the runner's usual days come first; days the runner does not
        usually run fill the rest, avoiding back-to-back days where the week leaves room.
        """
        long_day = self.long_run_weekday if long_day is None else long_day
        free = set(range(7) if allowed is None else allowed)
        wanted = max(0, min(runs, MAX_RUNS_PER_WEEK, len(free)))
        chosen: list[int] = []
        for day in (long_day, *self.day_order):
            if day in free and day not in chosen and len(chosen) < wanted:
                chosen.append(day)
        for spaced in (True, False):
            for day in DEFAULT_DAY_ORDER:
                if len(chosen) >= wanted or day not in free or day in chosen:
                    continue
                if spaced and any((day - other) % 7 in (1, 6) for other in chosen):
                    continue
                chosen.append(day)
        return sorted(chosen)

    def seconds_for(self, distance_m: float) -> float:
        """Moving time of a run at the runner's usual pace."""
        return distance_m / 1000.0 * self.pace_s_per_km

    def load_for(self, distance_m: float) -> float:
        """Load of a run at the runner's usual load per kilometre."""
        return distance_m / 1000.0 * self.load_per_km

    @property
    def cross_load_per_week(self) -> float:
        """Load of the runner's usual non-running sessions in a week."""
        return float(sum(self.cross_load_by_weekday))


def runner_model(activities: pd.DataFrame, today: date, weeks: int = MODEL_WEEKS) -> RunnerModel:
    """Fit the model on the sessions of the last `weeks` weeks up to `today`.

    `activities` needs start_date_local, sport_type, distance_m, moving_time_s and load.
    """
    if activities.empty:
        return RunnerModel()
    day = pd.to_datetime(activities["start_date_local"]).dt.normalize()
    start = pd.Timestamp(today - timedelta(weeks=weeks) + timedelta(days=1))
    recent = activities.assign(day=day)[(day >= start) & (day <= pd.Timestamp(today))]
    load = pd.to_numeric(recent["load"], errors="coerce").fillna(0.0)
    distance = pd.to_numeric(recent["distance_m"], errors="coerce").fillna(0.0)
    moving = pd.to_numeric(recent["moving_time_s"], errors="coerce").fillna(0.0)
    is_run = recent["sport_type"].isin(list(RUN_SPORTS))
    cross = (
        recent.assign(load=load)[~is_run]
        .groupby(recent["day"].dt.day_of_week)["load"]
        .sum()
        .reindex(range(7), fill_value=0.0)
        / weeks
    )
    usable = is_run & (distance > 0) & (moving > 0)
    runs = recent[usable].assign(
        load=load[usable], distance_m=distance[usable], moving_time_s=moving[usable]
    )
    cross_by_day = tuple(float(v) for v in cross.to_numpy())
    if runs.empty:
        return RunnerModel(cross_load_by_weekday=cross_by_day)
    km = float(runs["distance_m"].sum()) / 1000.0
    weekdays = runs["day"].dt.day_of_week
    counts = Counter(int(d) for d in weekdays)
    order = tuple(sorted(counts, key=lambda d: (-counts[d], DEFAULT_DAY_ORDER.index(d))))
    week = runs["day"].dt.to_period("W-SUN")
    longest_idx = runs.groupby(week)["distance_m"].idxmax()
    long_days = Counter(int(d) for d in weekdays.loc[longest_idx])
    per_week = runs.groupby(week).agg(
        total=("distance_m", "sum"), longest=("distance_m", "max"), n=("distance_m", "size")
    )
    multi = per_week[per_week["n"] > 1]
    share = float((multi["longest"] / multi["total"]).median()) if not multi.empty else 1.0
    return RunnerModel(
        pace_s_per_km=float(runs["moving_time_s"].sum()) / km,
        load_per_km=float(runs["load"].sum()) / km,
        long_run_share=share if not multi.empty else DEFAULT_LONG_RUN_SHARE,
        day_order=order,
        long_run_weekday=max(long_days, key=lambda d: (long_days[d], d)),
        usual_runs=max(1, min(MAX_RUNS_PER_WEEK, round(float(per_week["n"].median())))),
        cross_load_by_weekday=cross_by_day,
        runs_seen=len(runs),
    )
