"""Session RPE: validated set and delete (with undo); each change rescores load from that day."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from pipelines.db import Connection, transaction
from pipelines.entries import trash, validation
from pipelines.errors import InvalidEntry
from pipelines.metrics import recompute
from training.vocabulary import MANUAL


def activity_day(con: Connection, athlete_id: int, activity_id: object) -> tuple[int, date]:
    """The activity's id and local date; InvalidEntry when it is not one of the athlete's."""
    checked = validation.activity_id(activity_id)
    row = (
        None
        if checked is None
        else con.execute(
            "SELECT CAST(start_date_local AS DATE) FROM activities WHERE id = ? AND athlete_id = ?",
            [checked, athlete_id],
        ).fetchone()
    )
    if checked is None or row is None:
        raise InvalidEntry("activity_id", "the id of one of your activities", activity_id)
    return checked, row[0]


def set_rpe(
    con: Connection,
    athlete_id: int,
    activity_id: object,
    value: object,
    *,
    on_date: date | None = None,
    source: str = MANUAL,
) -> date:
    """Store the CR-10 rating of one session and rescore load from its day; returns that day.

    `on_date`, when given, must be the activity's own date (a guard against a mistyped id).
    """
    checked_id, day = activity_day(con, athlete_id, activity_id)
    rating = validation.rpe(value)
    if on_date is not None and on_date != day:
        raise InvalidEntry(
            "date", f"the activity's own date, {day.isoformat()}", on_date.isoformat()
        )
    with transaction(con):
        con.execute(
            """INSERT INTO session_rpe (activity_id, athlete_id, rpe, source) VALUES (?, ?, ?, ?)
               ON CONFLICT (activity_id) DO UPDATE SET rpe = EXCLUDED.rpe,
                   source = EXCLUDED.source, updated_at = now()""",
            [checked_id, athlete_id, rating, source],
        )
        recompute(con, [athlete_id], since=day)
    return day


def delete_rpe(con: Connection, athlete_id: int, activity_id: int) -> int:
    """Move a session's RPE to the trash and rescore; returns the id that undoes it."""
    with transaction(con):
        trash_id = trash.discard(con, athlete_id, "rpe", "activity_id = ?", [activity_id])
        _, day = activity_day(con, athlete_id, activity_id)
        recompute(con, [athlete_id], since=day)
    return trash_id


def rpe_history(con: Connection, athlete_id: int) -> pd.DataFrame:
    """Sessions the runner rated, newest first, with what they were."""
    return con.execute(
        """SELECT r.activity_id, CAST(a.start_date_local AS DATE) AS date, a.name, a.sport_type,
                  a.moving_time_s, r.rpe, a.load, a.load_source
           FROM session_rpe r JOIN activities a ON a.id = r.activity_id
           WHERE r.athlete_id = ?
           ORDER BY a.start_date_local DESC""",
        [athlete_id],
    ).df()


def awaiting_rpe(con: Connection, athlete_id: int, today: date, days: int = 7) -> pd.DataFrame:
    """Sessions of the last `days` days with no rating at all (ours or the one Strava holds)."""
    return con.execute(
        """SELECT a.id, CAST(a.start_date_local AS DATE) AS date, a.start_date_local, a.name,
                  a.sport_type, a.moving_time_s, a.distance_m
           FROM activities a LEFT JOIN session_rpe r ON r.activity_id = a.id
           WHERE a.athlete_id = ? AND r.activity_id IS NULL AND a.perceived_exertion IS NULL
             AND CAST(a.start_date_local AS DATE) BETWEEN ? AND ?
           ORDER BY a.start_date_local DESC""",
        [athlete_id, today - timedelta(days=days - 1), today],
    ).df()
