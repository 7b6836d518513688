"""Browser journeys: a real `streamlit run` server and Debian's headless Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import APP, ROOT
from tests.e2e.browser import HOW_TO_GET_ONE, find_chromium

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.e2e


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium = find_chromium()
    if chromium is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium for the browser journeys under CI. {HOW_TO_GET_ONE}")
        pytest.skip(f"no Chromium. {HOW_TO_GET_ONE}")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextlib.contextmanager
def streamlit_server(
    db: Path, extra_env: dict[str, str] | None = None, port: int | None = None
) -> Iterator[str]:
    """Start `streamlit run` on the app with `db`, yield its URL, stop it afterwards."""
    port = port or free_port()
    env = {**os.environ, "STRIDEWISE_DB": str(db), **(extra_env or {})}
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                APP,
                "--server.headless",
                "true",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            if proc.poll() is not None:
                break
            time.sleep(0.3)
        else:
            proc.kill()
            log.seek(0)
            pytest.fail("streamlit did not start:\n" + log.read().decode(errors="replace"))
        try:
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=15)


def wait_for_app(page: Page) -> None:
    """Wait until the script has finished running (Streamlit's own e2e signals, no sleeps)."""
    page.wait_for_timeout(210)
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(
        state="attached", timeout=30_000
    )
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=30_000
    )
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=30_000)


def assert_no_exception(page: Page) -> None:
    """No Streamlit exception box is on the page."""
    expect(page.get_by_test_id("stException")).to_have_count(0)


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[str], Page]]:
    """Open a URL in a fresh browser context and wait for the app to settle."""
    contexts = []

    def opener(url: str) -> Page:
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto(url)
        wait_for_app(page)
        return page

    yield opener
    for ctx in contexts:
        ctx.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One loud line when the journeys were skipped for want of a browser."""
    skipped = terminalreporter.stats.get("skipped", [])
    if any("no Chromium" in str(report.longrepr) for report in skipped):
        terminalreporter.write_line(
            f"*** Browser journeys SKIPPED (no Chromium). {HOW_TO_GET_ONE}.",
            red=True, bold=True,
        )  # fmt: skip
