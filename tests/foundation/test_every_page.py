"""Every page renders without an exception for the runners the app meets in real life."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.metrics import recompute
from tests.conftest import APP, TODAY

PAGES = [
    "app_pages/today.py",
    "app_pages/overview.py",
    "app_pages/load_trends.py",
    "app_pages/log.py",
    "app_pages/body_mind.py",
    "app_pages/plan.py",
    "app_pages/strength.py",
    "app_pages/settings.py",
]


def _athlete_without_activities(db: Path) -> None:
    """Connected or created, nothing synced or imported yet, no profile."""
    with connect(db) as con:
        ensure_athlete(con, 7, "New runner", "manual")


def _one_run_no_profile(db: Path) -> None:
    """A single run yesterday, no heart rate, no threshold pace, no entries."""
    when = datetime.combine(TODAY - timedelta(days=1), time(7, 30))
    with connect(db) as con:
        ensure_athlete(con, 7, "First run", "file")
        con.execute(
            "INSERT INTO activities (id, athlete_id, source, name, sport_type, start_date,"
            " start_date_local, distance_m, moving_time_s, elapsed_time_s)"
            " VALUES (-5, 7, 'file', 'Morning run', 'Run', ?, ?, 5000, 1800, 1850)",
            [when, when],
        )
        recompute(con, [7])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.split("/")[-1].removesuffix(".py"))
@pytest.mark.parametrize(
    "runner",
    [
        pytest.param(None, id="empty-database"),
        pytest.param(_athlete_without_activities, id="no-activities"),
        pytest.param(_one_run_no_profile, id="one-run"),
    ],
)
def test_page_renders(db_path: Path, page: str, runner: object) -> None:
    if callable(runner):
        runner(db_path)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if runner is None:  # no athlete at all: every page says how to bring data in
        says_how = [*at.info, *at.caption]  # Today's first-run guide, or each page's empty state
        assert page.endswith("settings.py") or any("stridewise demo" in m.value for m in says_how)
    else:
        assert at.title
