"""One listing window: plan it (new or resumed), page through it, store each page, close it.

Pages are fetched newest first below a fixed upper bound; a resumed listing continues below
the oldest start already stored, so pages never shift and nothing is read twice but the edge.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pipelines.db import connect, transaction
from pipelines.errors import InvalidEntry
from pipelines.strava import runs, store
from pipelines.strava.normalize import activity_row
from pipelines.strava.report import SyncReport
from pipelines.strava.retention import preferences
from pipelines.strava.session import ApiSession

log = logging.getLogger(__name__)

PER_PAGE = 200  # Strava's maximum page size (docs/strava.md#pagination)


def _epoch(moment: datetime) -> int:
    return int(moment.replace(tzinfo=UTC).timestamp())


def plan(path: Path, athlete_id: int, full: bool, now: datetime) -> runs.Checkpoint:
    """Resume an open listing, or open a new one (backfill, full or incremental)."""
    with connect(path) as con, transaction(con):
        point = runs.checkpoint(con, athlete_id)
        if point.open and (not full or point.mode == "full"):
            return point
        prefs = preferences(con, athlete_id)
        newest = store.newest_start(con, athlete_id)
        if full or not point.backfill_done or newest is None:
            mode = "full" if full else "backfill"
            start = now - timedelta(days=prefs.retention_days) if prefs.retention_days else None
        else:
            mode, start = "incremental", newest - timedelta(days=prefs.overlap_days)
        runs.open_listing(con, athlete_id, mode, start, now)
        return runs.checkpoint(con, athlete_id)


def progress(point: runs.Checkpoint, oldest: datetime | None, origin: datetime | None) -> float:
    """How far the listing has come back in time, 0..0.99 (1 only when the run is done)."""
    start = point.window_start or origin
    if oldest is None or point.window_end is None or start is None:
        return 0.0
    span = (point.window_end - start).total_seconds()
    done = (point.window_end - oldest).total_seconds()
    return max(0.0, min(0.99, done / span)) if span > 0 else 0.0


def list_window(
    api: ApiSession,
    path: Path,
    run_id: int,
    point: runs.Checkpoint,
    report: SyncReport,
    origin: datetime | None,
) -> None:
    """Page through the window newest-first, storing each page, until a page comes back short.

    A page with fewer than PER_PAGE activities is the last one (stravalib's own iterator stops
    there too), so a listing of N activities costs ceil(N / PER_PAGE) requests, one more only
    when N is a multiple of PER_PAGE (docs/strava.md#pagination).
    """
    assert point.window_end is not None
    before = _epoch(point.oldest_seen) + 1 if point.oldest_seen else _epoch(point.window_end)
    after = _epoch(point.window_start) if point.window_start else None
    oldest = point.oldest_seen
    page = 1
    while True:
        params: dict[str, Any] = {"before": before, "page": page, "per_page": PER_PAGE}
        if after is not None:
            params["after"] = after
        items = api.get("/athlete/activities", **params)
        report.pages += 1
        if not items:
            return
        rows = []
        for item in items:
            try:
                rows.append(activity_row(item, report.athlete_id))
            except InvalidEntry as error:
                log.warning("skipped an activity Strava sent that we cannot read: %s", error)
        page_oldest = min(row["start_date"] for row in rows) if rows else None
        oldest = min(oldest, page_oldest) if oldest and page_oldest else (oldest or page_oldest)
        with connect(path) as con, transaction(con):
            changed, earliest = store.upsert(con, rows)
            if page_oldest is not None:
                runs.advance(con, report.athlete_id, [row["id"] for row in rows], page_oldest)
            report.fetched += len(rows)
            report.upserted += changed
            report.touch(earliest)
            runs.update_run(
                con,
                run_id,
                pages=report.pages,
                requests=api.requests,
                fetched=report.fetched,
                upserted=report.upserted,
                progress=progress(point, oldest, origin),
            )
        if len(items) < PER_PAGE:
            return
        page += 1


def finish(path: Path, point: runs.Checkpoint, report: SyncReport) -> None:
    """The listing reached its end: drop what Strava no longer lists, close the checkpoint."""
    assert point.window_end is not None
    with connect(path) as con, transaction(con):
        deleted, earliest = store.delete_unlisted(
            con, report.athlete_id, point.window_start, point.window_end
        )
        report.deleted += deleted
        report.touch(earliest)
        runs.close_listing(con, report.athlete_id, point.mode in ("backfill", "full"))
