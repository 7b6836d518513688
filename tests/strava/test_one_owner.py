"""One Strava account per database: a second runner's API data never lands beside the first's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.strava import tokens as token_store
from pipelines.strava.auth import store_connection
from pipelines.strava.config import StravaSettings
from pipelines.strava.errors import StravaAuthError
from pipelines.strava.tokens import Tokens
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava


def test_a_second_strava_account_is_refused_and_nothing_is_stored(connected: Path) -> None:
    with connect(connected) as con:
        first = token_store.load(con, ATHLETE_ID)
    assert first is not None
    other = replace(first, athlete_id=ATHLETE_ID + 1, athlete_name="Someone Else")
    with pytest.raises(StravaAuthError, match="each runner needs their own database"):
        store_connection(connected, other, {"id": ATHLETE_ID + 1})
    with connect(connected) as con:
        assert token_store.connected_athlete_ids(con) == [ATHLETE_ID]
        assert con.execute("SELECT count(*) FROM athletes").fetchone() == (1,)


def test_reconnecting_the_same_account_updates_its_tokens(connected: Path) -> None:
    with connect(connected) as con:
        first = token_store.load(con, ATHLETE_ID)
    assert first is not None
    store_connection(connected, replace(first, refresh_token="rotated"), None)
    with connect(connected) as con:
        again = token_store.load(con, ATHLETE_ID)
    assert again is not None and again.refresh_token == "rotated"


def test_connecting_adopts_the_runner_who_started_locally(
    fake: FakeStrava, db_path: Path, settings: StravaSettings
) -> None:
    """Entries logged before connecting stay with the runner, now under their Strava id."""
    with connect(db_path) as con:
        con.execute("INSERT INTO athletes (id, name, timezone) VALUES (2, 'Me', 'Europe/Oslo')")
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, moment, score)"
            " VALUES (2, DATE '2026-11-01', 'knee', 'after-run', 3)"
        )
    grant = fake.grant()
    tokens = Tokens(ATHLETE_ID, "Ada Runner", grant.access_token, grant.refresh_token,
                    int(grant.expires_at), frozenset(grant.scopes))  # fmt: skip
    store_connection(db_path, tokens, fake.state.athlete)
    with connect(db_path) as con:
        assert con.execute("SELECT id, name, timezone FROM athletes").fetchall() == [
            (ATHLETE_ID, "Me", "Europe/Oslo")
        ]
        assert con.execute("SELECT athlete_id FROM pain_entries").fetchall() == [(ATHLETE_ID,)]
