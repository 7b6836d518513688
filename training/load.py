"""Per-session training load on one TSS-like scale, with a documented source priority.

Priority (docs/science.md#load-source-order): heart-rate stream → average heart rate → the runner's
session RPE → pace (runs) → a duration × sport default. The runner's own rating comes before a
pace score, which cannot see hills, heat or intervals. Every session keeps the name of the
source that scored it, so scales are never mixed silently. A profile whose heart rates
contradict each other (max ≤ threshold, or threshold ≤ rest) skips the heart-rate sources.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from training.profile import AthleteProfile
from training.sports import RUN_SPORTS, sport_group

SRPE_AU_PER_THRESHOLD_HOUR = 60 * 7  # 1 h at CR-10 "very hard" ≈ 1 h at threshold; Foster 2001
SRPE_LOAD_PER_AU = 100 / SRPE_AU_PER_THRESHOLD_HOUR  # puts sRPE on the 100-per-threshold-hour scale
DEFAULT_LOAD_PER_HOUR = {  # hours × IF² × 100 at a typical IF; TrainingPeaks 50–75/h band (1.8)
    "run": 56.25,  # IF 0.75
    "cross": 42.25,  # IF 0.65
    "strength": 30.25,  # IF 0.55
    "walk": 25.0,  # IF 0.50
}
MAX_PLAUSIBLE_RUN_SPEED_M_S = 7.0  # faster than a 2:23/km average is a GPS or data-entry error

LOAD_SOURCES = ("hr_stream", "hr_avg", "rpe", "pace", "default")


def heart_rate_reserve(hr: float, hr_rest: float, hr_max: float) -> float:
    """Fraction of heart-rate reserve, clamped to [0, 1] (Karvonen)."""
    return min(max((hr - hr_rest) / (hr_max - hr_rest), 0.0), 1.0)


Numbers = float | np.ndarray  # every formula below works on one session or a column of them


def _trimp(minutes: Numbers, x: Numbers, profile: AthleteProfile) -> Numbers:
    """minutes × x × a·e^(b·x) for a heart-rate-reserve fraction x (Morton et al. 1990)."""
    a, b = profile.trimp_constants
    return minutes * x * a * np.exp(b * x)


def banister_trimp(minutes: float, hr_avg: float, profile: AthleteProfile) -> float:
    """Banister TRIMP from an average heart rate (Morton et al. 1990, SCIENCE.md 1.1)."""
    if profile.hr_max is None:
        raise ValueError("hr_max is needed for a heart-rate load")
    x = heart_rate_reserve(hr_avg, profile.effective_hr_rest, profile.hr_max)
    return float(_trimp(minutes, x, profile))


def trimp_from_histogram(seconds_by_bpm: Mapping[Any, float], profile: AthleteProfile) -> float:
    """Banister TRIMP summed per heart-rate sample, given seconds spent at each bpm."""
    return sum(
        banister_trimp(secs / 60.0, float(bpm), profile) for bpm, secs in seconds_by_bpm.items()
    )


def threshold_hour_trimp(profile: AthleteProfile) -> float | None:
    """TRIMP of one hour at threshold heart rate: the 100 of the HR score, or None if unknown."""
    lthr = profile.effective_lthr
    if lthr is None or profile.hr_max is None:
        return None
    return banister_trimp(60.0, lthr, profile)


def hrss(trimp: Numbers, profile: AthleteProfile) -> Numbers:
    """HR score: TRIMP normalised so an hour at threshold HR is 100 (GoldenCheetah TRIMP100)."""
    reference = threshold_hour_trimp(profile)
    if not reference:
        raise ValueError("hr_max (and ideally lthr) are needed for a heart-rate load")
    return trimp / reference * 100.0


def pace_load(duration_s: Numbers, distance_m: Numbers, threshold_pace_s_per_km: float) -> Numbers:
    """rTSS-style pace score: hours × IF² × 100 with IF on speeds, not paces (SCIENCE.md 1.6)."""
    intensity = (distance_m / duration_s) / (1000.0 / threshold_pace_s_per_km)
    return duration_s / 3600.0 * intensity**2 * 100.0


def srpe_load(minutes: Numbers, rpe: Numbers) -> Numbers:
    """Foster session-RPE (minutes × CR-10) rescaled so it sits on the same 100-per-hour scale."""
    return minutes * rpe * SRPE_LOAD_PER_AU


def default_load(minutes: float, sport_type: str | None) -> float:
    """Last-resort guess: duration × a typical intensity for the sport group."""
    return minutes / 60.0 * DEFAULT_LOAD_PER_HOUR[sport_group(sport_type)]


def _histogram(value: object) -> Mapping[Any, float] | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        parsed = json.loads(value)
        return parsed if parsed else None
    if isinstance(value, Mapping):
        return value or None
    return None


def session_loads(activities: pd.DataFrame, profile: AthleteProfile) -> pd.DataFrame:
    """Score every session; returns a frame with `load` and `load_source`, aligned to the input.

    Expects columns sport_type, moving_time_s, elapsed_time_s, distance_m, average_heartrate,
    and optionally rpe (session RPE, CR-10) and hr_histogram (seconds per bpm, JSON or mapping).
    """
    n = len(activities)
    load = np.full(n, np.nan)
    source = np.full(n, None, dtype=object)
    if n == 0:
        return pd.DataFrame({"load": load, "load_source": source}, index=activities.index)

    def column(name: str) -> np.ndarray:
        if name in activities:
            return pd.to_numeric(activities[name], errors="coerce").to_numpy(dtype=float)
        return np.full(n, np.nan)

    moving = column("moving_time_s")
    elapsed = column("elapsed_time_s")
    duration_s = np.where(np.isfinite(moving) & (moving > 0), moving, elapsed)
    duration_s = np.where(np.isfinite(duration_s) & (duration_s > 0), duration_s, 0.0)
    minutes = duration_s / 60.0
    distance = column("distance_m")
    avg_hr = column("average_heartrate")
    rpe = column("rpe")
    sports = activities["sport_type"].astype(object).to_numpy()

    reference = None if profile.hr_problem else threshold_hour_trimp(profile)
    if reference and profile.hr_max is not None:
        histograms = activities.get("hr_histogram")
        if histograms is not None:
            for i, raw in enumerate(histograms.to_numpy()):
                hist = _histogram(raw)
                if hist:
                    load[i] = hrss(trimp_from_histogram(hist, profile), profile)
                    source[i] = "hr_stream"
        rest = profile.effective_hr_rest
        use_avg = np.isnan(load) & np.isfinite(avg_hr) & (avg_hr > rest) & (minutes > 0)
        x = np.clip((avg_hr - rest) / (profile.hr_max - rest), 0.0, 1.0)
        load = np.where(use_avg, hrss(_trimp(minutes, x, profile), profile), load)
        source = np.where(use_avg, "hr_avg", source)

    use_rpe = np.isnan(load) & np.isfinite(rpe) & (minutes > 0)
    load = np.where(use_rpe, srpe_load(minutes, rpe), load)
    source = np.where(use_rpe, "rpe", source)

    if profile.threshold_pace_s_per_km:
        is_run = np.array([s in RUN_SPORTS for s in sports], dtype=bool)
        with np.errstate(divide="ignore", invalid="ignore"):
            speed = distance / duration_s
        use_pace = (
            np.isnan(load)
            & is_run
            & np.isfinite(speed)
            & (speed > 0)
            & (speed <= MAX_PLAUSIBLE_RUN_SPEED_M_S)
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            pace_scores = pace_load(duration_s, distance, profile.threshold_pace_s_per_km)
        load = np.where(use_pace, pace_scores, load)
        source = np.where(use_pace, "pace", source)

    for row in np.flatnonzero(np.isnan(load)):
        load[row] = default_load(float(minutes[row]), sports[row])
        source[row] = "default"

    return pd.DataFrame({"load": load, "load_source": source}, index=activities.index)
