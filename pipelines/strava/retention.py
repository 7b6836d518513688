"""What Stridewise keeps of API data: the runner's retention setting, pruning, full deletion.

Strava's June-2026 API policy is reported to limit how long API data may be cached
(docs/strava.md#policy), so the runner may cap it. Only rows with source 'strava_api' are affected:
anything imported from the runner's own export, files or manual entries stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pipelines.db import Connection
from pipelines.duplicates import NOT_ALSO_FROM_FILE_SQL
from pipelines.errors import InvalidEntry
from pipelines.strava.normalize import SOURCE

RETENTION_ALLOWED = "empty (keep everything) or a whole number of days from 7 to 36500"
OVERLAP_ALLOWED = "a whole number of days from 1 to 90"


@dataclass(frozen=True)
class StravaPreferences:
    """The runner's sync choices."""

    retention_days: int | None = None
    # Re-list two weeks to catch edits and late uploads (docs/strava.md#pagination).
    overlap_days: int = 14
    fetch_details: bool = False
    fetch_streams: bool = False


def _days(value: object, field: str, allowed: str, low: int, high: int) -> int:
    try:
        number = float(str(value).strip())
    except ValueError as exc:
        raise InvalidEntry(field, allowed, value) from exc
    if not number.is_integer() or not low <= number <= high:
        raise InvalidEntry(field, allowed, value)
    return int(number)


def preferences(con: Connection, athlete_id: int) -> StravaPreferences:
    """The athlete's stored preferences, defaults when none are stored."""
    row = con.execute(
        "SELECT retention_days, overlap_days, fetch_details, fetch_streams FROM strava_settings"
        " WHERE athlete_id = ?",
        [athlete_id],
    ).fetchone()
    return StravaPreferences() if row is None else StravaPreferences(*row)


def set_preferences(
    con: Connection,
    athlete_id: int,
    *,
    retention_days: object = None,
    overlap_days: object = 14,
    fetch_details: bool = False,
    fetch_streams: bool = False,
) -> StravaPreferences:
    """Validate and store the preferences; nothing is written if any value is not allowed."""
    retention = (
        None
        if retention_days in (None, "", 0)
        else _days(retention_days, "retention_days", RETENTION_ALLOWED, 7, 36500)
    )
    overlap = _days(overlap_days, "overlap_days", OVERLAP_ALLOWED, 1, 90)
    con.execute(
        """INSERT INTO strava_settings
               (athlete_id, retention_days, overlap_days, fetch_details, fetch_streams)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (athlete_id) DO UPDATE SET retention_days = EXCLUDED.retention_days,
               overlap_days = EXCLUDED.overlap_days, fetch_details = EXCLUDED.fetch_details,
               fetch_streams = EXCLUDED.fetch_streams, updated_at = now()""",
        [athlete_id, retention, overlap, bool(fetch_details), bool(fetch_streams)],
    )
    return StravaPreferences(retention, overlap, bool(fetch_details), bool(fetch_streams))


def prune(
    con: Connection, athlete_id: int, retention_days: int | None, today: date
) -> tuple[int, date | None]:
    """Delete API rows that started before the retention window; (count, earliest day)."""
    if retention_days is None:
        return 0, None
    cutoff = today - timedelta(days=retention_days)
    where = (
        "athlete_id = ? AND source = ? AND CAST(start_date_local AS DATE) < ? AND "
        + NOT_ALSO_FROM_FILE_SQL
    )
    found = con.execute(
        f"SELECT count(*), min(CAST(start_date_local AS DATE)) FROM activities WHERE {where}",
        [athlete_id, SOURCE, cutoff],
    ).fetchone()
    if not found or not found[0]:
        return 0, None
    con.execute(f"DELETE FROM activities WHERE {where}", [athlete_id, SOURCE, cutoff])
    return int(found[0]), found[1]


def forget_missing_activities(con: Connection, athlete_id: int) -> None:
    """Drop stream misses of activities that are gone (pruned, or deleted on Strava)."""
    con.execute(
        """DELETE FROM strava_stream_misses WHERE athlete_id = ?
               AND activity_id NOT IN (SELECT id FROM activities WHERE athlete_id = ?)""",
        [athlete_id, athlete_id],
    )


def delete_api_data(con: Connection, athlete_id: int) -> int:
    """Delete every API-sourced activity and the sync history of the athlete (on disconnect)."""
    where = f"athlete_id = ? AND source = ? AND {NOT_ALSO_FROM_FILE_SQL}"
    row = con.execute(
        f"SELECT count(*) FROM activities WHERE {where}", [athlete_id, SOURCE]
    ).fetchone()
    con.execute(f"DELETE FROM activities WHERE {where}", [athlete_id, SOURCE])
    for table in (
        "strava_listed_ids",
        "strava_sync_checkpoints",
        "strava_sync_runs",
        "strava_stream_misses",
    ):
        con.execute(f"DELETE FROM {table} WHERE athlete_id = ?", [athlete_id])
    return int(row[0]) if row else 0
