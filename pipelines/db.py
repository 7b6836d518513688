"""The one place that opens DuckDB: short-lived connections, lock retry and migrations.

DuckDB lets one process write a file, or many read it, never both. The app, a sync and the CLI
therefore each open the file only for one unit of work and retry while another process holds it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

DEFAULT_DB_PATH = Path("data") / "stridewise.duckdb"
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
def connect(
    path: str | os.PathLike[str] | None = None, *, timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
) -> Iterator[Connection]:
    """Open the database read-write for one unit of work, migrated, and close it afterwards."""
    resolved = resolve_path(path)
    resolved.parent.mkdir(parents=True, exist_ok=True)
    con = _open(resolved, timeout_s)
    try:
        _apply_migrations(con)
        yield con
    finally:
        con.close()


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
    resolved = resolve_path(path)
    resolved.parent.mkdir(parents=True, exist_ok=True)
    con = _open(resolved, DEFAULT_LOCK_TIMEOUT_S)
    try:
        return _apply_migrations(con, up_to)
    finally:
        con.close()
