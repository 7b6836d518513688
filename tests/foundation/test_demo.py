"""The demo runner: deterministic, tells its story, removable without touching user data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from pipelines import demo, queries
from pipelines.db import connect
from tests.conftest import DEMO_END


def test_generator_is_deterministic() -> None:
    a = demo.generate(DEMO_END)
    b = demo.generate(DEMO_END)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_story_has_the_expected_shape(demo_db: Path) -> None:
    with connect(demo_db) as con:
        acts = queries.activities(con, demo.DEMO_ATHLETE_ID)
        daily = queries.daily_metrics(con, demo.DEMO_ATHLETE_ID)
        pains = queries.pain_entries(con, demo.DEMO_ATHLETE_ID)
    assert {"Run", "Ride", "WeightTraining"} <= set(acts["sport_type"])
    runs = acts[acts["sport_type"] == "Run"]
    assert runs["average_heartrate"].isna().any() and runs["average_heartrate"].notna().any()
    assert set(acts["load_source"]) >= {"hr_avg", "pace", "rpe"}
    assert daily["date"].iloc[-1].date() == DEMO_END
    assert 500 <= len(daily) <= 550  # ~18 months, rest days included
    flare = daily[(daily["date"] >= "2026-03-02") & (daily["date"] <= "2026-03-15")]
    assert flare["acwr"].max() > 1.3 and flare["tsb"].min() < -30
    no_running = daily[(daily["date"] >= "2026-03-16") & (daily["date"] <= "2026-03-29")]
    assert no_running["distance_m"].sum() == 0
    hip = pains[(pains["site"] == "hip-lateral") & (pains["side"] == "left")]
    worst = hip.loc[hip["score"].idxmax()]
    assert worst["score"] >= 6
    assert date(2026, 3, 1) <= worst["date"].date() <= date(2026, 3, 20)


def test_removing_demo_keeps_the_runners_own_entries(demo_db: Path) -> None:
    with connect(demo_db) as con:
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, moment, score, source)"
            " VALUES (1, DATE '2026-11-20', 'knee', 'after-run', 2, 'manual')"
        )
        demo.remove(con)
        assert con.execute("SELECT count(*) FROM activities").fetchone() == (0,)
        assert con.execute("SELECT source FROM pain_entries").fetchall() == [("manual",)]
        assert con.execute("SELECT count(*) FROM athletes").fetchone() == (1,)
