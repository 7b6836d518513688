"""The two limits every generated week respects, checked on dated runs and weekly loads.

- Single-run spike: each run ≤ 110 % of the longest run in the 30 days before it (Frandsen et
  al. 2025; docs/science.md#single-run-spike), compared in whole metres with a one-metre margin.
- Load ratio: a week's load ≤ 1.3 × the mean of the three weeks before it. This is the
  uncoupled 1-week:3-week ratio (Windt & Gabbett 2019; the weekly form Frandsen et al. 2025
  used) on the engine's `acwr_rolling` scale, read on the week's last day, so where in the week
  the long run falls does not matter; 1.3 is the top of Gabbett's 0.8-1.3 band
  (docs/science.md#acwr).
- Return-to-run floor: the load ratio only limits growth above the return-to-run week (up to
  three runs at the first-run cap). Below that volume the chronic load is too small for a
  ratio to mean anything: after weeks of almost no running the chronic side is near zero, a
  single 3 km run lifts either ratio to 2 or far beyond, and the runner could never restart.
  Up to that floor every run still keeps its single-run cap, the limit that has
  running-specific evidence (docs/science.md#single-run-spike).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from training.bands import ACWR_CAUTION
from training.coach.running_rules import SPIKE_REFERENCE_PCT
from training.fitness import LONGEST_RUN_WINDOW_DAYS

SPIKE_LIMIT = SPIKE_REFERENCE_PCT / 100  # the coach's rule as a factor
SPIKE_MARGIN_M = 1.0  # keeps a planned run inside the limit after rounding to whole metres
WEEK_RATIO_LIMIT = ACWR_CAUTION  # Gabbett 2016 band top; docs/science.md#plan-limits
RATIO_WEEKS = 3  # the chronic side of the uncoupled 1:3-week ratio (docs/science.md#acwr)
FIRST_RUN_CAP_M = 3200.0  # 2 miles after 30 days off; docs/science.md#return-to-run
RETURN_RUNS = 3  # a rest day between runs; docs/science.md#return-to-run


def longest_before(runs: Mapping[date, float], day: date) -> float:
    """Longest run in the 30 days before `day` (0 when there was none)."""
    start = day - timedelta(days=LONGEST_RUN_WINDOW_DAYS)
    return max((m for d, m in runs.items() if start <= d < day), default=0.0)


def run_cap_m(runs: Mapping[date, float], day: date) -> float:
    """The longest run allowed on `day` given the runs before it."""
    longest = longest_before(runs, day)
    if longest <= 0:
        return FIRST_RUN_CAP_M
    return SPIKE_LIMIT * longest - SPIKE_MARGIN_M


def runs_within_caps(
    planned: Iterable[tuple[date, float]], prior: Mapping[date, float], exempt: date | None = None
) -> bool:
    """True when every planned run, in date order, stays within its own 30-day cap.

    `prior` holds the longest run of each earlier day; `exempt` is a race day.
    """
    seen = dict(prior)
    for day, metres in sorted(planned):
        if day != exempt and metres > run_cap_m(seen, day):
            return False
        seen[day] = max(seen.get(day, 0.0), metres)
    return True


def week_ratio(week_load: float, previous_loads: Iterable[float]) -> float | None:
    """This week's load over the mean of the previous three weeks; None without a base."""
    previous = list(previous_loads)[-RATIO_WEEKS:]
    base = sum(previous) / RATIO_WEEKS if len(previous) == RATIO_WEEKS else 0.0
    return week_load / base if base > 0 else None


def return_week_m(runs: int) -> float:
    """The return-to-run week for `runs` runs a week: at most three runs at the first-run cap."""
    return max(0, min(runs, RETURN_RUNS)) * FIRST_RUN_CAP_M
