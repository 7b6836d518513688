"""Spread plan weeks into dated sessions using the runner's usual week pattern.

A race changes the days around it: the race is alone on race day, nothing is planned after it,
the day before is a rest day, and no long run falls in the last week before it
(training.planner.race). Cross-training keeps the runner's usual days but eases with the week:
lighter in recovery and taper weeks, like the running.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

import pandas as pd

from training.load import DEFAULT_LOAD_PER_HOUR
from training.planner.model import RECOVERY_CUT_DEFAULT, PlanWeek
from training.planner.race import TAPER_FACTORS, long_run_allowed, race_day_of, run_allowed
from training.planner.runner import RunnerModel

PLANNED_RUN_SPORT = "Run"
PLANNED_CROSS_SPORT = "Workout"  # counted as cross-training by training.sports
SESSION_KINDS = ("run", "long_run", "race", "cross_training")
# Usual cross-training scaled like the running of the week (docs/science.md#recovery-weeks):
# a default recovery cut, the taper's cuts; a rest week from running keeps it as usual.
CROSS_FACTORS = {
    "build": 1.0,
    "recovery": 1.0 - RECOVERY_CUT_DEFAULT,
    "taper": TAPER_FACTORS[0],
    "race": TAPER_FACTORS[1],
    "rest": 1.0,
}
SESSION_COLUMNS = [
    "date",
    "week_start",
    "kind",
    "title",
    "sport_type",
    "distance_m",
    "moving_time_s",
    "load",
]


@dataclass(frozen=True)
class PlannedRun:
    """One run of a plan week: its day, distance and kind ("run", "long_run" or "race")."""

    day: date
    distance_m: float
    kind: str = "run"


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


def _race_runs(week: PlanWeek, model: RunnerModel, race_day: date) -> list[PlannedRun]:
    """The race alone on race day, the week's other runs on free days before the day before."""
    total = week_distance_m(week, model)
    race = long_run_m(week, model, total)
    free = [d for d in range(7) if run_allowed(week.week_start + timedelta(days=d), race_day)]
    days = model.run_weekdays(week.runs - 1, allowed=free) if week.runs > 1 else []
    short = (total - race) / len(days) if days else 0.0
    runs = [PlannedRun(week.week_start + timedelta(days=d), short) for d in days if short > 0]
    return [*runs, PlannedRun(race_day, race, "race")]


def planned_runs(
    week: PlanWeek, model: RunnerModel, race_day: date | None = None
) -> list[PlannedRun]:
    """The week's runs: the long run on the long-run day, the rest shared evenly.

    With a race in the plan, no run falls on or after the day before the race except the race,
    and a long-run day in the last week before the race becomes an ordinary run.
    """
    total = week_distance_m(week, model)
    if total <= 0:
        return []
    if race_day is not None and week.week_start <= race_day <= week.week_end:
        return _race_runs(week, model, race_day)
    long_day = model.long_run_weekday if week.long_run_weekday is None else week.long_run_weekday
    free = [d for d in range(7) if run_allowed(week.week_start + timedelta(days=d), race_day)]
    days = model.run_weekdays(week.runs, long_day, allowed=free)
    if not days:
        return []
    has_long = long_day in days and long_run_allowed(
        week.week_start + timedelta(days=long_day), race_day
    )
    longest = long_run_m(week, model, total) if has_long and len(days) > 1 else total / len(days)
    others = (total - longest) / (len(days) - 1) if len(days) > 1 else 0.0
    return [
        PlannedRun(
            week.week_start + timedelta(days=d),
            longest if d == long_day and has_long else others,
            "long_run" if d == long_day and has_long and longest > others else "run",
        )
        for d in days
    ]


def _title(kind: str, week_type: str, distance_m: float, minutes: float) -> str:
    km = f"{distance_m / 1000:.1f} km"
    if kind == "race":
        return f"Race {km}"
    if kind == "long_run":
        return f"Long run {km}"
    if kind == "run":
        return f"Short run {km}" if week_type in ("taper", "race") else f"Run {km}"
    easing = {"recovery": "recovery week", "taper": "taper", "race": "race week"}
    note = f"lighter: {easing[week_type]}" if week_type in easing else "as usual"
    return f"Cross-training {minutes:.0f} min ({note})"


@dataclass(frozen=True)
class PlannedSession:
    """One dated session of a plan, as the projection, the calendar and the CLI show it."""

    day: date
    week_start: date
    kind: str  # one of SESSION_KINDS
    title: str
    sport_type: str
    distance_m: float
    moving_time_s: float
    load: float


def week_sessions(
    week: PlanWeek, model: RunnerModel, race_day: date | None = None
) -> list[PlannedSession]:
    """Every session of one week: its runs, and the usual cross-training eased with the week."""
    sessions = []
    for run in planned_runs(week, model, race_day):
        if run.distance_m > 0:
            seconds = model.seconds_for(run.distance_m)
            title = _title(run.kind, week.week_type, run.distance_m, seconds / 60)
            sessions.append(
                PlannedSession(
                    run.day,
                    week.week_start,
                    run.kind,
                    title,
                    PLANNED_RUN_SPORT,
                    run.distance_m,
                    seconds,
                    model.load_for(run.distance_m),
                )
            )
    factor = CROSS_FACTORS[week.week_type]
    for offset, usual in enumerate(model.cross_load_by_weekday):
        day = week.week_start + timedelta(days=offset)
        load = usual * factor
        if load > 0 and run_allowed(day, race_day):
            seconds = load / DEFAULT_LOAD_PER_HOUR["cross"] * 3600.0
            title = _title("cross_training", week.week_type, 0.0, seconds / 60)
            sessions.append(
                PlannedSession(
                    day,
                    week.week_start,
                    "cross_training",
                    title,
                    PLANNED_CROSS_SPORT,
                    0.0,
                    seconds,
                    load,
                )
            )
    return sessions


def planned_sessions(weeks: Iterable[PlanWeek], model: RunnerModel, after: date) -> pd.DataFrame:
    """Every planned session strictly after `after` (today): runs plus eased cross-training."""
    weeks = list(weeks)
    race_day = race_day_of(weeks, model.long_run_weekday)
    rows = [
        {"date": session.day, **asdict(session)}
        for week in weeks
        for session in week_sessions(week, model, race_day)
        if session.day > after
    ]
    frame = pd.DataFrame(rows, columns=SESSION_COLUMNS)
    return frame.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)
