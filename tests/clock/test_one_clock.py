"""Nothing but the clock module reads the calendar for the runner's date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

CLOCK_MODULE = ROOT / "pipelines" / "clock.py"
SCANNED = ("pipelines", "dashboard", "training", "benchmarks", "tests")
# A local, naive "now" or "today" is the runner's date in disguise. UTC moments for timestamps
# and token expiry (datetime.now(UTC)) are clock values, not dates, and stay allowed.
CALENDAR_READS = re.compile(
    r"\bdate\.today\(\)|\bdatetime\.today\(\)|\bdatetime\.now\(\s*\)|\.now\(\)\.date\(\)"
)


def _python_files() -> list[Path]:
    return sorted(
        path
        for folder in SCANNED
        for path in (ROOT / folder).rglob("*.py")
        if path != CLOCK_MODULE and path != Path(__file__)
    )


def test_only_the_clock_module_reads_the_calendar() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _python_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CALENDAR_READS.search(line)
    ]
    assert offenders == [], "use pipelines.clock.runner_today():\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    "line",
    ["day = date.today()", "now = datetime.now()", "d = dt.datetime.today()", "x.now().date()"],
)
def test_the_guard_catches_each_form(line: str) -> None:
    assert CALENDAR_READS.search(line)


@pytest.mark.parametrize("line", ["stamp = datetime.now(UTC)", "runner_today(profile.timezone)"])
def test_the_guard_allows_moments_and_the_clock(line: str) -> None:
    assert not CALENDAR_READS.search(line)
