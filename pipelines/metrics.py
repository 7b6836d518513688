"""Derived tables: session loads on `activities` and the `daily_metrics` table.

Both are rebuildable from raw data at any time (`stridewise recompute`); nothing here touches
the runner's own entries.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

import pandas as pd

from pipelines.athletes import get_profile, list_athletes
from pipelines.clock import runner_today
from pipelines.db import Connection, transaction
from training.fitness import METRIC_COLUMNS, daily_metrics
from training.load import session_loads

log = logging.getLogger(__name__)

_ACTIVITY_INPUTS = """
    SELECT a.id, a.athlete_id, a.sport_type, a.start_date_local, a.distance_m, a.moving_time_s,
           a.elapsed_time_s, a.average_heartrate, a.hr_histogram,
           coalesce(r.rpe, a.perceived_exertion) AS rpe
    FROM activities a LEFT JOIN session_rpe r ON r.activity_id = a.id
    WHERE a.athlete_id = ?
    ORDER BY a.start_date_local
"""


def _athlete_ids(con: Connection, athlete_ids: Iterable[int] | None) -> list[int]:
    if athlete_ids is not None:
        return list(athlete_ids)
    return [athlete_id for athlete_id, _, _ in list_athletes(con)]


def recompute(
    con: Connection,
    athlete_ids: Iterable[int] | None = None,
    *,
    since: date | None = None,
    today: date | None = None,
) -> int:
    """Rescore sessions and rebuild daily metrics; only rows on or after `since` are rewritten.

    The whole series is recomputed in memory (milliseconds) because every day depends on the
    day before, but the table is only rewritten from the first affected date on.
    Returns the number of daily rows written.
    """
    written = 0
    for athlete_id in _athlete_ids(con, athlete_ids):
        profile = get_profile(con, athlete_id)
        end = today or runner_today(profile.timezone)
        acts = con.execute(_ACTIVITY_INPUTS, [athlete_id]).df()
        scores = session_loads(acts, profile)
        acts = acts.assign(load=scores["load"], load_source=scores["load_source"])
        metrics = daily_metrics(acts, {athlete_id: profile}, end)
        if since is not None and not metrics.empty:
            metrics = metrics[pd.to_datetime(metrics["date"]).dt.date >= since]
        updates = acts[["id", "load", "load_source"]]
        with transaction(con):
            if not updates.empty:
                con.register("scored_sessions", updates)
                con.execute(
                    """
                    UPDATE activities SET load = s.load, load_source = s.load_source
                    FROM scored_sessions s
                    WHERE activities.id = s.id
                      AND (activities.load IS DISTINCT FROM s.load
                           OR activities.load_source IS DISTINCT FROM s.load_source)
                    """
                )
                con.unregister("scored_sessions")
            if since is None:
                con.execute("DELETE FROM daily_metrics WHERE athlete_id = ?", [athlete_id])
            else:
                con.execute(
                    "DELETE FROM daily_metrics WHERE athlete_id = ? AND date >= ?",
                    [athlete_id, since],
                )
            if not metrics.empty:
                con.register("new_metrics", metrics[METRIC_COLUMNS])
                con.execute("INSERT INTO daily_metrics BY NAME SELECT * FROM new_metrics")
                con.unregister("new_metrics")
        written += len(metrics)
        log.info("athlete %s: %d daily rows written", athlete_id, len(metrics))
    return written


def refresh_if_stale(con: Connection, athlete_id: int, today: date | None = None) -> bool:
    """Extend daily metrics to today when the calendar has moved on since the last rebuild."""
    profile = get_profile(con, athlete_id)
    end = today or runner_today(profile.timezone)
    row = con.execute(
        "SELECT max(date) FROM daily_metrics WHERE athlete_id = ?", [athlete_id]
    ).fetchone()
    last = row[0] if row else None
    has_activities = con.execute(
        "SELECT count(*) FROM activities WHERE athlete_id = ?", [athlete_id]
    ).fetchone()
    if not has_activities or not has_activities[0]:
        return False
    if last is not None and last >= end:
        return False
    recompute(con, [athlete_id], since=last, today=end)
    return True
