"""Which Chromium the browser journeys drive, and how to get one when there is none.

Debian's `/usr/bin/chromium` comes first (CI installs it); otherwise Playwright's own build, which
`python -m playwright install chromium` downloads on a machine with internet. Run as a module
(`make test` does) it tries that download once and says loudly when the journeys will be skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
HOW_TO_GET_ONE = (
    "To run them, install Chromium (`apt-get install chromium` on Debian/Ubuntu) or run "
    "`.venv/bin/python -m playwright install chromium`"
)


def playwright_chromium() -> Path:
    """Where Playwright's own Chromium build lives once installed."""
    with sync_playwright() as p:
        return Path(p.chromium.executable_path)


def find_chromium() -> Path | None:
    """The Chromium to drive: $STRIDEWISE_CHROMIUM, Debian's, Playwright's own, or None."""
    explicit = os.environ.get("STRIDEWISE_CHROMIUM")
    candidates = [Path(explicit)] if explicit else [SYSTEM_CHROMIUM, playwright_chromium()]
    return next((path for path in candidates if path.exists()), None)


def main() -> int:
    """Make sure a browser is there for the journeys; 0 either way, so the suite still runs."""
    if find_chromium() is None:
        subprocess.run(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        )  # fmt: skip
    if find_chromium() is None:
        print(f"*** No Chromium: the browser journeys will be SKIPPED. {HOW_TO_GET_ONE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
