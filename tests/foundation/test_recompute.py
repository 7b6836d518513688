"""Derived tables rebuild from raw data, partially or fully, to the same numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from pipelines import demo, queries
from pipelines.db import connect
from pipelines.metrics import recompute, refresh_if_stale
from tests.conftest import DEMO_END


def test_partial_recompute_matches_full(demo_db: Path) -> None:
    with connect(demo_db) as con:
        full = queries.daily_metrics(con, demo.DEMO_ATHLETE_ID)
        con.execute("UPDATE daily_metrics SET ctl = -1 WHERE date >= DATE '2026-10-01'")
        recompute(con, [demo.DEMO_ATHLETE_ID], since=date(2026, 10, 1), today=DEMO_END)
        partial = queries.daily_metrics(con, demo.DEMO_ATHLETE_ID)
    pd.testing.assert_frame_equal(full, partial)


def test_refresh_extends_to_a_new_day(demo_db: Path) -> None:
    with connect(demo_db) as con:
        assert not refresh_if_stale(con, demo.DEMO_ATHLETE_ID, DEMO_END)
        assert refresh_if_stale(con, demo.DEMO_ATHLETE_ID, date(2026, 11, 27))
        last = queries.daily_metrics(con, demo.DEMO_ATHLETE_ID).iloc[-1]
    assert last["date"].date() == date(2026, 11, 27)
    assert last["load"] == 0


def test_session_rpe_feeds_the_load_of_a_session_without_hr(demo_db: Path) -> None:
    with connect(demo_db) as con:
        run_id, before = con.execute(
            "SELECT id, load FROM activities WHERE load_source = 'pace' LIMIT 1"
        ).fetchone()
        con.execute("UPDATE activities SET average_heartrate = NULL WHERE id = ?", [run_id])
        con.execute("UPDATE athletes SET threshold_pace_s_per_km = NULL")
        con.execute(
            "INSERT INTO session_rpe (activity_id, athlete_id, rpe) VALUES (?, 1, 8)", [run_id]
        )
        recompute(con, [demo.DEMO_ATHLETE_ID], today=DEMO_END)
        load, source = con.execute(
            "SELECT load, load_source FROM activities WHERE id = ?", [run_id]
        ).fetchone()
    assert source == "rpe" and load != before
