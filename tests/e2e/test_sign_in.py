"""Served to the whole network with a password: the browser sees nothing until it signs in."""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pipelines.passwords import hash_password
from tests.e2e.conftest import assert_no_exception, free_port, wait_for_app
from tests.security.servers import project_folder, running

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


def _network_address() -> str:
    """This computer's address on its network, as another computer would use it."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 9))  # a UDP "connect" sends nothing; it picks a route
        address = str(probe.getsockname()[0])
        if not address.startswith("127."):
            return address
    return "127.0.0.1"


def test_the_password_is_asked_before_anything_is_shown(
    demo_db: Path, tmp_path: Path, open_page: Callable[[str], Page]
) -> None:
    folder = project_folder(tmp_path, f'[access]\npassword_hash = "{hash_password(PASSWORD)}"\n')
    port = free_port()
    command = [sys.executable, "-m", "dashboard.serve", "--host", "0.0.0.0", "--port", str(port)]
    with running(command, folder, {**os.environ, "HOME": str(tmp_path)}, port):
        page = open_page(f"http://{_network_address()}:{port}")
        expect(page.get_by_role("heading", name="Stridewise")).to_be_visible()
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
        password = page.get_by_label("Password", exact=True)
        password.fill("wrong horse battery")
        page.get_by_role("button", name="Sign in with the password").click()
        wait_for_app(page)
        expect(page.get_by_text("That password is not right. Try again.")).to_be_visible()
        password.fill(PASSWORD)
        page.get_by_role("button", name="Sign in with the password").click()
        wait_for_app(page)
        expect(page.get_by_role("heading", name="Today")).to_be_visible(timeout=30_000)
        expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
        assert_no_exception(page)
        page.get_by_role("button", name="Sign out").click()
        wait_for_app(page)
        expect(page.get_by_label("Password", exact=True)).to_be_visible()
