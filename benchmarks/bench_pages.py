"""Render time of the Overview and Load trends pages on ten years of one athlete."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from benchmarks.synthetic import activities
from pipelines.db import connect, transaction
from pipelines.metrics import recompute

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "streamlit_app.py")
END = date(2026, 11, 24)
PAGES = ["app_pages/overview.py", "app_pages/load_trends.py"]


def build(path: Path) -> int:
    """A database with one athlete and ten years of sessions."""
    acts = (
        activities(1, 10, END)
        .assign(
            source="benchmark",
            name="Session",
            start_date=lambda f: f["start_date_local"],
            timezone="UTC",
        )
        .drop(columns=["rpe"])
    )
    with connect(path) as con, transaction(con):
        con.execute(
            "INSERT INTO athletes (id, name, sex, hr_max, hr_rest, threshold_pace_s_per_km,"
            " timezone) VALUES (1, 'Ten years', 'F', 190, 50, 280, 'UTC')"
        )
        con.register("bench_acts", acts)
        con.execute("INSERT INTO activities BY NAME SELECT * FROM bench_acts")
        recompute(con, [1], today=END)
    return len(acts)


def render(page: str) -> float:
    """Seconds for one cold render of a page (caches cleared first)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    st.cache_data.clear()
    started = time.perf_counter()
    at.switch_page(page)
    at.run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return elapsed


def main() -> None:
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):  # bare-mode warnings would drown the numbers
            logging.getLogger(name).setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ten_years.duckdb"
        sessions = build(path)
        os.environ["STRIDEWISE_DB"] = str(path)
        print(f"   database: {sessions:,} sessions over 10 years")
        for page in PAGES:
            render(page)  # warm imports
            best = min(render(page) for _ in range(3))
            print(f"   {page}: {best * 1000:.0f} ms per cold render (best of 3, script run)")
