"""First sync: all history in pages of 200 within ceil(N/200) + 3 requests, stored faithfully."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.strava.config import StravaSettings
from pipelines.strava.sync import sync
from tests.strava.conftest import activity_rows
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava

END = datetime(2026, 11, 20, 7, 0)


@pytest.mark.parametrize("count", [0, 1, 200, 450], ids=["empty", "one", "exact-page", "three"])
def test_backfill_request_count(
    count: int, fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(count, 1000, END)
    fake.reset_log()
    report = sync(connected, settings)
    assert len(fake.requests()) <= math.ceil(count / 200) + 3 + (count % 200 == 0)
    assert report.fetched == count
    assert len(activity_rows(connected)) == count
    pages = fake.requests("/athlete/activities")
    assert all(params["per_page"] == "200" for _, _, params in pages)


def test_backfill_keeps_raw_and_local_time(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_activity(
        5,
        datetime(2026, 3, 1, 7, 30),
        sport_type="Pickleball2027",
        type="Workout",
        start_date_local="2026-03-01T08:30:00Z",
        average_temp=9,
    )
    sync(connected, settings)
    with connect(connected) as con:
        row = con.execute(
            "SELECT athlete_id, source, sport_type, start_date, start_date_local, raw"
            " FROM activities WHERE id = 5"
        ).fetchone()
    assert row[:3] == (ATHLETE_ID, "strava_api", "Pickleball2027")
    assert row[3] == datetime(2026, 3, 1, 7, 30)
    assert row[4] == datetime(2026, 3, 1, 8, 30)
    assert json.loads(row[5])["average_temp"] == 9


def test_backfill_seeds_hr_max_from_zones_and_records_run(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(3, 10, END)
    report = sync(connected, settings)
    assert report.hr_max_seeded == 184  # zone 5 from 166 bpm / 0.90
    with connect(connected) as con:
        hr_max = con.execute("SELECT hr_max FROM athletes WHERE id = ?", [ATHLETE_ID]).fetchone()
        run = con.execute("SELECT status, progress, fetched FROM strava_sync_runs").fetchall()
        metrics = con.execute("SELECT count(*) FROM daily_metrics").fetchone()
    assert hr_max == (184,)
    assert run == [("done", 1.0, 3)]
    assert metrics[0] > 0


def test_backfill_started_now_sees_fake_clock(fake: FakeStrava) -> None:
    assert abs(fake.now() - datetime.now(UTC).timestamp()) < 5
