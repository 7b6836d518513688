"""Start `python -m pipelines sync` in its own process, so no web request ever waits on Strava."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def log_path(db_path: str | Path) -> Path:
    """Where the background sync writes its one-line outcome (beside the database)."""
    path = Path(db_path)
    return path.with_name(path.name + ".sync.log")


def start_sync(
    db_path: str | Path, athlete_id: int, *, full: bool = False
) -> subprocess.Popen[bytes]:
    """Launch a detached sync of one athlete; its progress lands in `strava_sync_runs`."""
    command = [
        sys.executable,
        "-m",
        "pipelines",
        "sync",
        "--db",
        str(db_path),
        "--athlete",
        str(athlete_id),
    ]
    if full:
        command.append("--full")
    with log_path(db_path).open("wb") as log:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def last_message(db_path: str | Path) -> str:
    """The last line the background sync printed (its outcome or error)."""
    path = log_path(db_path)
    if not path.is_file():
        return ""
    lines = [line for line in path.read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1] if lines else ""
