"""The one place that combines Streamlit caching with pipelines queries.

Connections are short-lived (a sync in another process must be able to write); results are
cached per database file and athlete and cleared after every write the app makes. No cached
function writes: a cached write would run once per cache entry, not once per need.
"""

from __future__ import annotations

import os
from datetime import date

import pandas as pd
import streamlit as st

from pipelines import athletes as athlete_store
from pipelines import coach_inputs as coach
from pipelines import queries
from pipelines.coach_inputs import CoachInputs
from pipelines.db import connect, resolve_path
from pipelines.entries import pain as pain_store
from pipelines.entries import rpe as rpe_store
from pipelines.metrics import refresh_if_stale
from pipelines.plans import StoredPlan, list_plans
from pipelines.strava.status import ConnectionStatus, connection_status
from pipelines.strength.overview import StrengthOverview
from pipelines.strength.overview import read_overview as read_strength_overview
from training.coach.advice import Advice
from training.planner.model import PlanWeek
from training.planner.outlook import Outlook
from training.planner.outlook import plan_outlook as build_outlook
from training.profile import AthleteProfile

CACHE_TTL_S = 300


def db_path() -> str:
    """The database this app session reads and writes ($STRIDEWISE_DB or data/)."""
    return str(resolve_path())


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def athletes(path: str) -> list[tuple[int, str, str]]:
    """(id, name, source) of every athlete in the database."""
    with connect(path) as con:
        return athlete_store.list_athletes(con)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def profile(path: str, athlete_id: int) -> AthleteProfile:
    """The athlete's profile."""
    with connect(path) as con:
        return athlete_store.get_profile(con, athlete_id)


def daily_metrics(path: str, athlete_id: int, today: date) -> pd.DataFrame:
    """Daily metrics up to `today`, extended first if the calendar has moved on."""
    _extend_metrics(path, athlete_id, today)
    return _stored_metrics(path, athlete_id, today)


_extended: set[tuple[str, int, date]] = set()


def _extend_metrics(path: str, athlete_id: int, today: date) -> None:
    """The one write a read needs: daily rows up to today, once per file, athlete and day."""
    key = (path, athlete_id, today)
    if key in _extended:
        return
    with connect(path) as con:
        extended = refresh_if_stale(con, athlete_id, today)
    if extended:
        clear()
    _extended.add(key)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner="Loading your training…")
def _stored_metrics(path: str, athlete_id: int, today: date) -> pd.DataFrame:
    with connect(path) as con:
        return queries.daily_metrics(con, athlete_id, end=today)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def activities(path: str, athlete_id: int) -> pd.DataFrame:
    """All sessions of the athlete, newest first."""
    with connect(path) as con:
        return queries.activities(con, athlete_id)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def pain_entries(path: str, athlete_id: int) -> pd.DataFrame:
    """All pain entries of the athlete, newest first."""
    with connect(path) as con:
        return queries.pain_entries(con, athlete_id)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def wellness_entries(path: str, athlete_id: int) -> pd.DataFrame:
    """All daily check-ins of the athlete, newest first."""
    with connect(path) as con:
        return queries.wellness_entries(con, athlete_id)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner="Asking the coach…")
def coach_inputs(path: str, athlete_id: int, today: date) -> CoachInputs:
    """Daily metrics, runs, pain and check-ins up to `today`, as the coach reads them."""
    with connect(path) as con:
        return coach.load_inputs(con, athlete_id, today)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner="Asking the coach…")
def advice(path: str, athlete_id: int, today: date) -> Advice:
    """Today's recommendation with its warnings, cap and rest forecast."""
    with connect(path) as con:
        return coach.advise(con, athlete_id, today)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def pain_history(path: str, athlete_id: int) -> pd.DataFrame:
    """Pain entries newest first, with the linked session's name (Log page history)."""
    with connect(path) as con:
        return pain_store.pain_history(con, athlete_id)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def rpe_history(path: str, athlete_id: int) -> pd.DataFrame:
    """Sessions the runner rated (session RPE), newest first."""
    with connect(path) as con:
        return rpe_store.rpe_history(con, athlete_id)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def awaiting_rpe(path: str, athlete_id: int, today: date) -> pd.DataFrame:
    """Sessions of the last week with no rating yet (the Log page's RPE prompt)."""
    with connect(path) as con:
        return rpe_store.awaiting_rpe(con, athlete_id, today)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def strength_overview(path: str, athlete_id: int, today: date) -> StrengthOverview:
    """The active strength plan with its logs, or the inputs to make one."""
    with connect(path) as con:
        return read_strength_overview(con, athlete_id, today)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=32, show_spinner=False)
def plans(path: str, athlete_id: int) -> list[StoredPlan]:
    """The athlete's training plans, the active one first."""
    with connect(path) as con:
        return list_plans(con, athlete_id)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=16, show_spinner="Projecting your plan…")
def plan_outlook(path: str, athlete_id: int, today: date, weeks: tuple[PlanWeek, ...]) -> Outlook:
    """A plan's projection and week reviews from today's real state (cached per edit)."""
    return build_outlook(
        list(weeks),
        daily_metrics(path, athlete_id, today),
        activities(path, athlete_id).assign(athlete_id=athlete_id),
        today,
        profile(path, athlete_id),
    )


def clear() -> None:
    """Forget every cached result; call after the app writes to the database."""
    st.cache_data.clear()
    _extended.clear()


_seen_stamps: dict[str, tuple[int | None, int | None]] = {}


def _mtime_ns(path: str) -> int | None:
    return os.stat(path).st_mtime_ns if os.path.exists(path) else None


def _stamp(path: str) -> tuple[int | None, int | None]:
    """Modification times of the database file and its write-ahead log (reads change neither)."""
    return _mtime_ns(path), _mtime_ns(path + ".wal")


def forget_if_changed_elsewhere(path: str) -> None:
    """Drop cached results when the file changed since they were read: a sync, an import or a
    CLI entry in another process shows up on the next rerun instead of after the cache TTL."""
    stamp = _stamp(path)
    if _seen_stamps.get(path) not in (None, stamp):
        clear()
    _seen_stamps[path] = stamp


@st.cache_data(ttl=2, max_entries=8, show_spinner=False)
def strava_status(path: str, athlete_id: int | None) -> ConnectionStatus | None:
    """The Strava connection for Settings; a short TTL because a sync updates it from outside."""
    with connect(path) as con:
        return connection_status(con, athlete_id)
