"""Which athlete and which day the current page is about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from dashboard import data
from pipelines.clock import runner_today
from training.profile import AthleteProfile

ATHLETE_KEY = "athlete_id"


@dataclass(frozen=True)
class PageContext:
    """Everything a page needs to know before it reads data."""

    db_path: str
    athlete_id: int
    profile: AthleteProfile
    today: date


def current() -> PageContext | None:
    """The selected athlete, or None when the database has no athlete yet."""
    path = data.db_path()
    athlete_id = st.session_state.get(ATHLETE_KEY)
    if athlete_id is None:
        return None
    profile = data.profile(path, athlete_id)
    return PageContext(path, athlete_id, profile, runner_today(profile.timezone))


def require() -> PageContext:
    """The current context, or an empty state telling the runner how to add data, then stop."""
    context = current()
    if context is None:
        st.info(
            "No training data yet. Load the demo runner with `stridewise demo`, import your "
            "Strava export with `stridewise import export.zip`, or connect Strava on the "
            "Settings page."
        )
        st.stop()
    return context
