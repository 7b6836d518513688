"""The one clock: STRIDEWISE_TODAY pins the runner's today for the library, the CLI and the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.athletes import ensure_athlete
from pipelines.clock import TODAY_ENV, runner_today
from pipelines.db import connect
from pipelines.errors import InvalidEntry
from tests.conftest import APP, ROOT, TODAY


def test_the_suite_runs_on_its_pinned_day() -> None:
    assert os.environ[TODAY_ENV] == TODAY.isoformat()
    assert runner_today() == TODAY
    assert runner_today("Pacific/Kiritimati") == TODAY  # a pinned day is the same everywhere


def test_without_a_pin_today_is_the_runners_own_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TODAY_ENV)
    assert runner_today("UTC") == datetime.now(UTC).date()
    # UTC+14 and UTC-11 are 25 hours apart: never on the same calendar day.
    ahead = runner_today("Pacific/Kiritimati") - runner_today("Pacific/Pago_Pago")
    assert ahead.days in (1, 2)


@pytest.mark.parametrize("value", ["2026-02-30", "24/11/2026", "tomorrow"])
def test_a_bad_pin_names_the_variable(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(TODAY_ENV, value)
    with pytest.raises(InvalidEntry) as bad:
        runner_today()
    assert bad.value.field == TODAY_ENV and "YYYY-MM-DD" in str(bad.value)


def _cli(*args: str, today: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, TODAY_ENV: today}
    return subprocess.run(
        [sys.executable, "-m", "pipelines", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip


def test_the_command_line_looks_back_at_a_pinned_day(demo_db: Path) -> None:
    done = _cli("today", "--json", today="2026-03-10")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["date"] == "2026-03-10"


def test_a_bad_pin_stops_the_command_line_with_one_line(demo_db: Path) -> None:
    done = _cli("today", today="next week")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: STRIDEWISE_TODAY: a date as YYYY-MM-DD, or unset to use the calendar"
        " (got 'next week')"
    ]


def test_entries_without_a_date_land_on_the_pinned_day(db_path: Path) -> None:
    with connect(db_path) as con:
        ensure_athlete(con, 7, "Sam", "manual")
    done = _cli("log", "checkin", "--stress", "3", "--sleep", "3", "--fatigue", "3",
                "--soreness", "3", today="2027-01-01")  # fmt: skip
    assert done.returncode == 0, done.stderr
    with connect(db_path) as con:
        rows = con.execute("SELECT date FROM wellness_entries").fetchall()
    assert rows == [(date(2027, 1, 1),)]


def test_the_app_shows_the_pinned_day(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, "2026-03-09")
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    assert at.caption[0].value.startswith("Monday 09 March 2026")
