"""A run first imported as a watch file and then synced from Strava is stored and counted once."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pipelines.db import connect, migrate
from pipelines.entries import pain, rpe
from pipelines.imports.loose import read_loose_files
from pipelines.imports.store import write_import
from pipelines.strava.auth import store_connection
from pipelines.strava.config import StravaSettings
from pipelines.strava.retention import delete_api_data, prune
from pipelines.strava.sync import sync
from pipelines.strava.tokens import Tokens
from tests.imports.builders import fit_gz
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava

END = datetime(2026, 11, 20, 7, 0)
RUN_START = END - timedelta(days=2)  # 07:00 UTC, 08:00 in London where the fake puts it
RUN_ID = 4242
RUN_DISTANCE_M = 7200.0  # what the watch file records: 40 minutes at 3 m/s
TODAY = date(2026, 11, 21)


def _import_file(
    db: Path, start: datetime = RUN_START, sport: str = "running", utc_offset_s: int = 0
) -> int:
    """Import one 40-minute watch file for the connected athlete; returns its file id."""
    data = fit_gz(start.replace(tzinfo=UTC), 40, 150, utc_offset_s=utc_offset_s, sport=sport)
    parsed = read_loose_files([("watch.fit.gz", data)])
    with connect(db) as con:
        write_import(con, parsed, athlete_id=ATHLETE_ID, timezone="Europe/London", today=TODAY)
    return parsed.activities[0].id


def _rows(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    with connect(db) as con:
        return con.execute(sql, params or []).fetchall()


def _seed_strava(fake: FakeStrava, with_the_run: bool = True) -> None:
    fake.add_series(30, 1000, END - timedelta(days=5))
    if with_the_run:
        _upload_the_run(fake)


def _upload_the_run(fake: FakeStrava) -> None:
    fake.add_activity(RUN_ID, RUN_START, distance=RUN_DISTANCE_M + 40, name="Club run")


def _day_load(db: Path, day: date) -> float:
    rows = _rows(db, "SELECT coalesce(sum(load), 0) FROM daily_metrics WHERE date = ?", [day])
    return float(str(rows[0][0]))


def test_a_file_then_the_api_sync_keeps_one_row_with_the_runners_links(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    _seed_strava(fake)
    file_id = _import_file(connected)
    with connect(connected) as con:
        rpe.set_rpe(con, ATHLETE_ID, file_id, 6)
        entry = pain.add_pain(con, ATHLETE_ID, {"date": "2026-11-18", "site": "knee",
                              "moment": "after-run", "score": 2, "activity_id": file_id},
                              today=TODAY)  # fmt: skip
    report = sync(connected, settings, today=TODAY)
    assert report.fetched == 31
    assert _rows(connected, "SELECT count(*) FROM activities WHERE id < 0") == [(0,)]
    row = _rows(connected, "SELECT source, name, hr_histogram, load FROM activities WHERE id = ?",
                [RUN_ID])  # fmt: skip
    [(source, name, histogram, load)] = row
    assert (source, name) == ("strava_api", "Club run")
    assert json.loads(str(histogram)) == {"150": 2400.0}  # the file's samples, no stream asked
    assert _rows(connected, "SELECT activity_id, rpe FROM session_rpe") == [(RUN_ID, 6.0)]
    assert _rows(connected, "SELECT id, activity_id FROM pain_entries") == [(entry, RUN_ID)]
    assert _day_load(connected, RUN_START.date()) == load


def test_the_rebuild_starts_on_the_files_own_day(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    """A watch left on Alaska time put the run on the evening before; Strava's day wins."""
    _seed_strava(fake, with_the_run=False)
    sync(connected, settings, today=TODAY)
    _import_file(connected, utc_offset_s=-9 * 3600)
    evening_before = RUN_START.date() - timedelta(days=1)
    assert _day_load(connected, evening_before) > 0
    _upload_the_run(fake)
    report = sync(connected, settings, today=TODAY)
    assert report.mode == "incremental" and report.upserted == 1
    assert report.recomputed_since == evening_before
    assert _day_load(connected, evening_before) == 0
    assert _day_load(connected, RUN_START.date()) > 0


def test_a_resync_after_the_merge_changes_nothing(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    _seed_strava(fake)
    _import_file(connected)
    sync(connected, settings, today=TODAY)
    every = "SELECT * EXCLUDE (updated_at) FROM activities ORDER BY id"  # the API upsert stamps it
    before = _rows(connected, every), _rows(connected, "SELECT * FROM daily_metrics ORDER BY ALL")
    report = sync(connected, settings, full=True, today=TODAY)
    assert report.upserted == 0 and report.recomputed_since is None
    after = _rows(connected, every), _rows(connected, "SELECT * FROM daily_metrics ORDER BY ALL")
    assert after == before


@pytest.mark.parametrize(
    ("start", "sport"),
    [(RUN_START + timedelta(minutes=5), "running"), (RUN_START, "cycling")],
    ids=["five-minutes-apart", "ride-vs-run"],
)
def test_a_near_miss_is_kept_beside_the_strava_run(
    fake: FakeStrava, connected: Path, settings: StravaSettings, start: datetime, sport: str
) -> None:
    _seed_strava(fake)
    file_id = _import_file(connected, start, sport)
    sync(connected, settings, today=TODAY)
    ids = {int(str(r[0])) for r in _rows(connected, "SELECT id FROM activities")}
    assert {file_id, RUN_ID} <= ids and len(ids) == 32


def _connect_second_database(fake: FakeStrava, path: Path) -> Path:
    grant = fake.grant()
    tokens = Tokens(ATHLETE_ID, "Ada Runner", grant.access_token, grant.refresh_token,
                    int(grant.expires_at), frozenset(grant.scopes))  # fmt: skip
    migrate(path)
    store_connection(path, tokens, fake.state.athlete)
    return path


def test_merging_costs_no_extra_requests(
    fake: FakeStrava, connected: Path, settings: StravaSettings, tmp_path: Path
) -> None:
    _seed_strava(fake)
    plain = _connect_second_database(fake, tmp_path / "without-files.duckdb")
    fake.reset_log()
    sync(plain, settings, today=TODAY)
    without_files = [(method, path) for method, path, _ in fake.requests()]
    _import_file(connected)
    fake.reset_log()
    sync(connected, settings, today=TODAY)
    assert [(method, path) for method, path, _ in fake.requests()] == without_files


def test_retention_and_disconnect_keep_a_run_the_runner_also_imported(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    """The merged row holds the runner's own file: pruning API data must not delete it."""
    _seed_strava(fake)
    _import_file(connected)
    sync(connected, settings, today=TODAY)
    with connect(connected) as con:
        api_rows = con.execute(
            "SELECT count(*) FROM activities WHERE source = 'strava_api'"
        ).fetchall()[0][0]
        pruned, _ = prune(con, ATHLETE_ID, 0, TODAY + timedelta(days=30))
        assert pruned == api_rows - 1
        assert con.execute("SELECT id FROM activities").fetchall() == [(RUN_ID,)]
        assert delete_api_data(con, ATHLETE_ID) == 0
        assert con.execute("SELECT id FROM activities").fetchall() == [(RUN_ID,)]
