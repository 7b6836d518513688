"""Warnings a plan trips by design, explained on the week instead of flagged.

The coach's load rules read single days. Some planned days trip them on purpose: the week after
a recovery week returns to the build level (more than 30 % over the lighter week, the Nielsen
note), a long run, a run in a week of few runs, or the race lifts the daily load ratio for a day
while the week stays within the weekly ratio, any running lifts it after a break (the
return-to-run week, training.planner.limits), and the race is longer than any training run.
Those become info notes that say why; anything else stays a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from training.coach.load_rules import GABBETT_2016
from training.coach.running_rules import FRANDSEN_2025, NIELSEN_2014
from training.coach.warning import Warning
from training.fitness import LONGEST_RUN_WINDOW_DAYS
from training.planner.generate import BUILD_STEP
from training.planner.limits import SPIKE_LIMIT, WEEK_RATIO_LIMIT
from training.planner.model import PlanWeek
from training.planner.race import race_day_of
from training.planner.runner import RunnerModel
from training.planner.sessions import planned_runs, week_distance_m

WITHIN_CAP = (
    f"every run stays within {SPIKE_LIMIT - 1:.0%} of your longest in the last "
    f"{LONGEST_RUN_WINDOW_DAYS} days"
)
RETURN_SOURCE = "Walk-run return-to-running protocols (2 miles continuous); " + FRANDSEN_2025
RECOVERY_SOURCE = "Recovery weeks every 3rd or 4th week: a coaching convention; " + NIELSEN_2014


@dataclass(frozen=True)
class PlanShape:
    """The planned days the explanations need: race day, long-run days, recovery weeks."""

    race_day: date | None
    long_days: frozenset[date]
    recoveries: tuple[tuple[date, date, float], ...]  # start, end, km of the build week before


def plan_shape(weeks: Sequence[PlanWeek], model: RunnerModel) -> PlanShape:
    """Where the plan's race, long runs and recovery weeks fall."""
    race_day = race_day_of(weeks, model.long_run_weekday)
    long_days = frozenset(
        run.day
        for week in weeks
        for run in planned_runs(week, model, race_day)
        if run.kind == "long_run"
    )
    recoveries = tuple(
        (week.week_start, week.week_end, week_distance_m(before, model))
        for before, week in pairwise(weeks)
        if week.week_type == "recovery" and before.week_type == "build"
    )
    return PlanShape(race_day, long_days, recoveries)


def _km(metres: object) -> str:
    return f"{float(metres) / 1000:.1f} km" if isinstance(metres, int | float) else "?"


def _jump(warning: Warning, day: date, shape: PlanShape) -> Warning:
    last = float(warning.numbers.get("last_7d_m") or 0.0)
    if shape.race_day is not None and day - timedelta(days=6) <= shape.race_day <= day:
        return Warning(
            "race_in_week",
            "info",
            f"The race is in these 7 days ({_km(last)}), so they add up to more than the 7 "
            "before: expected in race week.",
            dict(warning.numbers),
            "Nothing to change: the lighter days before the race are the taper.",
            warning.source,
        )
    before = (day - timedelta(days=13), day - timedelta(days=7))
    for start, end, level in shape.recoveries:
        overlaps = start <= before[1] and end >= before[0]
        if overlaps and last <= level * (1 + BUILD_STEP):
            return Warning(
                "back_to_build",
                "info",
                f"The last 7 days ({_km(last)}) are well above the 7 before "
                f"({_km(warning.numbers.get('previous_7d_m'))}) only because those held the "
                f"recovery week: the plan returns to about the {_km(level)} of the build week "
                "before it.",
                {**warning.numbers, "build_level_m": round(level)},
                "Run it as planned if the recovery week left you fresh; if not, repeat the "
                "lighter week.",
                RECOVERY_SOURCE,
            )
    return warning


def _ratio(
    warning: Warning, day: date, shape: PlanShape, week_ratio: float | None, floor_m: float | None
) -> Warning:
    ratio = float(warning.numbers.get("acwr") or 0.0)
    if shape.race_day is not None and shape.race_day <= day <= shape.race_day + timedelta(days=6):
        return Warning(
            "race_load",
            "info",
            f"The load ratio reaches {ratio:.2f}: the race lifts the 7-day load for a few days, "
            "as expected after race day.",
            dict(warning.numbers),
            "Keep the days after the race easy.",
            GABBETT_2016,
        )
    if floor_m is not None:
        return Warning(
            "return_to_run_ratio",
            "info",
            f"The load ratio reads {ratio:.2f} because your usual load is close to zero: after "
            "a break any running lifts it. This week stays at the return-to-run level "
            f"({_km(floor_m)}), where the ratio says little; {WITHIN_CAP}.",
            dict(warning.numbers),
            "Keep the runs easy; build only once a few weeks at this level feel comfortable.",
            RETURN_SOURCE,
        )
    if week_ratio is not None and week_ratio <= WEEK_RATIO_LIMIT:
        what = "the long run" if day in shape.long_days else "a single session"
        return Warning(
            "daily_ratio_peak",
            "info",
            f"The daily load ratio touches {ratio:.2f} on {day:%a %d %b}: {what} lifts the "
            "7-day weighted average for a day or two even when the weekly load is steady. "
            f"The week is {week_ratio:.2f}× the three weeks before it, within the planner's "
            f"{WEEK_RATIO_LIMIT:g}, and {WITHIN_CAP}.",
            dict(warning.numbers),
            "Run it as planned and easy; the ratio settles within a day or two.",
            GABBETT_2016 + "; " + FRANDSEN_2025,
        )
    return warning


def _spike(warning: Warning, shape: PlanShape) -> Warning:
    if shape.race_day is None or warning.numbers.get("run_date") != shape.race_day.isoformat():
        return warning
    return Warning(
        "race_distance",
        "info",
        f"The race ({_km(warning.numbers.get('distance_m'))}) is longer than any run in the 30 "
        f"days before it ({_km(warning.numbers.get('longest_30d_m'))}): races are the planned "
        f"exception to the {SPIKE_LIMIT - 1:.0%} rule.",
        dict(warning.numbers),
        "Keep the week after the race easy.",
        FRANDSEN_2025,
    )


def explain(
    warning: Warning,
    day: date,
    shape: PlanShape,
    week_ratio: float | None = None,
    floor_m: float | None = None,
) -> Warning:
    """The warning, or an info note saying why the plan trips it on `day` by design.

    `week_ratio` is the week's load over the three weeks before it (the engine's rolling ratio
    on the week's last day): a daily ratio peak is only explained while that stays within the
    planner's limit (WEEK_RATIO_LIMIT).
    `floor_m` is the return-to-run week when the week plans no more than it.
    """
    if warning.id == "weekly_distance_jump":
        return _jump(warning, day, shape)
    if warning.id == "load_ratio_high":
        return _ratio(warning, day, shape, week_ratio, floor_m)
    if warning.id == "run_spike":
        return _spike(warning, shape)
    return warning
