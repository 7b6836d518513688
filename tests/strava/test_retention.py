"""Retention of API rows: pruned after each sync, export rows kept, bad values rejected."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.errors import InvalidEntry
from pipelines.strava.config import StravaSettings
from pipelines.strava.retention import preferences, set_preferences
from pipelines.strava.sync import sync
from tests.strava.conftest import activity_rows
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava

TODAY = date(2026, 11, 20)


def test_old_api_rows_pruned_export_rows_kept(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(30, 1, datetime(2026, 11, 20, 6), spacing=timedelta(days=1))
    old = datetime(2026, 1, 5, 7)
    with connect(connected) as con:
        con.execute(
            """INSERT INTO activities (id, athlete_id, source, sport_type, start_date,
                       start_date_local) VALUES (500, ?, 'strava_export', 'Run', ?, ?)""",
            [ATHLETE_ID, old, old],
        )
    sync(connected, settings, today=TODAY)
    with connect(connected) as con:
        set_preferences(con, ATHLETE_ID, retention_days=7)
    report = sync(connected, settings, today=TODAY)
    assert report.pruned == 30 - 8
    kept = activity_rows(connected)
    assert (500, "strava_export", None, "Run") in kept
    assert len(kept) == 9


@pytest.mark.parametrize("days", ["3", "abc", "7.5", -1], ids=["too-short", "text", "half", "neg"])
def test_retention_rejects_bad_values(connected: Path, days: object) -> None:
    with connect(connected) as con:
        with pytest.raises(InvalidEntry) as bad:
            set_preferences(con, ATHLETE_ID, retention_days=days)
        assert bad.value.field == "retention_days"
        assert preferences(con, ATHLETE_ID).retention_days is None


def test_first_sync_with_retention_lists_only_the_window_then_goes_incremental(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(
        30,
        1,
        datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=1),
        spacing=timedelta(days=1),
    )
    with connect(connected) as con:
        set_preferences(con, ATHLETE_ID, retention_days=10)
    first = sync(connected, settings)
    assert first.mode == "backfill" and first.fetched in (10, 11)
    assert sync(connected, settings).mode == "incremental"


def test_run_details_only_when_turned_on(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(4, 1, datetime(2026, 11, 20, 6))
    sync(connected, settings)
    assert not fake.requests("/activities/")
    with connect(connected) as con:
        set_preferences(con, ATHLETE_ID, fetch_details=True)
    fake.add_activity(9, datetime(2026, 11, 20, 18))
    fake.reset_log()
    report = sync(connected, settings)
    assert report.details == 5 and len(fake.requests("/activities/")) == 5
    with connect(connected) as con:
        rpe = con.execute("SELECT DISTINCT perceived_exertion FROM activities").fetchall()
    assert rpe == [(6.0,)]
    fake.reset_log()
    sync(connected, settings)
    assert not fake.requests("/activities/")
