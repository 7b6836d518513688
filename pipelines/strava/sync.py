"""The Strava sync: backfill, incremental re-listing with overlap, resume from a checkpoint.

Network first, then one short transaction per page, so the database is free between pages
and a sync killed at any moment resumes without duplicates. Never run this in a Streamlit
request: `stridewise sync` (or the app's subprocess) does.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from stravalib import exc

from pipelines.db import connect, resolve_path, transaction
from pipelines.metrics import recompute
from pipelines.strava import details, listing, runs, streams
from pipelines.strava import tokens as token_store
from pipelines.strava.auth import bootstrap, fresh_tokens
from pipelines.strava.client import RETRY_DELAYS_S, Meter
from pipelines.strava.config import StravaSettings
from pipelines.strava.errors import RateLimited, StravaAuthError, SyncInProgress
from pipelines.strava.report import SyncReport, summary
from pipelines.strava.retention import forget_missing_activities, preferences, prune
from pipelines.strava.runs import utc_now
from pipelines.strava.session import ApiSession

log = logging.getLogger(__name__)

T = TypeVar("T")
WAIT_SLACK_S = 5


@contextlib.contextmanager
def sync_lock(db_path: Path) -> Iterator[None]:
    """Hold the one-sync-per-database lock, or raise SyncInProgress at once."""
    lock_path = db_path.with_name(db_path.name + ".sync-lock")
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise SyncInProgress("a Strava sync is already running on this database") from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _athlete(
    path: Path, settings: StravaSettings, athlete_id: int | None, meter: Meter
) -> tuple[int, dict[str, Any] | None]:
    """The athlete to sync, and Strava's athlete record when a headless bootstrap read it."""
    with connect(path) as con:
        connected = token_store.connected_athlete_ids(con)
    if athlete_id is not None:
        if athlete_id not in connected:
            raise StravaAuthError(f"athlete {athlete_id} has not connected Strava")
        return athlete_id, None
    if connected:
        return connected[0], None
    tokens, record = bootstrap(path, settings, meter)
    return tokens.athlete_id, record


def _seed_profile(
    api: ApiSession,
    path: Path,
    report: SyncReport,
    record: Mapping[str, Any] | None,
    point: runs.Checkpoint,
) -> datetime | None:
    """Seed max HR from Strava's zones if the runner has none; return the progress bar's far end.

    `/athlete` costs a request, so it is read only when the listing has no lower bound (the
    account's creation date is then the far end of the backfill's progress bar) and a bootstrap
    has not just read it; the connected name is refreshed whenever it is read.
    """
    if record is None and point.window_start is None:
        record = api.get("/athlete")
        with connect(path) as con:
            con.execute(
                "UPDATE strava_tokens SET athlete_name = ? WHERE athlete_id = ?",
                [api.name_of(record), report.athlete_id],
            )
    with connect(path) as con:
        row = con.execute(
            "SELECT hr_max FROM athletes WHERE id = ?", [report.athlete_id]
        ).fetchone()
    if row is not None and row[0] is None and api.may_read_zones():
        with contextlib.suppress(exc.AccessUnauthorized):
            report.hr_max_seeded = details.hr_max_from_strava(api)
        if report.hr_max_seeded is not None:
            with connect(path) as con:
                con.execute(
                    "UPDATE athletes SET hr_max = ? WHERE id = ? AND hr_max IS NULL",
                    [report.hr_max_seeded, report.athlete_id],
                )
    with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
        created = str((record or {})["created_at"]).replace("Z", "+00:00")
        return datetime.fromisoformat(created).replace(tzinfo=None)
    return None


def _recompute(con: Any, report: SyncReport, today: date | None) -> None:
    """Rebuild metrics from the earliest affected day (all of them when max HR changed)."""
    if report.hr_max_seeded is not None:
        report.recomputed_since = None
        recompute(con, [report.athlete_id], today=today)
    elif report.affected:
        report.recomputed_since = min(report.affected)
        recompute(con, [report.athlete_id], since=report.recomputed_since, today=today)


