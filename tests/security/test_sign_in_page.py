"""The gate before every page: nothing of the runner's shows until the visitor may see it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from pipelines.passwords import hash_password
from tests.conftest import APP

PASSWORD = "correct horse battery"
OIDC = {
    "redirect_uri": "http://192.168.1.20:8501/oauth2callback",
    "cookie_secret": "a-long-random-string",
    "client_id": "stridewise",
    "client_secret": "shh",
    "server_metadata_url": "https://id.example.com/.well-known/openid-configuration",
}


@pytest.fixture
def every_network() -> Iterator[None]:
    """The app as `streamlit run --server.address 0.0.0.0` would run it."""
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    yield
    config.set_option("server.address", before)


def _app(secrets: dict[str, object] | None = None, user: dict[str, object] | None = None
         ) -> AppTest:  # fmt: skip
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    return at.run()


def _titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def _keys(at: AppTest) -> set[str]:
    return {b.key for b in at.button if b.key}


def test_on_this_computer_without_a_sign_in_the_app_opens(demo_db: Path) -> None:
    at = _app()
    assert not at.exception
    assert not at.error
    assert _titles(at) == ["Today"]
    assert _keys(at) == set()


@pytest.mark.usefixtures("every_network")
def test_on_every_network_without_a_sign_in_nothing_is_shown(demo_db: Path) -> None:
    at = _app()
    assert not at.exception
    assert "will not serve on 0.0.0.0 without a sign-in" in at.error[0].value
    assert _titles(at) == []
    assert _keys(at) == set()


@pytest.mark.usefixtures("every_network")
def test_a_password_is_asked_for_and_checked(demo_db: Path) -> None:
    at = _app({"access": {"password_hash": hash_password(PASSWORD)}})
    assert _titles(at) == ["Stridewise"]
    at.text_input(key="sign_in_password").input("wrong horse battery")
    at.get("form_submit_button")[0].click()
    at.run()
    assert at.error[0].value == "That password is not right. Try again."
    assert "signed_in_with_password" not in at.session_state
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    assert at.session_state["signed_in_with_password"] is True
    assert "sign_out" in _keys(at)
    assert _titles(at) == ["Today"]
    at.button(key="sign_out").click()
    at.run()
    assert _titles(at) == ["Stridewise"]


def test_a_configured_password_is_asked_for_on_this_computer_too(demo_db: Path) -> None:
    at = _app({"access": {"password_hash": hash_password(PASSWORD)}})
    assert _titles(at) == ["Stridewise"]
    assert at.text_input(key="sign_in_password").value == ""


@pytest.mark.usefixtures("every_network")
def test_an_openid_login_is_offered_and_its_user_let_in(demo_db: Path) -> None:
    at = _app({"auth": OIDC}, user={"is_logged_in": False})
    assert _titles(at) == ["Stridewise"]
    assert at.button(key="sign_in_default").label == "Sign in"
    at = _app({"auth": OIDC}, user={"is_logged_in": True, "email": "sam@example.com"})
    assert not at.exception
    assert _titles(at) == ["Today"]
    assert "sign_out" in _keys(at)


@pytest.mark.usefixtures("every_network")
def test_a_broken_password_hash_shows_nothing(demo_db: Path) -> None:
    at = _app({"access": {"password_hash": "hunter2"}})
    assert at.error[0].value.startswith(
        "Sign-in is set up wrongly, so nothing is shown. password_hash: scrypt:N:r:p:SALT:KEY"
    )
    assert _titles(at) == []
