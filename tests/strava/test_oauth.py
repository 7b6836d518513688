"""The OAuth redirect: signed one-time state, denial, scopes, exchange, disconnect."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests

from pipelines.db import connect
from pipelines.strava import tokens as token_store
from pipelines.strava.auth import authorize_url, check_state, complete_connection, make_state
from pipelines.strava.config import StravaSettings
from pipelines.strava.disconnect import disconnect
from pipelines.strava.errors import StravaAuthError
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava


def _redirect_params(fake: FakeStrava, settings: StravaSettings, state: str) -> dict[str, str]:
    """Follow the authorize URL at the fake as a browser would, up to the redirect back."""
    answer = requests.get(
        authorize_url(settings, state), allow_redirects=False, timeout=10, verify=str(fake.ca_path)
    )
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith(settings.redirect_uri)
    return dict(parse_qsl(urlsplit(location).query))


def test_connect_creates_athlete_and_stores_tokens(
    fake: FakeStrava, db_path: Path, settings: StravaSettings
) -> None:
    url = authorize_url(settings, make_state(settings))
    assert url.startswith(fake.url + "/oauth/authorize?")
    assert "scope=read%2Cactivity%3Aread_all%2Cprofile%3Aread_all" in url
    tokens = complete_connection(
        db_path, settings, _redirect_params(fake, settings, make_state(settings))
    )
    assert tokens.athlete_id == ATHLETE_ID and tokens.athlete_name == "Ada Runner"
    with connect(db_path) as con:
        athlete = con.execute("SELECT name, sex, source FROM athletes").fetchall()
        assert token_store.load(con, ATHLETE_ID) == tokens
    assert athlete == [("Ada Runner", "F", "strava")]


def test_tampered_or_replayed_state_is_rejected(
    fake: FakeStrava, db_path: Path, settings: StravaSettings
) -> None:
    params = _redirect_params(fake, settings, make_state(settings))
    nonce, stamp, signature = params["state"].split(".")
    tampered = {**params, "state": f"{nonce}x.{stamp}.{signature}"}
    with pytest.raises(StravaAuthError, match="state did not match"):
        complete_connection(db_path, settings, tampered)
    complete_connection(db_path, settings, params)
    with pytest.raises(StravaAuthError, match="already used"):
        complete_connection(db_path, settings, params)


def test_old_state_expires(settings: StravaSettings) -> None:
    state = make_state(settings, now=time.time() - 3600)
    with pytest.raises(StravaAuthError, match="expired"):
        check_state(state, settings)


def test_denied_or_unticked_activity_scope_stores_nothing(
    fake: FakeStrava, db_path: Path, settings: StravaSettings
) -> None:
    fake.state.deny = True
    with pytest.raises(StravaAuthError, match="not granted"):
        complete_connection(
            db_path, settings, _redirect_params(fake, settings, make_state(settings))
        )
    fake.state.deny = False
    fake.state.grant_scopes = "read"
    with pytest.raises(StravaAuthError, match="permission to view your activities"):
        complete_connection(
            db_path, settings, _redirect_params(fake, settings, make_state(settings))
        )
    with connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM strava_tokens").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM athletes").fetchone() == (0,)


def test_disconnect_deauthorizes_and_deletes_api_rows_only(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    from datetime import datetime

    from pipelines.strava.sync import sync

    fake.add_series(3, 1, datetime(2026, 11, 20))
    sync(connected, settings)
    with connect(connected) as con:
        con.execute(
            """INSERT INTO activities (id, athlete_id, source, sport_type, start_date,
                       start_date_local) VALUES (99, ?, 'strava_export', 'Run', now(), now())""",
            [ATHLETE_ID],
        )
    result = disconnect(connected, settings, ATHLETE_ID, delete_data=True)
    assert result.deauthorized and result.deleted_activities == 3
    assert fake.current_grant() is None
    assert fake.requests("/oauth/deauthorize")
    with connect(connected) as con:
        assert con.execute("SELECT id FROM activities").fetchall() == [(99,)]
        assert token_store.connected_athlete_ids(con) == []
