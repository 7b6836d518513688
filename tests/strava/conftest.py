"""Fixtures: a fake Strava over HTTPS, reached via STRAVA_API_URL and the CA bundle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.strava.auth import store_connection
from pipelines.strava.config import StravaSettings, load_settings
from pipelines.strava.tokens import Tokens
from tests.strava.fake_strava import ATHLETE_ID, CLIENT_ID, CLIENT_SECRET, FakeStrava


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeStrava]:
    """A running fake Strava; the environment points Stridewise (and requests) at it."""
    with FakeStrava(tmp_path) as server:
        monkeypatch.setenv("STRAVA_API_URL", server.url)
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.ca_path))
        monkeypatch.setenv("STRAVA_CLIENT_ID", str(CLIENT_ID))
        monkeypatch.setenv("STRAVA_CLIENT_SECRET", CLIENT_SECRET)
        monkeypatch.setenv("STRIDEWISE_SECRETS", str(tmp_path / "no-secrets.toml"))
        yield server


@pytest.fixture
def settings(fake: FakeStrava) -> StravaSettings:
    """Settings as the app and CLI read them (from the environment set by `fake`)."""
    return load_settings()


@pytest.fixture
def connected(fake: FakeStrava, db_path: Path) -> Path:
    """A database whose athlete connected Strava earlier (tokens stored, athlete created)."""
    grant = fake.grant()
    tokens = Tokens(
        ATHLETE_ID,
        "Ada Runner",
        grant.access_token,
        grant.refresh_token,
        int(grant.expires_at),
        frozenset(grant.scopes),
    )
    store_connection(db_path, tokens, fake.state.athlete)
    return db_path


def activity_rows(db: Path) -> list[tuple]:
    """(id, source, name, sport_type) of every stored activity, by id."""
    with connect(db) as con:
        return con.execute(
            "SELECT id, source, name, sport_type FROM activities ORDER BY id"
        ).fetchall()
