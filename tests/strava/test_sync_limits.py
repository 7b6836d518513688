"""Rate limits and failures: stop before the budget, resume without duplicates, retry 5xx."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.strava.config import StravaSettings
from pipelines.strava.errors import RateLimited, StravaUnavailable
from pipelines.strava.sync import sync
from tests.conftest import ROOT
from tests.strava.conftest import activity_rows
from tests.strava.fake_strava import FakeStrava

END = datetime(2026, 11, 20, 7, 0)


def test_budget_stop_then_resume_without_duplicates(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(1000, 1, END)
    fake.state.limits["read"] = (100, 1000)
    fake.set_usage(86)  # 90 % of 100 is reached after a few pages
    with pytest.raises(RateLimited) as paused:
        sync(connected, settings)
    stored = len(activity_rows(connected))
    assert 0 < stored < 1000
    assert paused.value.resume_after.minute % 15 == 0
    with connect(connected) as con:
        run = con.execute("SELECT status, resume_after FROM strava_sync_runs").fetchone()
    assert run[0] == "paused" and run[1] is not None
    fake.set_usage(0, 0)
    fake.reset_log()
    report = sync(connected, settings)
    assert report.mode == "backfill"
    assert report.fetched == 1000 - stored + 1  # the boundary activity is re-read once
    ids = [row[0] for row in activity_rows(connected)]
    assert ids == list(range(1, 1001))


def test_429_commits_what_arrived_and_wait_continues(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(700, 1, END)
    fake.state.limits["read"] = (4, 1000)  # the 4th call of this window is refused (429)
    slept: list[float] = []

    def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        fake.advance(900)  # the fake's window moves on

    report = sync(connected, settings, wait=True, sleep=fake_sleep)
    assert slept and all(0 < s <= 905 for s in slept)
    assert report.fetched >= 700 and len(activity_rows(connected)) == 700


def test_5xx_and_timeouts_are_retried(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(5, 1, END)
    fake.state.fail_next = [500, 503]
    report = sync(connected, settings, retry_delays=(0.0, 0.0, 0.0))
    assert report.fetched == 5
    fake.state.fail_next = [502] * 10
    with pytest.raises(StravaUnavailable):
        sync(connected, settings, retry_delays=(0.0, 0.0))


def test_killed_mid_run_then_rerun(fake: FakeStrava, connected: Path) -> None:
    fake.add_series(2000, 1, END)
    env = {**os.environ, "STRIDEWISE_DB": str(connected)}
    proc = subprocess.Popen([sys.executable, "-m", "pipelines", "sync"], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(fake.requests("/athlete/activities")) < 3:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = len(activity_rows(connected))
    assert partial < 2000
    rerun = subprocess.run(
        [sys.executable, "-m", "pipelines", "sync"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert [row[0] for row in activity_rows(connected)] == list(range(1, 2001))
    with connect(connected) as con:
        runs = con.execute("SELECT status FROM strava_sync_runs ORDER BY id").fetchall()
    statuses = [r[0] for r in runs]
    assert statuses == ["failed", "done"]


def test_cli_exits_75_with_resume_time(fake: FakeStrava, connected: Path) -> None:
    fake.add_series(500, 1, END)
    fake.set_usage(95)
    env = {**os.environ, "STRIDEWISE_DB": str(connected)}
    done = subprocess.run(
        [sys.executable, "-m", "pipelines", "sync"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 75
    assert "resume after" in done.stderr
