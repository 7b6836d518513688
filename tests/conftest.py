"""Shared fixtures: real DuckDB files in a temp dir, a pinned today, hermetic env, cache hygiene."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import streamlit as st

from pipelines import demo
from pipelines.clock import TODAY_ENV
from pipelines.db import connect, migrate

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "streamlit_app.py")
# The runner's today in every test, whatever the calendar or the caller's environment says, and
# the demo's last day (as `make run` seeds it): a Tuesday, so demo-story dates stay stable.
TODAY = date(2026, 11, 24)
DEMO_END = TODAY


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's database, secrets, Strava credentials or the calendar.

    Setting the variable (not patching a function) reaches subprocesses and the Streamlit server
    the browser journeys start, since they inherit the environment.
    """
    for name in (
        "STRIDEWISE_DB",
        "STRAVA_CLIENT_ID",
        "STRAVA_CLIENT_SECRET",
        "STRAVA_REFRESH_TOKEN",
        "STRAVA_REDIRECT_URI",
        "STRAVA_API_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("STRIDEWISE_DB", str(tmp_path / "default.duckdb"))
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> Iterator[None]:
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, migrated database file that the app and CLI will use via $STRIDEWISE_DB."""
    path = tmp_path / "stridewise.duckdb"
    migrate(path)
    monkeypatch.setenv("STRIDEWISE_DB", str(path))
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database built once per test session, ending on DEMO_END."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with connect(path) as con:
        demo.seed(con, DEMO_END)
    return path


@pytest.fixture
def demo_db(demo_template: Path, db_path: Path) -> Path:
    """A private copy of the demo database for one test (tests may write to it)."""
    db_path.write_bytes(demo_template.read_bytes())
    return db_path


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Readable ids for dates; sets sorted, so parallel workers collect the same test names."""
    if isinstance(val, set | frozenset):
        return "+".join(sorted(map(str, val)))
    if isinstance(val, date):
        return val.isoformat()
    return None
