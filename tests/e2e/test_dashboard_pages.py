"""Today, Overview and Load trends in real headless Chromium against `streamlit run`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_no_exception, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo_app(demo_db: Path) -> Iterator[str]:
    with streamlit_server(demo_db) as url:
        yield url


def test_today_overview_and_load_trends_render(
    demo_app: str, open_page: Callable[[str], Page]
) -> None:
    page = open_page(demo_app)
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    expect(page.get_by_text("Run cap today")).to_be_visible()
    expect(page.get_by_role("heading", name="7-day outlook if you rest")).to_be_visible()
    assert_no_exception(page)

    page.get_by_test_id("stSidebarNav").get_by_text("Overview").click()
    wait_for_app(page)
    expect(page.get_by_text("This week so far:")).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(2, timeout=20_000)
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    assert_no_exception(page)

    page.get_by_test_id("stSidebarNav").get_by_text("Load trends").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Load trends")).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(4, timeout=20_000)
    page.get_by_test_id("stButtonGroup").get_by_text("All", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("weeks shown")).to_contain_text("km run")
    assert_no_exception(page)
