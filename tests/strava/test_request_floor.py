"""Every sync at the request floor, and the count it reports is the count Strava saw.

A backfill of N activities costs the token refresh, /athlete, /athlete/zones and ceil(N/200)
pages (one more, empty, page when N is a multiple of 200); an idle incremental sync costs at
most three; retries and token refreshes are counted like any other call.
"""

from __future__ import annotations

import math
import time
from datetime import datetime
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.strava.auth import fresh_tokens
from pipelines.strava.client import Meter
from pipelines.strava.config import StravaSettings, load_settings
from pipelines.strava.sync import sync
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava

END = datetime(2026, 11, 20, 7, 0)


def _expire_soon(db: Path) -> None:
    """The stored access token has 4 minutes left: the next sync refreshes it first."""
    with connect(db) as con:
        con.execute("UPDATE strava_tokens SET expires_at = ?", [int(time.time()) + 240])


def _athlete_reads(fake: FakeStrava) -> int:
    return sum(1 for _, path, _ in fake.requests() if path.endswith("/athlete"))


def _logged_requests(db: Path) -> tuple[int, str]:
    with connect(db) as con:
        row = con.execute(
            "SELECT requests, message FROM strava_sync_runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert row is not None
    return int(row[0]), str(row[1])


@pytest.mark.parametrize("count", [0, 1, 199, 200, 450, 2000])
def test_backfill_costs_the_floor_and_reports_what_strava_saw(
    count: int, fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(count, 1000, END)
    _expire_soon(connected)
    fake.reset_log()
    report = sync(connected, settings)
    extra_empty_page = 1 if count % 200 == 0 else 0
    floor = 3 + math.ceil(count / 200) + extra_empty_page  # token, athlete, zones, pages
    assert len(fake.requests()) == floor
    assert len(fake.requests("/oauth/token")) == 1 and _athlete_reads(fake) == 1
    assert report.requests == floor and report.fetched == count
    logged, message = _logged_requests(connected)
    assert logged == floor and f"({floor} requests," in message


def test_idle_incremental_sync_is_one_page_and_counts_a_refresh(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(30, 1, END)
    sync(connected, settings)
    fake.reset_log()
    idle = sync(connected, settings)
    assert [path for _, path, _ in fake.requests()] == ["/api/v3/athlete/activities"]
    assert idle.requests == 1 and idle.upserted == 0
    _expire_soon(connected)
    fake.reset_log()
    refreshed = sync(connected, settings)
    assert refreshed.requests == len(fake.requests()) == 2 <= 3


def test_headless_bootstrap_reads_the_athlete_once(
    fake: FakeStrava, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grant = fake.grant("read,activity:read_all")
    monkeypatch.setenv("STRAVA_REFRESH_TOKEN", grant.refresh_token)
    fake.add_series(450, 1, END)
    fake.reset_log()
    report = sync(db_path, load_settings())
    assert _athlete_reads(fake) == 1
    assert len(fake.requests("/oauth/token")) == 1
    assert report.requests == len(fake.requests()) == 1 + 1 + 1 + 3  # token, athlete, zones, pages


def test_retried_calls_are_counted_as_sent(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(5, 1, END)
    fake.state.fail_next = [502, 503]
    report = sync(connected, settings, retry_delays=(0.0, 0.0, 0.0))
    assert report.fetched == 5
    assert report.requests == len(fake.requests()) == 2 + 3  # two failures, then three calls


def test_a_token_refresh_uses_up_the_rate_budget_too(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    meter = Meter()
    tokens = fresh_tokens(connected, settings, ATHLETE_ID, meter=meter)
    client = meter.client(settings, tokens.access_token)
    client.protocol.get("/athlete")
    before = {family: w.short_usage for family, w in meter.budget.windows.items()}
    assert before == {"overall": 1, "read": 1}
    fresh_tokens(connected, settings, ATHLETE_ID, force=True, meter=meter)
    after = {family: w.short_usage for family, w in meter.budget.windows.items()}
    assert after == {"overall": 2, "read": 2}
    assert meter.session.sent == len(fake.requests()) == 2
