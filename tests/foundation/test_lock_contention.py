"""Two processes share the file: the second waits for the lock instead of crashing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from pipelines import db

HOLD_LOCK = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    con.execute("INSERT INTO athletes (id, name) VALUES (42, 'holder')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_second_process_waits_then_writes(db_path: Path) -> None:
    holder = hold(db_path, 1.5)
    started = time.monotonic()
    with db.connect(db_path, timeout_s=20) as con:
        waited = time.monotonic() - started
        con.execute("INSERT INTO athletes (id, name) VALUES (43, 'waiter')")
        names = {r[0] for r in con.execute("SELECT name FROM athletes").fetchall()}
    holder.wait(timeout=10)
    assert waited >= 0.5
    assert names == {"holder", "waiter"}


def test_gives_up_with_a_clear_message(db_path: Path) -> None:
    holder = hold(db_path, 5)
    try:
        with (
            pytest.raises(db.DatabaseBusy, match="in use by another Stridewise process"),
            db.connect(db_path, timeout_s=0.5),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_raw_duckdb_really_conflicts(db_path: Path) -> None:
    holder = hold(db_path, 3)
    try:
        with pytest.raises(duckdb.IOException, match="Could not set lock"):
            duckdb.connect(str(db_path))
    finally:
        holder.kill()
        holder.wait()
