"""The first five minutes: a new runner follows the guide to import; a visitor sees a full demo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_no_exception, streamlit_server, wait_for_app
from tests.imports.builders import write_export_zip

pytestmark = pytest.mark.e2e
GUIDE = "Welcome to Stridewise: bring in your training first"


def test_the_guide_leads_to_the_import_and_then_steps_aside(
    db_path: Path, tmp_path: Path, open_page: Callable[[str], Page]
) -> None:
    archive = write_export_zip(tmp_path / "export_12345.zip")
    with streamlit_server(db_path) as url:
        page = open_page(url)
        expect(page.get_by_text(GUIDE)).to_be_visible()
        page.get_by_role("link", name="Import your Strava export").click()
        wait_for_app(page)
        expect(page.get_by_role("heading", name="Import your history")).to_be_visible()
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(archive))
        expect(page.get_by_text("export_12345.zip")).to_be_visible(timeout=20_000)
        wait_for_app(page)
        page.get_by_role("button", name="Import").click()
        wait_for_app(page)
        expect(page.get_by_text("Imported 5 activities")).to_be_visible(timeout=30_000)
        page.get_by_test_id("stSidebarNav").get_by_text("Today", exact=True).click()
        wait_for_app(page)
        expect(page.get_by_text(GUIDE)).to_have_count(0)
        expect(page.get_by_text("Run cap today")).to_be_visible()
        assert_no_exception(page)


def test_the_demo_shows_a_plan_and_a_strength_plan(
    full_demo_db: Path, open_page: Callable[[str], Page]
) -> None:
    with streamlit_server(full_demo_db) as url:
        page = open_page(f"{url}/plan")
        expect(page.get_by_text("Spring half marathon: 10 weeks")).to_be_visible()
        expect(page.get_by_text("No plan yet")).to_have_count(0)
        page = open_page(f"{url}/strength")
        expect(page.get_by_text("sessions done this week")).to_be_visible()
        assert_no_exception(page)
