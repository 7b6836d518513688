"""Sync bookkeeping: the `strava_sync_runs` log (progress, outcome) and the resume checkpoint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pipelines.db import Connection

RUN_FIELDS = ("pages", "requests", "fetched", "upserted", "deleted", "pruned", "progress")


@dataclass(frozen=True)
class Checkpoint:
    """Where the athlete's listing stands."""

    open: bool
    mode: str | None
    window_start: datetime | None
    window_end: datetime | None
    oldest_seen: datetime | None
    backfill_done: bool


@dataclass(frozen=True)
class RunStatus:
    """The latest sync run as the Settings page shows it."""

    id: int
    mode: str
    status: str
    pid: int | None
    started_at: datetime
    finished_at: datetime | None
    progress: float
    fetched: int
    upserted: int
    deleted: int
    resume_after: datetime | None
    message: str | None

    @property
    def active(self) -> bool:
        """True while its process is still alive and working (or waiting out a limit)."""
        return self.status in ("running", "waiting") and pid_alive(self.pid)


def utc_now() -> datetime:
    """Naive UTC now: every time in the sync tables is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def pid_alive(pid: int | None) -> bool:
    """Whether a process with this id exists on this machine."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_run(con: Connection, athlete_id: int, mode: str) -> int:
    """Log a new run; earlier 'running' rows are stale (we hold the sync lock) and closed."""
    con.execute(
        """UPDATE strava_sync_runs SET status = 'failed', finished_at = ?,
                  message = 'interrupted before it finished; the next sync resumes it'
           WHERE status IN ('running', 'waiting')""",
        [utc_now()],
    )
    row = con.execute(
        "INSERT INTO strava_sync_runs (athlete_id, mode, status, pid, started_at, heartbeat_at)"
        " VALUES (?, ?, 'running', ?, ?, ?) RETURNING id",
        [athlete_id, mode, os.getpid(), utc_now(), utc_now()],
    ).fetchone()
    assert row is not None
    return int(row[0])


def update_run(con: Connection, run_id: int, **values: Any) -> None:
    """Set counters, progress, status or message of a run and beat its heartbeat."""
    if not values:
        return
    assignments = ", ".join(f"{name} = ?" for name in values)
    con.execute(
        f"UPDATE strava_sync_runs SET {assignments}, heartbeat_at = ? WHERE id = ?",
        [*values.values(), utc_now(), run_id],
    )


def latest_run(con: Connection, athlete_id: int) -> RunStatus | None:
    """The athlete's most recent sync run."""
    row = con.execute(
        """SELECT id, mode, status, pid, started_at, finished_at, progress, fetched, upserted,
                  deleted, resume_after, message
           FROM strava_sync_runs WHERE athlete_id = ? ORDER BY id DESC LIMIT 1""",
        [athlete_id],
    ).fetchone()
    return None if row is None else RunStatus(*row)


def last_success(con: Connection, athlete_id: int) -> datetime | None:
    """When the athlete's last complete sync finished (UTC)."""
    row = con.execute(
        "SELECT max(finished_at) FROM strava_sync_runs WHERE athlete_id = ? AND status = 'done'",
        [athlete_id],
    ).fetchone()
    return row[0] if row else None


def checkpoint(con: Connection, athlete_id: int) -> Checkpoint:
    """The athlete's checkpoint (a closed, never-backfilled one when none is stored)."""
    row = con.execute(
        """SELECT open, mode, window_start, window_end, oldest_seen, backfill_done
           FROM strava_sync_checkpoints WHERE athlete_id = ?""",
        [athlete_id],
    ).fetchone()
    return Checkpoint(False, None, None, None, None, False) if row is None else Checkpoint(*row)


def open_listing(
    con: Connection, athlete_id: int, mode: str, window_start: datetime | None, window_end: datetime
) -> None:
    """Start a new listing: remember its window and forget ids listed by an older one."""
    con.execute("DELETE FROM strava_listed_ids WHERE athlete_id = ?", [athlete_id])
    con.execute(
        """INSERT INTO strava_sync_checkpoints
               (athlete_id, open, mode, window_start, window_end, oldest_seen)
           VALUES (?, true, ?, ?, ?, NULL)
           ON CONFLICT (athlete_id) DO UPDATE SET open = true, mode = EXCLUDED.mode,
               window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end,
               oldest_seen = NULL, updated_at = now()""",
        [athlete_id, mode, window_start, window_end],
    )


def advance(con: Connection, athlete_id: int, ids: list[int], oldest: datetime) -> None:
    """Record one stored page: its ids (for deletions) and the oldest start reached."""
    if ids:
        con.execute(
            "INSERT INTO strava_listed_ids SELECT ?, unnest(?::BIGINT[]) ON CONFLICT DO NOTHING",
            [athlete_id, ids],
        )
    con.execute(
        """UPDATE strava_sync_checkpoints
           SET oldest_seen = least(coalesce(oldest_seen, ?), ?), updated_at = current_timestamp
           WHERE athlete_id = ?""",
        [oldest, oldest, athlete_id],
    )


def close_listing(con: Connection, athlete_id: int, complete_history: bool) -> None:
    """The listing reached its end: nothing left to resume."""
    con.execute("DELETE FROM strava_listed_ids WHERE athlete_id = ?", [athlete_id])
    con.execute(
        """UPDATE strava_sync_checkpoints
           SET open = false, backfill_done = backfill_done OR ?, updated_at = current_timestamp
           WHERE athlete_id = ?""",
        [complete_history, athlete_id],
    )
