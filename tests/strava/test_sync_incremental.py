"""Later syncs: re-list the overlap window only, catch edits and deletions, stay idempotent."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pipelines.db import connect
from pipelines.strava.config import StravaSettings
from pipelines.strava.sync import sync
from tests.strava.conftest import activity_rows
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava

END = datetime(2026, 11, 20, 7, 0)


def test_incremental_with_nothing_new_is_cheap(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(450, 1000, END)
    sync(connected, settings)
    fake.reset_log()
    report = sync(connected, settings)
    assert report.mode == "incremental"
    assert len(fake.requests()) == report.requests <= 3
    after = int(fake.requests("/athlete/activities")[0][2]["after"])
    assert datetime.utcfromtimestamp(after) == END - timedelta(days=14)


def test_run_twice_gives_the_same_rows(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(60, 1000, END)
    sync(connected, settings)
    first = activity_rows(connected)
    report = sync(connected, settings, full=True)
    assert activity_rows(connected) == first
    assert report.upserted == 0
    assert report.recomputed_since is None


def test_edits_late_uploads_and_deletions_in_the_window(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    ids = fake.add_series(30, 1000, END)
    sync(connected, settings)
    fake.edit(ids[-2], name="Renamed tempo", sport_type="TrailRun")
    fake.delete(ids[-3])
    fake.delete(ids[0])  # outside the overlap window: only --full notices
    fake.add_activity(5000, END - timedelta(days=3), name="Late upload")
    report = sync(connected, settings)
    rows = {row[0]: row for row in activity_rows(connected)}
    assert rows[ids[-2]][2:] == ("Renamed tempo", "TrailRun")
    assert ids[-3] not in rows and 5000 in rows and ids[0] in rows
    assert report.deleted == 1
    assert report.recomputed_since == (END - timedelta(days=3)).date()
    full = sync(connected, settings, full=True)
    assert full.deleted == 1 and ids[0] not in {row[0] for row in activity_rows(connected)}


def test_export_rows_and_own_rpe_survive_a_resync(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_activity(77, END, name="From the API")
    with connect(connected) as con:
        con.execute(
            """INSERT INTO activities (id, athlete_id, source, name, sport_type, start_date,
                   start_date_local, distance_m, raw)
               VALUES (77, ?, 'strava_export', 'From my export', 'Run', ?, ?, 9990,
                       '{"csv": 1}')""",
            [ATHLETE_ID, END, END],
        )
        con.execute(
            "INSERT INTO session_rpe (activity_id, athlete_id, rpe) VALUES (77, ?, 7)", [ATHLETE_ID]
        )
    sync(connected, settings)
    sync(connected, settings)
    with connect(connected) as con:
        rows = con.execute(
            "SELECT source, name, distance_m, raw::VARCHAR FROM activities WHERE id = 77"
        ).fetchall()
        rpe = con.execute("SELECT rpe FROM session_rpe WHERE activity_id = 77").fetchall()
    assert rows == [("strava_export", "From the API", 10000.0, '{"csv": 1}')]
    assert rpe == [(7.0,)]
