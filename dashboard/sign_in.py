"""The gate before any page: sign in when the secrets ask for it; refuse an open network server.

An OpenID Connect login is Streamlit's own (st.login, a cookie for 30 days). A password is
checked against its hash and remembered for this browser tab's session only, since the app
cannot set cookies of its own: a reload asks again.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from dashboard import access
from pipelines.errors import InvalidEntry
from pipelines.passwords import verify_password

PASSWORD_SIGNED_IN_KEY = "signed_in_with_password"
WRONG_PASSWORD_PAUSE_S = 1.0  # slows guessing from one tab; scrypt slows it everywhere


def read_secrets() -> dict[str, Any]:
    """The secrets Streamlit sees (.streamlit/secrets.toml), or none when there is no file."""
    return st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}


def _signed_in(sign_in: access.SignIn) -> bool:
    with_provider = bool(sign_in.providers) and bool(st.user.get("is_logged_in"))
    return with_provider or bool(st.session_state.get(PASSWORD_SIGNED_IN_KEY))


def _sign_out() -> None:
    if st.session_state.pop(PASSWORD_SIGNED_IN_KEY, None) is None:
        st.logout()


def _ask(sign_in: access.SignIn) -> None:
    st.title("Stridewise")
    st.write("This dashboard holds someone's training and health notes. Sign in to see it.")
    for provider in sign_in.providers:
        label = f"Sign in with {provider}" if provider else "Sign in"
        if st.button(label, key=f"sign_in_{provider or 'default'}", type="primary"):
            st.login(provider)
    if sign_in.password_hash is None:
        return
    with st.form("sign_in_form", clear_on_submit=True):
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in with the password")
    if not submitted:
        return
    if verify_password(password, sign_in.password_hash):
        st.session_state[PASSWORD_SIGNED_IN_KEY] = True
        st.rerun()
    time.sleep(WRONG_PASSWORD_PAUSE_S)
    st.error("That password is not right. Try again.")


def require() -> None:
    """Stop this run unless the visitor may see the runner's data."""
    try:
        sign_in = access.read_sign_in(read_secrets())
    except InvalidEntry as exc:
        st.error(f"Sign-in is set up wrongly, so nothing is shown. {exc.field}: {exc.allowed}.")
        st.stop()
    if not sign_in.configured:
        problem = access.refusal(st.get_option("server.address"))
        if problem:
            st.error(problem)
            st.stop()
        return
    if not _signed_in(sign_in):
        _ask(sign_in)
        st.stop()
    st.sidebar.button("Sign out", key="sign_out", on_click=_sign_out)
