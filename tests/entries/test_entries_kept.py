"""The runner's own entries survive a recompute and the removal of the demo data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipelines import demo
from pipelines.db import connect
from pipelines.entries import checkins, pain, rpe
from pipelines.metrics import recompute
from tests.conftest import DEMO_END

TABLES = ("pain_entries", "wellness_entries", "session_rpe")


def _manual_counts(db: Path) -> dict[str, int]:
    with connect(db) as con:
        return {
            table: con.execute(f"SELECT count(*) FROM {table} WHERE source = 'manual'").fetchone()[
                0
            ]
            for table in TABLES
        }


def test_recompute_and_demo_removal_keep_own_entries(demo_db: Path) -> None:
    with connect(demo_db) as con:
        run_id = con.execute(
            "SELECT id FROM activities WHERE sport_type = 'Run' ORDER BY start_date DESC LIMIT 1"
        ).fetchone()[0]
        pain.add_pain(
            con,
            demo.DEMO_ATHLETE_ID,
            {"site": "knee", "side": "left", "moment": "at-rest", "score": 2, "date": DEMO_END},
            today=DEMO_END,
        )
        checkins.save_checkin(
            con,
            demo.DEMO_ATHLETE_ID,
            {
                "date": date(2026, 11, 1),
                "stress": 2,
                "sleep_quality": 2,
                "fatigue": 2,
                "soreness": 2,
            },
            today=DEMO_END,
        )
        rpe.set_rpe(con, demo.DEMO_ATHLETE_ID, run_id, 5)
    assert _manual_counts(demo_db) == {table: 1 for table in TABLES}
    with connect(demo_db) as con:
        recompute(con, today=DEMO_END)
    assert _manual_counts(demo_db) == {table: 1 for table in TABLES}
    with connect(demo_db) as con:
        demo.remove(con)
        assert (
            con.execute("SELECT count(*) FROM pain_entries WHERE source = 'demo'").fetchone()[0]
            == 0
        )
    counts = _manual_counts(demo_db)
    assert counts["pain_entries"] == 1
    assert counts["wellness_entries"] == 1
