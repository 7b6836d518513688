"""Who can reach the server: this computer by default; other computers only after a sign-in."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from streamlit import config, net_util

from dashboard import access, serve
from pipelines.errors import InvalidEntry
from pipelines.passwords import hash_password
from tests.conftest import ROOT
from tests.e2e.conftest import free_port
from tests.security.listening import listening_addresses
from tests.security.servers import project_folder, running

PASSWORD = "correct horse battery"
OIDC = {
    "redirect_uri": "http://192.168.1.20:8501/oauth2callback",
    "cookie_secret": "a-long-random-string",
    "client_id": "stridewise",
    "client_secret": "shh",
    "server_metadata_url": "https://id.example.com/.well-known/openid-configuration",
}
PROVIDER = {key: OIDC[key] for key in access.PROVIDER_KEYS}
on_linux = pytest.mark.skipif(
    not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc/net (Linux)"
)


def test_the_config_serves_this_computer_only_and_keeps_xsrf_and_cors_on() -> None:
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    assert server["address"] == "127.0.0.1"
    assert server["enableXsrfProtection"] is True
    assert server["enableCORS"] is True


@pytest.mark.parametrize(
    ("text", "host", "loopback"),
    [
        ("127.0.0.1", "127.0.0.1", True),
        ("localhost", "localhost", True),
        ("::1", "::1", True),
        ("[::1]", "::1", True),
        ("0.0.0.0", "0.0.0.0", False),
        ("::", "::", False),
        (" 192.168.1.20 ", "192.168.1.20", False),
    ],
)
def test_addresses_that_may_be_served(text: str, host: str, loopback: bool) -> None:
    assert access.validate_host(text) == host
    assert access.is_loopback(host) is loopback


@pytest.mark.parametrize("text", ["nope", "256.1.1.1", "127.0.0.1:8501", "", "example.com"])
def test_a_bad_host_names_the_setting_and_what_it_may_be(text: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        access.validate_host(text)
    assert caught.value.field == "HOST (server.address)"
    assert "127.0.0.1 (this computer only, the default)" in caught.value.allowed


def test_no_address_means_every_network() -> None:
    assert access.is_loopback(None) is False
    assert "on every network" in (access.refusal(None) or "")


@pytest.mark.parametrize(
    ("secrets", "providers", "has_password"),
    [
        ({}, (), False),
        ({"strava": {"STRAVA_CLIENT_ID": "1"}}, (), False),
        ({"access": {"password_hash": hash_password(PASSWORD)}}, (), True),
        ({"auth": OIDC}, (None,), False),
        ({"auth": {"redirect_uri": OIDC["redirect_uri"], "cookie_secret": "s", "google": PROVIDER,
                   "client_kwargs": {"prompt": "login"}}}, ("google",), False),
    ],
    ids=["nothing", "strava-only", "password", "oidc", "named-provider"],
)  # fmt: skip
def test_the_sign_ins_the_secrets_configure(
    secrets: dict[str, Any], providers: tuple[str | None, ...], has_password: bool
) -> None:
    sign_in = access.read_sign_in(secrets)
    assert sign_in.providers == providers
    assert (sign_in.password_hash is not None) is has_password
    assert sign_in.configured is bool(providers or has_password)


@pytest.mark.parametrize(
    ("secrets", "field"),
    [
        ({"auth": {"redirect_uri": OIDC["redirect_uri"]}}, access.AUTH_FIELD),
        ({"auth": {**OIDC, "server_metadata_url": ""}}, access.AUTH_FIELD),
        ({"access": {"password_hash": "hunter2"}}, "password_hash"),
        ({"access": {"password_hash": "scrypt:1048576:64:1:00:00"}}, "password_hash"),
    ],
    ids=["no-cookie-secret", "no-provider", "plain-password", "absurd-cost"],
)
def test_a_sign_in_set_up_wrongly_is_an_error_not_an_open_door(
    secrets: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidEntry) as caught:
        access.read_sign_in(secrets)
    assert caught.value.field == field


class _Execv:
    """Stands in for os.execv: records the command instead of becoming the server."""

    def __init__(self) -> None:
        self.command: list[str] | None = None

    def __call__(self, path: str, command: list[str]) -> None:
        self.command = command


@pytest.fixture
def execv(monkeypatch: pytest.MonkeyPatch) -> _Execv:
    fake = _Execv()
    monkeypatch.setattr(serve.os, "execv", fake)
    return fake


def test_the_launcher_refuses_every_network_without_a_sign_in(
    monkeypatch: pytest.MonkeyPatch, execv: _Execv, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(serve, "read_secrets", dict)
    assert serve.main(["--host", "0.0.0.0"]) == serve.EXIT_REFUSED
    assert execv.command is None
    assert "will not serve on 0.0.0.0 without a sign-in" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--host", "my-laptop"], "HOST (server.address): an IP address of this computer"),
        (["--port", "80000"], "PORT: a whole number from 1 to 65535"),
    ],
)
def test_the_launcher_names_a_bad_setting(
    execv: _Execv, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert serve.main(argv) == serve.EXIT_REFUSED
    assert execv.command is None
    assert message in capsys.readouterr().err


def test_the_launcher_names_a_bad_address_in_the_config(
    monkeypatch: pytest.MonkeyPatch, execv: _Execv, capsys: pytest.CaptureFixture[str]
) -> None:
    before = config.get_option("server.address")
    config.set_option("server.address", "my laptop")
    try:
        assert serve.main([]) == serve.EXIT_REFUSED
    finally:
        config.set_option("server.address", before)
    assert execv.command is None
    assert "HOST (server.address): an IP address of this computer" in capsys.readouterr().err


def test_the_launcher_serves_every_network_with_a_password(
    monkeypatch: pytest.MonkeyPatch, execv: _Execv
) -> None:
    secrets = {"access": {"password_hash": hash_password(PASSWORD)}}
    monkeypatch.setattr(serve, "read_secrets", lambda: secrets)
    serve.main(["--host", "0.0.0.0", "--port", "8600"])
    assert execv.command == [sys.executable, "-m", "streamlit", "run", str(serve.APP),
                             "--server.port", "8600", "--server.address", "0.0.0.0",
                             "--browser.serverAddress", net_util.get_internal_ip()]  # fmt: skip


def test_the_launcher_leaves_the_default_address_to_the_config(
    monkeypatch: pytest.MonkeyPatch, execv: _Execv
) -> None:
    monkeypatch.setattr(serve, "read_secrets", dict)
    serve.main(["--port", "8600"])
    assert execv.command is not None and "--server.address" not in execv.command


def _make_run(port: int, host: str = "") -> list[str]:
    """`make run` as a runner types it; the installed environment is taken as up to date."""
    return ["make", "--no-print-directory", "-o", ".venv/.runtime", "run", f"PORT={port}",
            *([f"HOST={host}"] if host else [])]  # fmt: skip


def _repo_configures_sign_in() -> bool:
    secrets = ROOT / ".streamlit" / "secrets.toml"
    if not secrets.exists():
        return False
    return access.read_sign_in(tomllib.loads(secrets.read_text())).configured


@on_linux
def test_make_run_listens_on_this_computer_only_with_xsrf_on(db_path: Path) -> None:
    port = free_port()
    with running(_make_run(port), ROOT, dict(os.environ), port) as url:
        assert listening_addresses(port) == {"127.0.0.1"}
        upload = urllib.request.Request(f"{url}/_stcore/upload_file/s/f", method="PUT", data=b"")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(upload, timeout=5)
        assert refused.value.code == 403  # no XSRF token; with protection off it would be 400


@on_linux
@pytest.mark.skipif(_repo_configures_sign_in(), reason="this checkout's secrets.toml has a sign-in")
def test_make_run_on_every_network_without_a_sign_in_refuses_to_start(db_path: Path) -> None:
    port = free_port()
    result = subprocess.run(
        _make_run(port, "0.0.0.0"), cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "will not serve on 0.0.0.0 without a sign-in" in result.stderr
    assert "stridewise password-hash" in result.stderr
    assert listening_addresses(port) == set()


@on_linux
def test_with_a_password_hash_the_launcher_serves_every_network(
    db_path: Path, tmp_path: Path
) -> None:
    folder = project_folder(tmp_path, f'[access]\npassword_hash = "{hash_password(PASSWORD)}"\n')
    port = free_port()
    command = [sys.executable, "-m", "dashboard.serve", "--host", "0.0.0.0", "--port", str(port)]
    env = {**os.environ, "HOME": str(tmp_path)}
    with running(command, folder, env, port):
        assert listening_addresses(port) == {"0.0.0.0"}
