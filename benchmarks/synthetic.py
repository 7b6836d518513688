"""Synthetic training histories for benchmarks: many years, many athletes, realistic shapes."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from training.profile import AthleteProfile


def activities(athletes: int, years: float, end: date, seed: int = 7) -> pd.DataFrame:
    """About five sessions a week per athlete, a third of them without heart rate."""
    rng = np.random.default_rng(seed)
    days = int(years * 365)
    per_athlete = int(days * 5 / 7)
    n = athletes * per_athlete
    start = np.datetime64(end - timedelta(days=days))
    offsets = np.sort(rng.integers(0, days, size=(athletes, per_athlete)), axis=1).ravel()
    minutes = rng.uniform(25, 120, n)
    pace = rng.uniform(270, 400, n)
    has_hr = rng.random(n) > 0.33
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "athlete_id": np.repeat(np.arange(1, athletes + 1), per_athlete),
            "sport_type": rng.choice(["Run", "Run", "Run", "Ride", "WeightTraining"], n),
            "start_date_local": start
            + offsets.astype("timedelta64[D]")
            + rng.integers(6 * 3600, 20 * 3600, n).astype("timedelta64[s]"),
            "moving_time_s": (minutes * 60).astype(int),
            "elapsed_time_s": (minutes * 63).astype(int),
            "distance_m": minutes * 60 / pace * 1000,
            "average_heartrate": np.where(has_hr, rng.uniform(125, 175, n), np.nan),
            "rpe": np.nan,
        }
    )


def profiles(athletes: int) -> dict[int, AthleteProfile]:
    """A plausible profile per athlete."""
    return {
        i: AthleteProfile(
            athlete_id=i,
            sex="F" if i % 2 else "M",
            hr_max=185 + i % 10,
            hr_rest=50,
            threshold_pace_s_per_km=280,
        )
        for i in range(1, athletes + 1)
    }
