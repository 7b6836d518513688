"""Log a pain entry in real headless Chromium and find it in the history."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from tests.e2e.conftest import assert_no_exception, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e


@pytest.fixture
def runner_app(db_path: Path) -> Iterator[str]:
    with connect(db_path) as con:
        ensure_athlete(con, 7, "Sam", "manual")
    with streamlit_server(db_path) as url:
        yield url


def test_log_knee_pain_and_see_it_in_the_history(
    runner_app: str, open_page: Callable[[str], Page], db_path: Path
) -> None:
    page = open_page(runner_app)
    page.get_by_test_id("stSidebarNav").get_by_text("Log", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Log", exact=True)).to_be_visible()
    expect(page.get_by_text("No pain logged here yet")).to_be_visible()

    page.get_by_test_id("stSelectbox").filter(has_text="Where").click()
    page.get_by_role("option", name="Knee", exact=True).click()
    wait_for_app(page)
    page.get_by_test_id("stRadio").filter(has_text="Side").get_by_text("right").click()
    wait_for_app(page)
    page.get_by_test_id("stRadio").filter(has_text="When").get_by_text("After a run").click()
    wait_for_app(page)
    thumb = page.get_by_test_id("stSlider").filter(has_text="Pain: 0 none").get_by_role("slider")
    thumb.focus()
    for _ in range(3):
        thumb.press("ArrowRight")
    wait_for_app(page)
    expect(thumb).to_have_value("3")
    page.get_by_label("Note (optional)").first.fill("stairs after the long run")
    page.get_by_label("Note (optional)").first.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Save pain").click()
    wait_for_app(page)

    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("Knee · right, 3/10")
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_contain_text("Knee · right · after a run · 3/10")
    page.get_by_test_id("stExpander").get_by_text("Edit or delete an entry").click()
    history = page.get_by_role("combobox", name="Entry to edit or delete")
    expect(history).to_have_value(re.compile(r"Knee · right · after a run · 3/10$"))
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1, timeout=20_000)
    assert_no_exception(page)
    with connect(db_path) as con:
        rows = con.execute("SELECT site, side, moment, score, note FROM pain_entries").fetchall()
    assert rows == [("knee", "right", "after-run", 3, "stairs after the long run")]
