"""Heart-rate samples to seconds-per-bpm: the form `activities.hr_histogram` stores.

Each sample's heart rate holds until the next sample (devices record every 1 s, or every few
seconds in "smart recording"); a longer gap is a pause, so it counts for at most
MAX_SAMPLE_GAP_S. The load engine then scores the histogram per sample (training.load).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TypeVar

MAX_SAMPLE_GAP_S = 10.0  # Garmin smart recording logs at most ~every 8 s while moving
MIN_BPM, MAX_BPM = 30, 240  # outside this a reading is a strap dropout or noise

Moment = TypeVar("Moment", datetime, float)  # a time, or seconds on any fixed scale


def _seconds(step: timedelta | float) -> float:
    return step.total_seconds() if isinstance(step, timedelta) else float(step)


def hr_histogram(samples: Iterable[tuple[Moment, float | None]]) -> dict[int, float]:
    """Seconds spent at each whole bpm, from (time, bpm) samples in time order."""
    histogram: dict[int, float] = {}
    previous: tuple[Moment, int] | None = None
    for moment, bpm in samples:
        if previous is not None:
            gap = _seconds(moment - previous[0])
            if gap > 0:
                held = min(gap, MAX_SAMPLE_GAP_S)
                histogram[previous[1]] = histogram.get(previous[1], 0.0) + held
        valid = bpm is not None and MIN_BPM <= bpm <= MAX_BPM
        previous = (moment, round(bpm)) if valid and bpm is not None else None
    return {bpm: round(secs, 1) for bpm, secs in sorted(histogram.items())}


def average_and_max(histogram: dict[int, float]) -> tuple[float | None, float | None]:
    """Time-weighted average heart rate and the highest bpm seen."""
    total = sum(histogram.values())
    if not total:
        return None, None
    average = sum(bpm * secs for bpm, secs in histogram.items()) / total
    return round(average, 1), float(max(histogram))
