"""Draft a plan in real headless Chromium, see its race and taper, and insert a recovery week."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pipelines.db import connect
from tests.conftest import TODAY
from tests.e2e.conftest import assert_no_exception, streamlit_server, wait_for_app
from training.planner.edits import recovery_week_start

pytestmark = pytest.mark.e2e


def week_type_of(db: Path, week_start: date) -> tuple[str] | None:
    with connect(db) as con:  # retries if the app happens to hold the file
        row = con.execute(
            "SELECT week_type FROM plan_weeks WHERE week_start = ?", [week_start]
        ).fetchone()
    return None if row is None else (str(row[0]),)


@pytest.fixture
def demo_app(demo_db: Path) -> Iterator[str]:
    with streamlit_server(demo_db) as url:
        yield url


def test_draft_a_plan_and_insert_a_recovery_week(
    demo_app: str, open_page: Callable[[str], Page], demo_db: Path
) -> None:
    page = open_page(demo_app)
    page.get_by_test_id("stSidebarNav").get_by_text("Plan", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("No plan yet")).to_be_visible()
    page.get_by_role("button", name="Draft plan").click()
    wait_for_app(page)

    expect(page.get_by_role("heading", name="My next block:")).to_be_visible()
    expect(page.get_by_role("heading", name="My next block:")).to_contain_text("race on")
    expect(page.get_by_text("race week", exact=True)).to_be_visible()
    expect(page.get_by_text("Race 21.1 km", exact=True)).to_be_visible()
    expect(page.get_by_text("taper week").first).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(3, timeout=20_000)
    expect(page.get_by_test_id("stDataFrame")).to_have_count(1)
    assert_no_exception(page)

    target = recovery_week_start(TODAY)
    assert week_type_of(demo_db, target) != ("recovery",)
    page.get_by_role("button", name="Insert a recovery week now").click()
    wait_for_app(page)
    assert_no_exception(page)
    assert week_type_of(demo_db, target) == ("recovery",)
