"""Start the dashboard the way a runner does, as its own process group, and stop it after."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.conftest import ROOT

START_TIMEOUT_S = 60


def project_folder(tmp_path: Path, secrets: str) -> Path:
    """A working folder with the project's config.toml and the given secrets.toml."""
    folder = tmp_path / "cwd"
    (folder / ".streamlit").mkdir(parents=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    (folder / ".streamlit" / "secrets.toml").write_text(secrets)
    return folder


@contextlib.contextmanager
def running(command: Sequence[str], cwd: Path, env: dict[str, str], port: int) -> Iterator[str]:
    """Run `command` until its health check answers on `port`; yield the URL; stop it all."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while time.monotonic() < deadline and proc.poll() is None:
                with contextlib.suppress(OSError):
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                        break
                time.sleep(0.3)
            else:
                log.seek(0)
                pytest.fail(f"{' '.join(command)} did not start:\n{log.read().decode()}")
            yield url
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
