"""Synthetic histories for planner tests, scored by the real load engine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd

from training.fitness import daily_metrics
from training.profile import AthleteProfile


def activities_from(
    today: date, run_m: Sequence[float], cross_load: Sequence[float], load_per_km: float
) -> pd.DataFrame:
    """One run (and optionally one cross session) per day, the last entry on `today`."""
    rows = []
    first = today - timedelta(days=len(run_m) - 1)
    for i, (metres, cross) in enumerate(zip(run_m, cross_load, strict=True)):
        day = pd.Timestamp(first + timedelta(days=i)) + pd.Timedelta(hours=8)
        if metres > 0:
            rows.append(
                {
                    "athlete_id": 1,
                    "start_date_local": day,
                    "sport_type": "Run",
                    "distance_m": metres,
                    "moving_time_s": metres * 0.34,
                    "load": metres / 1000 * load_per_km,
                }
            )
        if cross > 0:
            rows.append(
                {
                    "athlete_id": 1,
                    "start_date_local": day + pd.Timedelta(hours=9),
                    "sport_type": "Ride",
                    "distance_m": 0.0,
                    "moving_time_s": 3600.0,
                    "load": cross,
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "athlete_id",
            "start_date_local",
            "sport_type",
            "distance_m",
            "moving_time_s",
            "load",
        ],
    )


def history_of(activities: pd.DataFrame, profile: AthleteProfile, today: date) -> pd.DataFrame:
    """The daily metrics the app would have stored for these sessions."""
    return daily_metrics(activities, {1: profile}, today)
