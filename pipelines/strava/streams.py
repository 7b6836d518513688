"""Optional, budgeted heart-rate streams: a full HR trace turns into `activities.hr_histogram`.

A stream costs one request per activity, so it only runs when the runner turns it on, only for
activities Strava says recorded heart rate, newest first (recent training matters most to
today's advice), and it stops quietly before the rate budget is spent. Each activity is done
once: it gets a histogram, or a recorded miss when Strava has no usable stream, so the next
sync simply carries on with the rest.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stravalib import exc

from pipelines.db import Connection, connect, transaction
from pipelines.imports.samples import hr_histogram
from pipelines.strava import runs
from pipelines.strava.errors import RateLimited
from pipelines.strava.normalize import SOURCE
from pipelines.strava.report import SyncReport
from pipelines.strava.retention import preferences

if TYPE_CHECKING:
    from stravalib.client import Client
    from stravalib.model import Stream

    from pipelines.strava.session import ApiSession

log = logging.getLogger(__name__)

STREAM_TYPES = ["time", "heartrate"]  # all the load engine needs (docs/strava.md#streams)
# Streams stop at 75 % of each window (the sync itself at 90 %), so a backlog of streams never
# leaves the runner's next "Sync now" in the same window without room to list new activities.
STREAM_STOP_FRACTION = 0.75

_PENDING = f"""
    SELECT a.id, a.start_date, CAST(a.start_date_local AS DATE)
    FROM activities a
    WHERE a.athlete_id = ? AND a.source = '{SOURCE}' AND a.hr_histogram IS NULL
      AND a.raw->>'$.has_heartrate' = 'true'
      AND NOT EXISTS (SELECT 1 FROM strava_stream_misses m WHERE m.activity_id = a.id)
    ORDER BY a.start_date DESC
"""


def _data(streams: Mapping[str, Stream], kind: str) -> Sequence[Any]:
    stream = streams.get(kind)
    return (stream.data or []) if stream is not None else []


def _number(value: Any) -> float | None:
    """A reading as a float; None for gaps (null) and anything that is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def histogram_from_streams(streams: Mapping[str, Stream], start: datetime) -> dict[int, float]:
    """Seconds per bpm from the time and heartrate streams, built like a file import's."""
    seconds = _data(streams, "time")
    beats = _data(streams, "heartrate")
    samples = (
        (start + timedelta(seconds=float(offset)), _number(bpm))
        for offset, bpm in zip(seconds, beats, strict=False)
        if _number(offset) is not None
    )
    return hr_histogram(samples)


def pending(con: Connection, athlete_id: int) -> list[tuple[int, datetime, date]]:
    """(id, UTC start, local day) of API activities with heart rate still lacking a histogram."""
    return [(int(r[0]), r[1], r[2]) for r in con.execute(_PENDING, [athlete_id]).fetchall()]


def _store(con: Connection, athlete_id: int, activity_id: int, histogram: dict[int, float]) -> None:
    con.execute(
        """UPDATE activities SET hr_histogram = ?::JSON, updated_at = current_timestamp
           WHERE id = ? AND athlete_id = ?""",
        [json.dumps(histogram, sort_keys=True), activity_id, athlete_id],
    )


def _miss(con: Connection, athlete_id: int, activity_id: int, reason: str) -> None:
    con.execute(
        """INSERT INTO strava_stream_misses (activity_id, athlete_id, reason) VALUES (?, ?, ?)
           ON CONFLICT (activity_id) DO UPDATE SET reason = EXCLUDED.reason,
               checked_at = now()""",
        [activity_id, athlete_id, reason],
    )


def _read(api: ApiSession, activity_id: int) -> Mapping[str, Stream] | None:
    """The activity's time and heart-rate streams; None when Strava has none (a 404)."""

    def request(client: Client) -> Mapping[str, Stream]:
        return client.get_activity_streams(activity_id, types=STREAM_TYPES)

    try:
        return api.run(request)
    except exc.ObjectNotFound:
        return None


def fetch_missing(api: ApiSession, path: Path, report: SyncReport, run_id: int) -> None:
    """Read the HR stream of each pending activity, if on, until done or the budget runs low.

    Each result is committed at once with the run's progress line, so a sync stopped at any
    point keeps what it read and the Settings page shows how far it has come.
    """
    with connect(path) as con:
        if not preferences(con, report.athlete_id).fetch_streams:
            return
        todo = pending(con, report.athlete_id)
    for done, (activity_id, start, day) in enumerate(todo):
        try:
            api.budget.check(STREAM_STOP_FRACTION)
            streams = _read(api, activity_id)
        except RateLimited:
            report.streams_left = len(todo) - done
            log.info(
                "heart-rate streams paused by the rate budget; %s left for the next sync",
                report.streams_left,
            )
            return
        histogram = histogram_from_streams(streams, start) if streams else {}
        with connect(path) as con, transaction(con):
            if histogram:
                _store(con, report.athlete_id, activity_id, histogram)
            else:
                _miss(con, report.athlete_id, activity_id, _reason(streams))
            runs.update_run(
                con,
                run_id,
                requests=api.requests,
                message=f"heart-rate streams: {done + 1} of {len(todo)} read",
            )
        if histogram:
            report.streams += 1
            report.touch(day)
        else:
            report.streams_missing += 1


def _reason(streams: Mapping[str, Stream] | None) -> str:
    if streams is None:
        return "not_found"
    return "no_valid_samples" if _data(streams, "heartrate") else "empty"