def _wrap_up(path: Path, run_id: int, report: SyncReport, today: date | None) -> None:
    with connect(path) as con, transaction(con):
        prefs = preferences(con, report.athlete_id)
        # Deleting data follows the real calendar, never a date the runner pretends is today.
        day = today or utc_now().date()
        report.pruned, earliest = prune(con, report.athlete_id, prefs.retention_days, day)
        report.touch(earliest)
        forget_missing_activities(con, report.athlete_id)
        _recompute(con, report, today)
        runs.update_run(
            con,
            run_id,
            status="done",
            progress=1.0,
            finished_at=utc_now(),
            deleted=report.deleted,
            pruned=report.pruned,
            upserted=report.upserted,
            requests=report.requests,
            message=summary(report),
        )


class _Pauses:
    """Runs a step; on RateLimited either records a pause and stops, or waits and retries."""

    def __init__(
        self,
        path: Path,
        run_id: int,
        report: SyncReport,
        api: ApiSession,
        wait: bool,
        sleep: Callable[[float], None],
        today: date | None,
    ) -> None:
        self.path, self.run_id, self.report, self.api = path, run_id, report, api
        self.wait, self.sleep, self.today = wait, sleep, today

    def run(self, step: Callable[[], T]) -> T:
        """The step's result, after as many waits as the limits need (only with --wait)."""
        while True:
            try:
                return step()
            except RateLimited as limited:
                self._record(limited)
                if not self.wait:
                    raise
                log.warning(
                    "%s; waiting until %s UTC", limited.reason, f"{limited.resume_after:%H:%M}"
                )
                self.sleep(
                    max(0.0, (limited.resume_after - datetime.now(UTC)).total_seconds())
                    + WAIT_SLACK_S
                )
                self.api.budget.windows.clear()
                with connect(self.path) as con:
                    runs.update_run(con, self.run_id, status="running", resume_after=None)

    def _record(self, limited: RateLimited) -> None:
        """Keep what arrived usable (metrics) and say when the sync can go on."""
        with connect(self.path) as con, transaction(con):
            if not self.wait:
                _recompute(con, self.report, self.today)
            runs.update_run(
                con,
                self.run_id,
                status="waiting" if self.wait else "paused",
                requests=self.api.requests,
                resume_after=limited.resume_after.astimezone(UTC).replace(tzinfo=None),
                finished_at=None if self.wait else utc_now(),
                message=f"{limited.reason}; resume after {limited.resume_after:%H:%M} UTC",
            )


def sync(
    db_path: str | Path | None,
    settings: StravaSettings,
    athlete_id: int | None = None,
    *,
    full: bool = False,
    wait: bool = False,
    today: date | None = None,
    sleep: Callable[[float], None] = time.sleep,
    retry_delays: tuple[float, ...] = RETRY_DELAYS_S,
) -> SyncReport:
    """Bring the athlete's activities up to date; RateLimited when paused by Strava's limits."""
    started = time.perf_counter()
    path = resolve_path(db_path)
    settings.require()
    with sync_lock(path):
        meter = Meter()
        athlete, record = _athlete(path, settings, athlete_id, meter)
        tokens = fresh_tokens(path, settings, athlete, meter=meter)
        api = ApiSession(
            meter.client(settings, tokens.access_token),
            meter.budget,
            tokens,
            lambda force: fresh_tokens(path, settings, athlete, force=force, meter=meter),
            sleep=sleep,
            delays=retry_delays,
        )
        point = listing.plan(path, athlete, full, utc_now())
        report = SyncReport(athlete, point.mode or "incremental")
        with connect(path) as con:
            run_id = runs.start_run(con, athlete, report.mode)
        pauses = _Pauses(path, run_id, report, api, wait, sleep, today)
        try:
            origin = pauses.run(lambda: _seed_profile(api, path, report, record, point))

            def list_all() -> None:
                with connect(path) as con:
                    current = runs.checkpoint(con, athlete)
                listing.list_window(api, path, run_id, current, report, origin)
                listing.finish(path, current, report)

            pauses.run(list_all)
            window = point.window_start.date() if point.window_start else date.min
            details.fetch_missing(api, path, report, window)
            streams.fetch_missing(api, path, report, run_id)
            report.requests = api.requests
            report.seconds = time.perf_counter() - started
            _wrap_up(path, run_id, report, today)
        except RateLimited:
            raise
        except Exception as error:
            with connect(path) as con:
                runs.update_run(
                    con,
                    run_id,
                    status="failed",
                    finished_at=utc_now(),
                    requests=api.requests,
                    message=str(error)[:500],
                )
            raise
    log.info("strava sync: %s", summary(report))
    return report
