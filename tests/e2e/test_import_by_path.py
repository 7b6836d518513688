"""A runner imports their export by typing its path on Settings, after one typo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pipelines.db import connect
from tests.e2e.conftest import assert_no_exception, streamlit_server, wait_for_app
from tests.imports.builders import write_export_zip

pytestmark = pytest.mark.e2e


def test_import_an_export_from_its_path_on_settings(
    db_path: Path, tmp_path: Path, open_page: Callable[[str], Page]
) -> None:
    archive = write_export_zip(tmp_path / "export_12345.zip")
    with streamlit_server(db_path) as url:
        page = open_page(url)
        page.get_by_test_id("stSidebarNav").get_by_text("Settings", exact=True).click()
        wait_for_app(page)
        page.get_by_role("tab", name="From a file or folder on this computer").click()
        zone = page.get_by_label("Time zone you train in (used when a file has no local time)")
        zone.fill("America/New_York")
        zone.press("Enter")
        wait_for_app(page)
        field = page.get_by_label("Path of the export ZIP, the unzipped export folder, or a "
                                  "folder of activity files")  # fmt: skip
        field.fill(str(tmp_path / "export_1234.zip"))
        field.press("Enter")
        wait_for_app(page)
        page.get_by_role("button", name="Import from this path").click()
        wait_for_app(page)
        expect(page.get_by_text("Nothing was imported. Path on this computer: a file or folder "
                                "that exists")).to_be_visible()  # fmt: skip
        field.fill(str(archive))  # and straight to the button, as people do
        page.get_by_role("button", name="Import from this path").click()
        wait_for_app(page)
        expect(page.get_by_text("Imported 5 activities from 06 Oct 2022 to 10 Oct 2022"))\
            .to_be_visible(timeout=30_000)  # fmt: skip
        expect(page.get_by_text("1 item(s) skipped")).to_be_visible()
        assert_no_exception(page)
    with connect(db_path) as con:
        rows = con.execute("SELECT count(*), min(timezone) FROM activities").fetchall()
    assert rows == [(5, "America/New_York")]
