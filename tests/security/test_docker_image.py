"""The home-server image builds, refuses to start without a sign-in, and its health check answers.

Building takes minutes, so only `make docker-check` runs this (CI calls it when Docker works).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.passwords import hash_password
from tests.conftest import ROOT

IMAGE = "stridewise:check"
CHECK_ENV = "STRIDEWISE_DOCKER_CHECK"
HEALTHY_WITHIN_S = 120


def _docker_works() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True, check=False).returncode == 0


pytestmark = [
    pytest.mark.skipif(os.environ.get(CHECK_ENV) != "1", reason="run by `make docker-check`"),
    pytest.mark.skipif(
        not _docker_works(), reason="Docker is not available here: the image check is skipped"
    ),
    pytest.mark.timeout(1800),
]


def _docker(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def image() -> str:
    built = _docker("build", "--tag", IMAGE, str(ROOT), timeout=1700)
    assert built.returncode == 0, built.stderr[-4000:]
    return IMAGE


@contextlib.contextmanager
def _container(*args: str) -> Iterator[str]:
    started = _docker("run", "--detach", *args)
    assert started.returncode == 0, started.stderr
    container = started.stdout.strip()
    try:
        yield container
    finally:
        _docker("rm", "--force", "--volumes", container)


def test_without_a_sign_in_the_container_refuses_to_start(image: str) -> None:
    result = _docker("run", "--rm", image)
    assert result.returncode != 0
    assert "will not serve on 0.0.0.0 without a sign-in" in result.stderr


def test_with_a_password_it_becomes_healthy_and_keeps_its_data_private(
    image: str, tmp_path: Path
) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[access]\npassword_hash = "{hash_password("correct horse battery")}"\n')
    secrets.chmod(0o644)  # the container's user must be able to read the mounted file
    with _container(
        "--publish", "127.0.0.1::8501", "--health-interval", "2s",
        "--volume", f"{secrets}:/app/.streamlit/secrets.toml:ro", image,
    ) as container:  # fmt: skip
        deadline = time.monotonic() + HEALTHY_WITHIN_S
        status = ""
        while time.monotonic() < deadline and status != "healthy":
            time.sleep(2)
            status = _docker("inspect", "--format", "{{.State.Health.Status}}", container)
            status = status.stdout.strip()
        assert status == "healthy", _docker("logs", container).stderr[-4000:]
        address = _docker("port", container, "8501/tcp").stdout.split()[0]
        with urllib.request.urlopen(f"http://{address}/_stcore/health", timeout=5) as answer:
            assert answer.read() == b"ok"
        assert _docker("exec", container, "stridewise", "recompute").returncode == 0
        modes = _docker("exec", container, "stat", "-c", "%a %n", "/data",
                        "/data/stridewise.duckdb").stdout.split("\n")  # fmt: skip
        assert modes[:2] == ["700 /data", "600 /data/stridewise.duckdb"]
