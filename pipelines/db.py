"""The one place that opens DuckDB: short-lived connections, lock retry, migrations, privacy.

DuckDB lets one process write a file, or many read it, never both. The app, a sync and the CLI
therefore each open the file only for one unit of work and retry while another process holds it.

The file holds pain, stress, sleep and Strava tokens, so it and everything DuckDB writes beside
it (the WAL, the spill folder) are readable by their owner only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

DEFAULT_DB_PATH = Path("data") / "stridewise.duckdb"
DATA_DIR = DEFAULT_DB_PATH.parent
PRIVATE_UMASK = 0o077  # new files 600, new folders 700
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
# What DuckDB keeps beside the database file: the write-ahead log and the folder it spills to.
COMPANIONS = {".wal": PRIVATE_FILE_MODE, ".tmp": PRIVATE_DIR_MODE}
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
LOCK_MARKER = "Could not set lock"
DEFAULT_LOCK_TIMEOUT_S = 30.0

Connection = duckdb.DuckDBPyConnection


class DatabaseBusy(RuntimeError):
    """Another process held the database file for longer than we were willing to wait."""


def resolve_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The database path: explicit argument, else $STRIDEWISE_DB, else data/stridewise.duckdb."""
    if path:
        return Path(path)
    env = os.environ.get("STRIDEWISE_DB")
    return Path(env) if env else DEFAULT_DB_PATH


_umask_lock = threading.Lock()
_umask_holders = 0
_umask_before = 0


@contextlib.contextmanager
def _private_umask() -> Iterator[None]:
    """Owner-only modes for whatever DuckDB creates while a connection is open.

    DuckDB has no setting for file modes and creates its WAL and spill folder long after
    connect(), with the process umask. The umask is process-wide and the app opens connections
    from several threads, so it is held while any connection is open and restored after the last.
    """
    global _umask_holders, _umask_before
    with _umask_lock:
        if _umask_holders == 0:
            _umask_before = os.umask(PRIVATE_UMASK)
        _umask_holders += 1
    try:
        yield
    finally:
        with _umask_lock:
            _umask_holders -= 1
            if _umask_holders == 0:
                os.umask(_umask_before)


def _tighten(path: Path, mode: int) -> bool:
    """Drop group and other permissions from an existing path; True if it had any."""
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return False
    if not current & ~mode & 0o777:
        return False
    try:
        path.chmod(current & mode)
    except PermissionError:
        log.warning("%s can be read by other users of this computer and is not ours to fix", path)
        return False
    return True


def _prepare_private(path: Path) -> None:
    """Create the database's folder owner-only; tighten the file and its companions if wider.

    Only the project's own data folder is tightened when it already exists: a file kept in the
    runner's home or elsewhere leaves that folder alone and is private through its own mode.
    """
    folder = path.parent
    if not folder.exists():
        with _private_umask():
            folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    wanted = {path: PRIVATE_FILE_MODE}
    wanted.update({Path(f"{path}{suffix}"): mode for suffix, mode in COMPANIONS.items()})
    if folder.resolve() == DATA_DIR.resolve():
        wanted[folder] = PRIVATE_DIR_MODE
    tightened = [str(p) for p, mode in wanted.items() if _tighten(p, mode)]
    if tightened:
        log.warning("others could read %s; now only you can", ", ".join(tightened))


def _open(path: Path, timeout_s: float) -> Connection:
    deadline = time.monotonic() + timeout_s
    delay = 0.02
    warned = False
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if LOCK_MARKER not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise DatabaseBusy(
                    f"{path} is in use by another Stridewise process (a sync or import?); "
                    f"gave up after {timeout_s:.0f} s. Try again when it has finished."
                ) from exc
            if not warned:
                log.info("%s is busy in another process; waiting for it", path)
                warned = True
            time.sleep(delay + random.uniform(0, delay))
            delay = min(delay * 2, 0.5)


@contextlib.contextmanager
def _private_connection(path: Path, timeout_s: float) -> Iterator[Connection]:
    """A connection whose file, WAL and spill folder only their owner can read."""
    _prepare_private(path)
    with _private_umask():
        con = _open(path, timeout_s)
        try:
            yield con
        finally:
            con.close()


@contextlib.contextmanager
def connect(
    path: str | os.PathLike[str] | None = None, *, timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
) -> Iterator[Connection]:
    """Open the database read-write for one unit of work, migrated, and close it afterwards."""
    with _private_connection(resolve_path(path), timeout_s) as con:
        _apply_migrations(con)
        yield con


_OPEN_TRANSACTIONS: set[int] = set()


@contextlib.contextmanager
def transaction(con: Connection) -> Iterator[Connection]:
    """BEGIN … COMMIT, rolling back on any error so a failed write leaves nothing behind.

    Re-entrant: a transaction opened inside another joins it, so a composite write (seed the
    demo, then rebuild its metrics) commits or rolls back as one.
    """
    key = id(con)
    if key in _OPEN_TRANSACTIONS:
        yield con
        return
    con.execute("BEGIN TRANSACTION")
    _OPEN_TRANSACTIONS.add(key)
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")
    finally:
        _OPEN_TRANSACTIONS.discard(key)


def migration_files() -> list[Path]:
    """Numbered SQL migrations in the order they apply."""
    return sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def _apply_migrations(con: Connection, up_to: str | None = None) -> list[str]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT name FROM schema_version").fetchall()}
    applied: list[str] = []
    for sql_file in migration_files():
        if up_to is not None and sql_file.stem > up_to:
            break
        if sql_file.stem in done:
            continue
        with transaction(con):
            con.execute(sql_file.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version (name) VALUES (?)", [sql_file.stem])
        log.info("applied migration %s", sql_file.stem)
        applied.append(sql_file.stem)
    return applied


def migrate(path: str | os.PathLike[str] | None = None, *, up_to: str | None = None) -> list[str]:
    """Apply pending migrations (optionally only up to a name, for upgrade tests)."""
    with _private_connection(resolve_path(path), DEFAULT_LOCK_TIMEOUT_S) as con:
        return _apply_migrations(con, up_to)
