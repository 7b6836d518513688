"""`make screenshots`: the README's pictures, taken from the demo in headless Chromium.

Every page at desktop width, Today and Log at phone width, on the demo seeded to end on the day
STRIDEWISE_TODAY pins (the Makefile sets it), so the pictures only change when the app does.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from pipelines import demo
from pipelines.clock import TODAY_ENV, runner_today
from pipelines.db import connect
from tests.e2e.browser import HOW_TO_GET_ONE, find_chromium
from tests.e2e.conftest import CHROMIUM_ARGS, streamlit_server, wait_for_app

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = ("today", "overview", "load_trends", "log", "body_mind", "plan", "strength", "settings")
PHONE_PAGES = ("today", "log")
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}


def main() -> int:
    """Write docs/<page>.png and docs/<page>-phone.png; 1 when there is no browser or no pin."""
    chromium = find_chromium()
    if chromium is None:
        print(f"No Chromium. {HOW_TO_GET_ONE}.", file=sys.stderr)
        return 1
    if not os.environ.get(TODAY_ENV):
        print(f"Set {TODAY_ENV} so the pictures do not depend on the day.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.duckdb"
        with connect(db) as con:
            demo.seed(con, runner_today(demo.DEMO_TIMEZONE))
        with streamlit_server(db) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            shots = [(page, DESKTOP, "") for page in PAGES]
            shots += [(page, PHONE, "-phone") for page in PHONE_PAGES]
            for page_name, viewport, suffix in shots:
                context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
                page = context.new_page()
                page.goto(f"{url}/{'' if page_name == 'today' else page_name}")
                wait_for_app(page)
                target = DOCS / f"{page_name}{suffix}.png"
                page.screenshot(path=str(target), full_page=False)
                print(f"wrote {target.relative_to(DOCS.parent)}")
                context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
