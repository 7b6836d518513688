"""Return to running: one decision for the coach's today and the planner's planned days.

After two weeks without a run, or on a running base too small for a load ratio to mean anything,
the way back is a path rather than a wall (docs/science.md#return-to-run): a first session of
about 20-30 minutes, as a walk-run when there was no run in the last 30 days, then each run
growing by the single-run rule (at most 10 % past the longest run of the previous 30 days;
docs/science.md#single-run-spike), with a day without running between runs.

The ratio is left out on purpose here: after weeks of almost no running the chronic side is
near zero, so one 3 km run lifts the ratio far above any band and the runner could never
restart (docs/science.md#acwr). Pain rules and red flags still come first; the caller applies
them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from training.planner.limits import (
    RETURN_RUNS,
    longest_before,
    return_week_m,
    run_cap_m,
)

RETURN_GAP_DAYS = 14  # no run in 2 weeks: back by the return path; docs/science.md#return-to-run
RETURN_SESSION_MAX_MIN = 30  # first session back about 20-30 min; docs/science.md#return-to-run

Reason = Literal["no_recent_run", "small_base"]


@dataclass(frozen=True)
class ReturnToRun:
    """Why a day is part of a return to running, and how far its run may go.

    `cap_m` is the single-run limit of the day (the first-run cap when there was no run in the
    previous 30 days); `max_minutes` also limits the first session after a gap; `walk_run`
    asks for walk-run intervals; `rest_day_between` means the runner ran the day before, and
    return protocols keep a day without running between runs; `small_base` says the usual week
    is below the return-to-run week, so a load ratio does not mean anything yet.
    """

    day: date
    reason: Reason
    small_base: bool
    last_run: date | None
    cap_m: float
    max_minutes: int | None
    walk_run: bool
    rest_day_between: bool

    @property
    def days_since_run(self) -> int | None:
        """Whole days from the last run to the day decided on (None: never ran)."""
        return None if self.last_run is None else (self.day - self.last_run).days


def return_week_load(load_per_km: float, runs: int = RETURN_RUNS) -> float:
    """Load of the return-to-run week (three runs at the first-run cap) for this runner."""
    return return_week_m(runs) / 1000.0 * load_per_km


def return_to_run(
    runs_m: Mapping[date, float],
    day: date,
    chronic_load_per_day: float,
    load_per_km: float,
) -> ReturnToRun | None:
    """Whether `day` is part of a return to running, and the limits of that day's run.

    `runs_m` maps each earlier day to its longest run in metres (later days are ignored);
    `chronic_load_per_day` is the 28-day EWMA of daily load up to the day before (all sports);
    `load_per_km` is what a kilometre of easy running costs this runner. A day is a return day
    when no run fell in the 14 days before it, or when the usual week (chronic × 7) is below the
    return-to-run week's load. Returns None on an ordinary day.
    """
    before = [d for d, metres in runs_m.items() if d < day and metres > 0]
    last = max(before, default=None)
    gap = last is None or (day - last).days > RETURN_GAP_DAYS
    small = chronic_load_per_day * 7 < return_week_load(load_per_km)
    if not gap and not small:
        return None
    return ReturnToRun(
        day=day,
        reason="no_recent_run" if gap else "small_base",
        small_base=small,
        last_run=last,
        cap_m=run_cap_m(runs_m, day),
        max_minutes=RETURN_SESSION_MAX_MIN if gap else None,
        walk_run=longest_before(runs_m, day) <= 0,
        rest_day_between=last is not None and last == day - timedelta(days=1),
    )
