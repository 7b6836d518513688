"""Hand-built scenarios for the coach rules: daily frames from real fitness maths."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import pandas as pd

from training.fitness import daily_metrics
from training.profile import AthleteProfile

PROFILE = AthleteProfile(athlete_id=1)


def activities(
    end: date,
    loads: Sequence[float],
    distances_m: Sequence[float] | None = None,
    sport: str = "Run",
) -> pd.DataFrame:
    """One session per day ending on `end` (a zero load is a rest day, no session)."""
    start = end - timedelta(days=len(loads) - 1)
    rows = []
    for i, load in enumerate(loads):
        if load <= 0:
            continue
        day = start + timedelta(days=i)
        rows.append(
            {
                "id": i + 1,
                "athlete_id": 1,
                "sport_type": sport,
                "start_date_local": datetime.combine(day, time(7)),
                "distance_m": 10_000.0 if distances_m is None else distances_m[i],
                "moving_time_s": 3600,
                "load": float(load),
            }
        )
    return pd.DataFrame(rows)


def daily(
    end: date,
    loads: Sequence[float],
    profile: AthleteProfile = PROFILE,
    distances_m: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Daily metrics for a load series ending on `end` (first day must carry load)."""
    return daily_metrics(activities(end, loads, distances_m), {1: profile}, end)


def runs(entries: Sequence[tuple[date, float]]) -> pd.DataFrame:
    """Runs as the coach reads them: date and distance_m."""
    return pd.DataFrame(
        {"date": [pd.Timestamp(d) for d, _ in entries], "distance_m": [m for _, m in entries]}
    )


def pain(entries: Sequence[dict[str, object]]) -> pd.DataFrame:
    """Pain entries with defaults: left outer hip, no red flags."""
    rows = [
        {"site": "hip-lateral", "side": "left", "site_other": None, "red_flags": [], **entry}
        for entry in entries
    ]
    return pd.DataFrame(
        rows, columns=["date", "site", "side", "site_other", "moment", "score", "red_flags"]
    )


DEMO_CALENDAR_END = date(2026, 11, 24)  # the demo story's dates below are written for this end


def demo_day(day: date, end: date) -> date:
    """A date of the demo story (as written for DEMO_CALENDAR_END) for a demo ending on `end`.

    The generator anchors its 78 weeks on Mondays, so the story moves with the end's week.
    """

    def monday(d: date) -> date:
        return d - timedelta(days=d.weekday())

    return monday(end) + (day - monday(DEMO_CALENDAR_END))
