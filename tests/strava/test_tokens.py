"""Tokens: proactive refresh with a margin, rotation persisted at once, revoked and inactive."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.strava import tokens as token_store
from pipelines.strava.auth import fresh_tokens
from pipelines.strava.config import StravaSettings
from pipelines.strava.errors import StravaAuthError
from pipelines.strava.sync import sync
from tests.conftest import ROOT
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava

END = datetime(2026, 11, 20, 7, 0)


def _stored(db: Path) -> token_store.Tokens:
    with connect(db) as con:
        found = token_store.load(con, ATHLETE_ID)
    assert found is not None
    return found


def test_refresh_within_margin_persists_rotated_refresh_token(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    before = _stored(connected)
    with connect(connected) as con:  # we believe it expires in 4 minutes: inside the margin
        con.execute("UPDATE strava_tokens SET expires_at = ?", [int(time.time()) + 240])
    after = fresh_tokens(connected, settings, ATHLETE_ID)
    grant = fake.current_grant()
    assert grant is not None
    assert after.refresh_token == grant.refresh_token != before.refresh_token
    assert _stored(connected).refresh_token == grant.refresh_token
    assert fresh_tokens(connected, settings, ATHLETE_ID) == _stored(connected)
    assert len(fake.requests("/oauth/token")) == 1


def test_token_values_never_in_repr(connected: Path) -> None:
    stored = _stored(connected)
    assert stored.access_token not in repr(stored)
    assert stored.refresh_token not in repr(stored)


def test_expired_at_strava_refreshes_once_and_syncs(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(3, 1, END)
    fake.advance(6 * 3600 + 60)  # Strava's clock says the access token is dead
    report = sync(connected, settings)
    assert report.fetched == 3
    grant = fake.current_grant()
    assert grant is not None and _stored(connected).access_token == grant.access_token


def test_revoked_access_ends_with_reconnect_message(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.revoke()
    with pytest.raises(StravaAuthError, match="Connect with Strava"):
        sync(connected, settings)
    env = {**os.environ, "STRIDEWISE_DB": str(connected)}
    done = subprocess.run(
        [sys.executable, "-m", "pipelines", "sync"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 77
    assert "Connect with Strava" in done.stderr
    assert _stored(connected).access_token not in done.stderr + done.stdout


def test_inactive_application_says_what_to_do(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.state.inactive = True
    with pytest.raises(StravaAuthError, match="subscription"):
        sync(connected, settings)


def test_headless_bootstrap_from_refresh_token(
    fake: FakeStrava, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grant = fake.grant("read,activity:read_all")
    monkeypatch.setenv("STRAVA_REFRESH_TOKEN", grant.refresh_token)
    fake.add_series(4, 1, END)
    from pipelines.strava.config import load_settings

    report = sync(db_path, load_settings())
    assert report.athlete_id == ATHLETE_ID and report.fetched == 4
    assert _stored(db_path).athlete_name == "Ada Runner"
