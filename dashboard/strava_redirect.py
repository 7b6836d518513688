"""Catch Strava's redirect (?code&state or ?error) on whatever page it lands, before navigation.

A full page load from Strava starts a new Streamlit session, so the signed `state` (not the
session) proves the round trip; the query string is cleared so a rerun never reuses the code.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.context import ATHLETE_KEY
from pipelines.errors import InvalidEntry
from pipelines.strava.auth import complete_connection
from pipelines.strava.config import StravaNotConfigured, load_settings
from pipelines.strava.errors import RateLimited, StravaAuthError, StravaUnavailable

PARAMS = ("code", "state", "scope", "error")


def handle() -> None:
    """If this run is Strava's redirect, finish connecting and say how it went."""
    query = st.query_params
    if "state" not in query or not ("code" in query or "error" in query):
        return
    params = {name: query[name] for name in PARAMS if name in query}
    query.clear()
    try:
        tokens = complete_connection(data.db_path(), load_settings(), params)
    except (
        StravaAuthError,
        StravaNotConfigured,
        StravaUnavailable,
        RateLimited,
        InvalidEntry,
    ) as error:
        st.error(f"Strava was not connected. {error}")
        return
    data.clear()
    st.session_state[ATHLETE_KEY] = tokens.athlete_id
    st.success(
        f"Connected to Strava as {tokens.athlete_name}. Open Settings and click "
        "**Sync now** to fetch your activities."
    )
