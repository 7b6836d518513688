"""Named read queries that return DataFrames for the app and the CLI."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pipelines.db import Connection


def daily_metrics(
    con: Connection, athlete_id: int, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Daily metrics rows for one athlete, oldest first, optionally within [start, end]."""
    return con.execute(
        """SELECT * FROM daily_metrics
           WHERE athlete_id = ? AND (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?)
           ORDER BY date""",
        [athlete_id, start, start, end, end],
    ).df()


def activities(
    con: Connection, athlete_id: int, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Sessions with their load and the runner's own RPE, newest first (raw JSON left out)."""
    return con.execute(
        """SELECT a.id, a.source, a.name, a.sport_type, a.start_date, a.start_date_local,
                  a.distance_m, a.moving_time_s, a.elapsed_time_s, a.elevation_gain_m,
                  a.average_heartrate, a.max_heartrate, a.perceived_exertion,
                  r.rpe AS session_rpe, a.load, a.load_source
           FROM activities a LEFT JOIN session_rpe r ON r.activity_id = a.id
           WHERE a.athlete_id = ?
             AND (? IS NULL OR CAST(a.start_date_local AS DATE) >= ?)
             AND (? IS NULL OR CAST(a.start_date_local AS DATE) <= ?)
           ORDER BY a.start_date_local DESC""",
        [athlete_id, start, start, end, end],
    ).df()


def pain_entries(con: Connection, athlete_id: int) -> pd.DataFrame:
    """Every pain entry of one athlete, newest first."""
    return con.execute(
        "SELECT * FROM pain_entries WHERE athlete_id = ? ORDER BY date DESC, id DESC",
        [athlete_id],
    ).df()


def wellness_entries(con: Connection, athlete_id: int) -> pd.DataFrame:
    """Every daily check-in of one athlete, newest first."""
    return con.execute(
        "SELECT * FROM wellness_entries WHERE athlete_id = ? ORDER BY date DESC", [athlete_id]
    ).df()
