"""The first-run guide: what a runner with an empty database does first, on the Today page."""

from __future__ import annotations

import streamlit as st

SETTINGS_PAGE = "app_pages/settings.py"


def show() -> None:
    """One card with the three ways to bring training in; Today shows it until there is data."""
    st.title("Today")
    with st.container(border=True, key="first_run_card"):
        st.subheader(":material/waving_hand: Welcome to Stridewise: bring in your training first")
        st.markdown(
            "Today's advice, your load trends and your plans are all built from the sessions "
            "you have run. Start with one of these; everything stays in one file on this "
            "computer."
        )
        cols = st.columns(3)
        cols[0].markdown(
            "**Your Strava export** (every activity you ever recorded, no API app needed): "
            "request it on strava.com under Settings → My Account."
        )
        cols[0].page_link(
            SETTINGS_PAGE, label="Import your Strava export", icon=":material/upload:"
        )
        cols[1].markdown(
            "**Connect Strava** with your own API application, then sync new runs as they come in."
        )
        cols[1].page_link(SETTINGS_PAGE, label="Connect Strava", icon=":material/sync:")
        cols[2].markdown(
            "**A run from your watch**: a .fit, .gpx or .tcx file from Garmin, Coros, Polar or "
            "any other watch."
        )
        cols[2].page_link(
            SETTINGS_PAGE, label="Add a run from a file", icon=":material/directions_run:"
        )
        st.caption(
            "Just looking? `stridewise demo` loads a demo runner with 18 months of training, a "
            "plan and a strength plan; `stridewise demo --remove` takes it away again."
        )
