"""One Strava account per database: a second runner's API data never lands beside the first's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.strava import tokens as token_store
from pipelines.strava.auth import store_connection
from pipelines.strava.errors import StravaAuthError
from tests.strava.fake_strava import ATHLETE_ID


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
