"""A runner with an empty database uploads their Strava export on Settings and sees it land."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pipelines.db import connect
from tests.e2e.conftest import assert_no_exception, streamlit_server, wait_for_app
from tests.imports.builders import write_export_zip

pytestmark = pytest.mark.e2e


def test_upload_an_export_zip_on_settings(
    db_path: Path, tmp_path: Path, open_page: Callable[[str], Page]
) -> None:
    archive = write_export_zip(tmp_path / "export_12345.zip")
    with streamlit_server(db_path) as url:
        page = open_page(url)
        page.get_by_test_id("stSidebarNav").get_by_text("Settings", exact=True).click()
        wait_for_app(page)
        expect(page.get_by_role("heading", name="Import your history")).to_be_visible()
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(archive))
        expect(page.get_by_text("export_12345.zip")).to_be_visible(timeout=20_000)
        wait_for_app(page)
        zone = page.get_by_label("Time zone you train in (used when a file has no local time)")
        zone.fill("America/New_York")
        zone.press("Enter")
        wait_for_app(page)
        page.get_by_role("button", name="Import").click()
        wait_for_app(page)
        expect(page.get_by_text("Imported 5 activities from 06 Oct 2022 to 10 Oct 2022"))\
            .to_be_visible(timeout=30_000)  # fmt: skip
        expect(page.get_by_text("1 item(s) skipped")).to_be_visible()
        assert_no_exception(page)
    with connect(db_path) as con:
        rows = con.execute("SELECT count(*), min(timezone) FROM activities").fetchall()
    assert rows == [(5, "America/New_York")]
