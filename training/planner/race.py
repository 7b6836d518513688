"""What a race changes in a plan: the taper, where the last long run may fall, the long-run goal.

The taper follows Bosquet et al. 2007 (docs/science.md#taper): about two weeks, volume cut by
41-60 %, intensity and frequency kept. Its length is counted in days before the race, so a
Monday race gets two lighter weeks before its race week and a Sunday race one. Long-run targets
per race distance are coaching practice, not trial results (docs/science.md#long-runs).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise

from training.planner.model import PlanWeek

# Volume vs the peak build week: the earlier taper week −40 %, the final one −55 %
# (Bosquet et al. 2007: 41-60 % less volume over the taper; docs/science.md#taper).
TAPER_FACTORS = (0.60, 0.45)
TAPER_MIN_DAYS = 10  # lighter days before the race: about two weeks (Bosquet 2007: 8-14 days)
LAST_LONG_RUN_DAYS = 7  # no long run in the last 7 days before a race (coaching practice)
LONG_RUN_SPACING_DAYS = 5  # a long run moved for the race stays 5+ days after the last (coaching)
LONG_RUN_MAX_SHARE = 0.5  # a long run is at most half the week (novice marathon plans peak there)
LONG_RUN_MAX_TIMES_OTHERS = 2.0  # with one other run: at most twice it (coaching practice)
# Long-run goal by race distance, linear between these points (coaching practice;
# docs/science.md#long-runs): a little past the distance for a 5 km, the distance for a 10 km,
# ~80 % of a half marathon, then ~32 km for a marathon and anything longer.
LONG_RUN_POINTS_M = (
    (0.0, 0.0),
    (5_000.0, 6_000.0),
    (10_000.0, 10_000.0),
    (21_097.5, 16_878.0),
    (40_000.0, 32_000.0),
)


def taper_weeks(race_day: date) -> int:
    """Plan weeks before the race week that are taper weeks: enough for TAPER_MIN_DAYS."""
    days_in_race_week = race_day.weekday()
    return 1 if 7 + days_in_race_week >= TAPER_MIN_DAYS else 2


def long_run_target_m(race_distance_m: float | None) -> float | None:
    """The longest training run a race of this distance calls for (None: no race distance)."""
    if race_distance_m is None or race_distance_m <= 0:
        return None
    for (d0, m0), (d1, m1) in pairwise(LONG_RUN_POINTS_M):
        if race_distance_m <= d1:
            return m0 + (m1 - m0) * (race_distance_m - d0) / (d1 - d0)
    return LONG_RUN_POINTS_M[-1][1]


def long_run_max_share(runs: int) -> float:
    """The largest share of a week its long run may take with `runs` runs in the week."""
    others = max(runs, 1) - 1
    return max(LONG_RUN_MAX_SHARE, LONG_RUN_MAX_TIMES_OTHERS / (others + LONG_RUN_MAX_TIMES_OTHERS))


def race_day_of(weeks: Iterable[PlanWeek], usual_long_weekday: int) -> date | None:
    """The race in a plan: the race week's long-run day (None when the plan has no race week)."""
    for week in weeks:
        if week.week_type == "race":
            weekday = usual_long_weekday if week.long_run_weekday is None else week.long_run_weekday
            return week.week_start + timedelta(days=weekday)
    return None


def run_allowed(day: date, race_day: date | None) -> bool:
    """Runs (and cross-training) stop two days before the race: the day before is rest."""
    return race_day is None or day < race_day - timedelta(days=1)


def long_run_allowed(day: date, race_day: date | None) -> bool:
    """A long run at least LAST_LONG_RUN_DAYS before the race."""
    return race_day is None or (race_day - day).days >= LAST_LONG_RUN_DAYS
