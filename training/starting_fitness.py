"""An estimate of the fitness (CTL) a runner had before their first recorded session.

Fitness seeded at 0 takes about six weeks to converge, so early form reads far too low. The
usual fix is to seed fitness with the daily load of the runner's usual training (TrainingPeaks:
typical weekly load ÷ 7; docs/science.md#fitness). The first four weeks of recorded sessions
stand for that usual training here.
"""

from __future__ import annotations

import pandas as pd

ESTIMATE_DAYS = 28  # first 4 weeks stand for the usual training before; docs/science.md#fitness
ESTIMATE_MIN_DAYS = 7  # with less than a week recorded there is nothing usual to go by
STARTING_CTL_MAX = 200.0  # the largest starting fitness the profile accepts


def estimate_starting_ctl(daily: pd.DataFrame) -> float | None:
    """Mean daily load of the first 28 days of history (rest days as 0), or None if too short."""
    if daily.empty:
        return None
    dates = pd.to_datetime(daily["date"])
    first = dates.min()
    window = daily[dates < first + pd.Timedelta(days=ESTIMATE_DAYS)]
    days = int((dates.max() - first).days) + 1
    if days < ESTIMATE_MIN_DAYS:
        return None
    loads = pd.to_numeric(window["load"], errors="coerce").fillna(0.0)
    return round(min(float(loads.sum()) / min(days, ESTIMATE_DAYS), STARTING_CTL_MAX), 1)
