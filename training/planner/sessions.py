"""Spread plan weeks into dated sessions using the runner's usual week pattern."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from training.load import DEFAULT_LOAD_PER_HOUR
from training.planner.model import PlanWeek
from training.planner.runner import RunnerModel

PLANNED_RUN_SPORT = "Run"
PLANNED_CROSS_SPORT = "Workout"  # counted as cross-training by training.sports
SESSION_COLUMNS = [
    "date",
    "week_start",
    "kind",
    "sport_type",
    "distance_m",
    "moving_time_s",
    "load",
]


@dataclass(frozen=True)
class PlannedRun:
    """One run of a plan week: its day, distance and whether it is the week's long run."""

    day: date
    distance_m: float
    is_long: bool


def week_distance_m(week: PlanWeek, model: RunnerModel) -> float:
    """The week's running distance, converting a time or load target with the runner's model."""
    if week.week_type == "rest" or week.runs <= 0 or week.target <= 0:
        return 0.0
    if week.target_kind == "time":
        return week.target / model.pace_s_per_km * 1000.0
    if week.target_kind == "load":
        return week.target / model.load_per_km * 1000.0
    return float(week.target)


def long_run_m(week: PlanWeek, model: RunnerModel, distance_m: float | None = None) -> float:
    """The week's long run: as set, else the runner's usual share (never below an even split)."""
    total = week_distance_m(week, model) if distance_m is None else distance_m
    if total <= 0:
        return 0.0
    runs = max(week.runs, 1)
    if runs == 1:
        return total
    if week.long_run_m is not None:
        return min(float(week.long_run_m), total)
    return max(model.long_run_share, 1.0 / runs) * total


def planned_runs(week: PlanWeek, model: RunnerModel) -> list[PlannedRun]:
    """The week's runs: the long run on the long-run day, the rest shared evenly."""
    total = week_distance_m(week, model)
    if total <= 0:
        return []
    long_day = model.long_run_weekday if week.long_run_weekday is None else week.long_run_weekday
    days = model.run_weekdays(week.runs, long_day)
    longest = long_run_m(week, model, total)
    others = (total - longest) / (len(days) - 1) if len(days) > 1 else 0.0
    return [
        PlannedRun(
            week.week_start + timedelta(days=d), longest if d == long_day else others, d == long_day
        )
        for d in days
    ]


def planned_sessions(weeks: Iterable[PlanWeek], model: RunnerModel, after: date) -> pd.DataFrame:
    """Every planned session strictly after `after` (today): runs plus usual cross-training."""
    rows: list[dict[str, object]] = []
    cross_hours = DEFAULT_LOAD_PER_HOUR["cross"]
    for week in weeks:
        for run in planned_runs(week, model):
            if run.day > after and run.distance_m > 0:
                rows.append(
                    {
                        "date": run.day,
                        "week_start": week.week_start,
                        "kind": "long run" if run.is_long else "run",
                        "sport_type": PLANNED_RUN_SPORT,
                        "distance_m": run.distance_m,
                        "moving_time_s": model.seconds_for(run.distance_m),
                        "load": model.load_for(run.distance_m),
                    }
                )
        for offset, cross_load in enumerate(model.cross_load_by_weekday):
            day = week.week_start + timedelta(days=offset)
            if day > after and cross_load > 0:
                rows.append(
                    {
                        "date": day,
                        "week_start": week.week_start,
                        "kind": "cross-training",
                        "sport_type": PLANNED_CROSS_SPORT,
                        "distance_m": 0.0,
                        "moving_time_s": cross_load / cross_hours * 3600.0,
                        "load": cross_load,
                    }
                )
    frame = pd.DataFrame(rows, columns=SESSION_COLUMNS)
    return frame.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)
