"""The Settings page's Strava section and the redirect handler, driven through AppTest."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from streamlit.testing.v1 import AppTest

from pipelines.db import connect
from pipelines.strava.auth import make_state
from pipelines.strava.config import StravaSettings
from tests.conftest import APP
from tests.strava.conftest import activity_rows
from tests.strava.fake_strava import FakeStrava
from tests.strava.test_oauth import _redirect_params


def _settings_page(at: AppTest) -> AppTest:
    at.switch_page("app_pages/settings.py")
    at.run()
    assert not at.exception
    return at


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in (*at.info, *at.success, *at.error, *at.warning)]
    return "\n".join(str(p) for p in parts)


def test_without_an_api_application_says_how_to_set_one_up(db_path: Path) -> None:
    at = _settings_page(AppTest.from_file(APP, default_timeout=30))
    assert "STRAVA_CLIENT_ID" in _texts(at)


def test_connect_button_points_at_strava_with_signed_state(fake: FakeStrava, db_path: Path) -> None:
    at = _settings_page(AppTest.from_file(APP, default_timeout=30))
    link = next(m.value for m in at.markdown if "Connect with Strava" in m.value)
    assert f'href="{fake.url}/oauth/authorize?' in link
    assert "state=" in link and 'target="_self"' in link


def test_redirect_connects_and_clears_the_query(
    fake: FakeStrava, db_path: Path, settings: StravaSettings
) -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    for name, value in _redirect_params(fake, settings, make_state(settings)).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    assert "Connected to Strava as Ada Runner" in _texts(at)
    assert dict(at.query_params) == {}
    _settings_page(at)
    assert "Connected as **Ada Runner**" in _texts(at)


def test_tampered_state_shows_error_and_stores_nothing(
    fake: FakeStrava, db_path: Path, settings: StravaSettings
) -> None:
    params = _redirect_params(fake, settings, make_state(settings))
    at = AppTest.from_file(APP, default_timeout=30)
    for name, value in {**params, "state": params["state"][::-1]}.items():
        at.query_params[name] = value
    at.run()
    assert "Strava was not connected" in _texts(at)
    with connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM strava_tokens").fetchone() == (0,)


def test_sync_now_runs_in_a_subprocess_and_reports(fake: FakeStrava, connected: Path) -> None:
    fake.add_series(25, 1, datetime(2026, 11, 20, 7))
    at = _settings_page(AppTest.from_file(APP, default_timeout=30))
    at.button(key="strava_sync_now").click().run()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "Last sync:" not in _texts(at):
        time.sleep(0.5)
        at.run()
    assert "25 activities checked" in _texts(at)
    assert len(activity_rows(connected)) == 25
