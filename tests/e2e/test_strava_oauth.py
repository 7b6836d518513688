"""Journey: click "Connect with Strava", approve at (fake) Strava, land back connected."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from pipelines.db import connect, migrate
from tests.e2e.conftest import free_port, streamlit_server, wait_for_app
from tests.strava.fake_strava import CLIENT_ID, CLIENT_SECRET, FakeStrava

pytestmark = pytest.mark.e2e


def test_connect_with_strava_round_trip(browser: Browser, tmp_path: Path) -> None:
    db = tmp_path / "e2e.duckdb"
    migrate(db)
    port = free_port()
    with FakeStrava(tmp_path) as fake:
        env = {
            "STRAVA_API_URL": fake.url,
            "REQUESTS_CA_BUNDLE": str(fake.ca_path),
            "STRAVA_CLIENT_ID": str(CLIENT_ID),
            "STRAVA_CLIENT_SECRET": CLIENT_SECRET,
            "STRAVA_REDIRECT_URI": f"http://127.0.0.1:{port}",
            "STRIDEWISE_SECRETS": str(tmp_path / "no-secrets.toml"),
        }
        with streamlit_server(db, env, port=port) as url:
            context = browser.new_context(ignore_https_errors=True)  # the fake's throwaway CA
            page = context.new_page()
            page.goto(f"{url}/settings")
            wait_for_app(page)
            page.get_by_role("link", name="Connect with Strava").click()
            page.wait_for_url(f"{url}/**")
            wait_for_app(page)
            expect(page.get_by_text("Connected to Strava as Ada Runner")).to_be_visible()
            assert "code=" not in page.url
            assert fake.requests("/oauth/token")

            page.goto(f"{url}/?state=forged.1700000000.abc&code=stolen&scope=read")
            wait_for_app(page)
            expect(page.get_by_text("Strava was not connected")).to_be_visible()
            context.close()
    with connect(db) as con:
        assert con.execute("SELECT athlete_name FROM strava_tokens").fetchall() == [("Ada Runner",)]
