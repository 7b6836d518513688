"""A runner with a few sessions in a real database file, for the entries tests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.metrics import recompute
from tests.conftest import TODAY

ATHLETE = 7
OTHER_ATHLETE = 8
YESTERDAY = TODAY - timedelta(days=1)
RUN_ID = 501  # yesterday's only run, no heart rate: its load comes from RPE once rated
RIDE_ID = 502  # yesterday's ride
OLD_RUN_ID = 503  # a run 20 days ago
OTHER_RUN_ID = 601  # belongs to the other athlete


def _activity(con, activity_id: int, athlete: int, day: date, sport: str) -> None:
    start = datetime.combine(day, time(7, 30))
    con.execute(
        """INSERT INTO activities (id, athlete_id, source, name, sport_type, start_date,
                                   start_date_local, distance_m, moving_time_s, elapsed_time_s)
           VALUES (?, ?, 'file', ?, ?, ?, ?, ?, 3600, 3700)""",
        [
            activity_id,
            athlete,
            f"{sport} {activity_id}",
            sport,
            start,
            start,
            10000.0 if sport == "Run" else 25000.0,
        ],
    )


@pytest.fixture
def runner_db(db_path: Path) -> Path:
    """Athlete 7 with yesterday's run and ride and an older run; athlete 8 with one run."""
    with connect(db_path) as con:
        ensure_athlete(con, ATHLETE, "Sam", "manual")
        ensure_athlete(con, OTHER_ATHLETE, "Kim", "manual")
        _activity(con, RUN_ID, ATHLETE, YESTERDAY, "Run")
        _activity(con, RIDE_ID, ATHLETE, YESTERDAY, "Ride")
        _activity(con, OLD_RUN_ID, ATHLETE, TODAY - timedelta(days=20), "Run")
        _activity(con, OTHER_RUN_ID, OTHER_ATHLETE, YESTERDAY, "Run")
        recompute(con, [ATHLETE, OTHER_ATHLETE], today=TODAY)
    return db_path
