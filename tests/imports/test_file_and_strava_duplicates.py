"""A run imported as a loose watch file and again with its Strava id is stored and counted once."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.duplicates import Recording, same_run
from pipelines.entries import pain, rpe, trash
from pipelines.imports.export import read_export
from pipelines.imports.loose import read_loose_files
from pipelines.imports.models import ImportReport
from pipelines.imports.store import write_import
from tests.imports.builders import (
    EVENING_RUN,
    HEADER_94,
    PROFILE_CSV,
    csv_bytes,
    fit_gz,
    sample_files,
    write_export_zip,
)

NEW_YORK = "America/New_York"
ATHLETE = 12345  # the athlete of PROFILE_CSV
TODAY = date(2022, 10, 20)
# A run in Paris while the profile says New York: 22:30 UTC is 00:30 on Oct 10 on the watch.
PARIS_START = datetime(2022, 10, 9, 22, 30)
PARIS_OFFSET_S = 2 * 3600
PARIS_RUN_ID = 8100
TABLES = ("activities", "daily_metrics", "session_rpe", "pain_entries", "deleted_entries")


def _paris_file(start: datetime = PARIS_START, sport: str = "running") -> bytes:
    """40 minutes at 140 bpm, 7.2 km, recorded by a watch set to Paris summer time."""
    return fit_gz(start.replace(tzinfo=UTC), 40, 140, utc_offset_s=PARIS_OFFSET_S, sport=sport)


def _paris_export(tmp_path: Path) -> Path:
    """An export whose only row is the Paris run, with no file of its own (a manual upload)."""
    row = {"id": str(PARIS_RUN_ID), "date": "Oct 9, 2022, 10:30:00 PM", "name": "Seine loop",
           "type": "Run", "elapsed": "2400.0", "moving": "2400.0",
           "distance_m": "7210.0"}  # fmt: skip
    path = tmp_path / "paris-export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("activities.csv", csv_bytes(HEADER_94, [row]))
        archive.writestr("profile.csv", PROFILE_CSV)
    return path


def _import_file(db: Path, name: str, data: bytes) -> ImportReport:
    with connect(db) as con:
        return write_import(con, read_loose_files([(name, data)]), athlete_id=ATHLETE,
                            timezone=NEW_YORK, today=TODAY)  # fmt: skip


def _import_export(db: Path, archive: Path) -> ImportReport:
    with connect(db) as con:
        return write_import(con, read_export(archive), timezone=NEW_YORK, today=TODAY)


def _rows(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    with connect(db) as con:
        return con.execute(sql, params or []).fetchall()


def _file_id(db: Path) -> int:
    rows = _rows(db, "SELECT id FROM activities WHERE source = 'file'")
    assert len(rows) == 1
    return int(str(rows[0][0]))


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    return {t: _rows(db, f"SELECT * FROM {t} ORDER BY ALL") for t in TABLES}


def _day_load(db: Path, day: date) -> float:
    """The day's load in daily_metrics (0 when the series has no such day)."""
    rows = _rows(db, "SELECT coalesce(sum(load), 0) FROM daily_metrics"
                     " WHERE athlete_id = ? AND date = ?", [ATHLETE, day])  # fmt: skip
    return float(str(rows[0][0]))


def test_a_file_then_the_export_keeps_the_strava_id_once(db_path: Path, tmp_path: Path) -> None:
    _import_file(db_path, "9001.fit.gz", sample_files()["activities/9001.fit.gz"])
    report = _import_export(db_path, write_export_zip(tmp_path / "export.zip"))
    ids = [r[0] for r in _rows(db_path, "SELECT id FROM activities ORDER BY id")]
    assert ids == [8001, 8002, 8003, 8004, 8005]
    assert report.added == 5 and report.unchanged == 0
    evening = _rows(db_path, "SELECT load FROM activities WHERE id = 8001")[0][0]
    assert _day_load(db_path, EVENING_RUN.date() - timedelta(days=1)) == evening


def test_the_export_row_takes_the_files_heart_rate_and_device_local_start(
    db_path: Path,
) -> None:
    _import_file(db_path, "paris.fit.gz", _paris_file())
    report = _import_export(db_path, _paris_export(db_path.parent))
    rows = _rows(db_path, "SELECT id, source, name, start_date_local, timezone, hr_histogram,"
                          " distance_m FROM activities")  # fmt: skip
    assert len(rows) == 1
    activity_id, source, name, local, label, histogram, distance = rows[0]
    assert (activity_id, source, name) == (PARIS_RUN_ID, "strava_export", "Seine loop")
    assert (local, label) == (datetime(2022, 10, 10, 0, 30), "UTC+02:00")
    assert json.loads(str(histogram)) == {"140": 2400.0}
    assert distance == 7210.0
    assert report.added == 1
    load = _rows(db_path, "SELECT load FROM activities")[0][0]
    assert _day_load(db_path, date(2022, 10, 10)) == load
    assert _day_load(db_path, date(2022, 10, 9)) == 0


def test_the_export_then_the_file_is_reported_as_already_present(db_path: Path) -> None:
    _import_export(db_path, _paris_export(db_path.parent))
    assert _rows(db_path, "SELECT start_date_local FROM activities") == [
        (datetime(2022, 10, 9, 18, 30),)  # the profile zone's guess, before the watch says
    ]
    report = _import_file(db_path, "paris.fit.gz", _paris_file())
    assert (report.read, report.added, report.updated, report.unchanged) == (1, 0, 0, 0)
    [skipped] = report.skipped
    assert skipped.item == "paris.fit"
    assert skipped.reason == (
        f"already stored as Strava activity {PARIS_RUN_ID}, so not added again; its heart-rate "
        "samples and local start time were added to that activity"
    )
    rows = _rows(db_path, "SELECT id, start_date_local, timezone, hr_histogram IS NOT NULL"
                          " FROM activities")  # fmt: skip
    assert rows == [(PARIS_RUN_ID, datetime(2022, 10, 10, 0, 30), "UTC+02:00", True)]
    assert _day_load(db_path, date(2022, 10, 9)) == 0
    assert _day_load(db_path, date(2022, 10, 10)) > 0


def test_rpe_pain_and_trashed_entries_follow_the_run_to_its_strava_id(db_path: Path) -> None:
    _import_file(db_path, "paris.fit.gz", _paris_file())
    file_id = _file_id(db_path)
    with connect(db_path) as con:
        rpe.set_rpe(con, ATHLETE, file_id, 7)
        kept = pain.add_pain(con, ATHLETE, {"date": "2022-10-10", "site": "hip-lateral",
                             "moment": "after-run", "score": 3, "activity_id": file_id},
                             today=TODAY)  # fmt: skip
        gone = pain.add_pain(con, ATHLETE, {"date": "2022-10-10", "site": "knee",
                             "moment": "during-run", "score": 2, "activity_id": file_id},
                             today=TODAY)  # fmt: skip
        trash_id = pain.delete_pain(con, ATHLETE, gone)
    _import_export(db_path, _paris_export(db_path.parent))
    assert _rows(db_path, "SELECT activity_id, rpe FROM session_rpe") == [(PARIS_RUN_ID, 7.0)]
    assert _rows(db_path, "SELECT id, activity_id FROM pain_entries") == [(kept, PARIS_RUN_ID)]
    assert _rows(db_path, "SELECT load_source FROM activities") == [("rpe",)]
    with connect(db_path) as con:
        assert trash.restore(con, ATHLETE, trash_id) == "pain"
    assert _rows(db_path, "SELECT id, activity_id FROM pain_entries ORDER BY id") == [
        (kept, PARIS_RUN_ID), (gone, PARIS_RUN_ID)
    ]  # fmt: skip


def test_two_ratings_keep_the_strava_rows_and_trash_the_files(db_path: Path) -> None:
    """A database that already held both copies (each rated) is mended by the next import."""
    _import_file(db_path, "paris.fit.gz", _paris_file())
    file_id = _file_id(db_path)
    with connect(db_path) as con:
        con.execute(
            "INSERT INTO activities (id, athlete_id, source, name, sport_type, start_date,"
            " start_date_local, timezone, distance_m) VALUES (?, ?, 'strava_export', 'Seine loop',"
            " 'Run', ?, '2022-10-09 18:30:00', ?, 7210.0)",
            [PARIS_RUN_ID, ATHLETE, PARIS_START, NEW_YORK],
        )
        rpe.set_rpe(con, ATHLETE, file_id, 7)
        rpe.set_rpe(con, ATHLETE, PARIS_RUN_ID, 5)
    report = _import_export(db_path, _paris_export(db_path.parent))
    assert (report.added, report.updated) == (0, 1)
    assert _rows(db_path, "SELECT id FROM activities") == [(PARIS_RUN_ID,)]
    assert _rows(db_path, "SELECT activity_id, rpe FROM session_rpe") == [(PARIS_RUN_ID, 5.0)]
    trashed = _rows(db_path, "SELECT kind, entry FROM deleted_entries")
    assert [(kind, json.loads(str(entry))["rpe"]) for kind, entry in trashed] == [("rpe", 7.0)]
    assert json.loads(str(trashed[0][1]))["activity_id"] == PARIS_RUN_ID


@pytest.mark.parametrize(
    ("start", "sport"),
    [(PARIS_START + timedelta(minutes=5), "running"), (PARIS_START, "cycling")],
    ids=["five-minutes-apart", "ride-vs-run"],
)
def test_a_near_miss_stays_two_activities(db_path: Path, start: datetime, sport: str) -> None:
    _import_file(db_path, "other.fit.gz", _paris_file(start, sport))
    _import_export(db_path, _paris_export(db_path.parent))
    sources = _rows(db_path, "SELECT source FROM activities ORDER BY source")
    assert sources == [("file",), ("strava_export",)]
    report = _import_file(db_path, "other.fit.gz", _paris_file(start, sport))
    assert report.skipped == [] and report.unchanged == 1


def test_re_importing_either_source_after_the_merge_changes_nothing(db_path: Path) -> None:
    _import_file(db_path, "paris.fit.gz", _paris_file())
    _import_export(db_path, _paris_export(db_path.parent))
    before = _snapshot(db_path)
    again = _import_export(db_path, _paris_export(db_path.parent))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    file_again = _import_file(db_path, "paris.fit.gz", _paris_file())
    assert (file_again.added, file_again.updated, file_again.unchanged) == (0, 0, 0)
    assert file_again.skipped[0].reason.endswith("so not added again")
    assert _snapshot(db_path) == before


START = datetime(2026, 5, 1, 6, 0)


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (Recording(2, "TrailRun", START + timedelta(seconds=60), 10_400.0), True),
        (Recording(2, "Run", START - timedelta(seconds=61), 10_000.0), False),
        (Recording(2, "Ride", START, 10_000.0), False),
        (Recording(2, "Run", START, 10_520.0), True),
        (Recording(2, "Run", START, 10_530.0), False),
        (Recording(2, "Run", START, None), True),
        (Recording(2, "Run", START, 0.0), True),
        (Recording(2, "Walk", START, 10_000.0), False),
    ],
    ids=["trail-run-60s-4pc", "61s", "ride", "distance-4.9pc", "distance-5.0pc-and-more",
         "no-distance", "zero-distance", "walk"],
)  # fmt: skip
def test_the_rule(other: Recording, same: bool) -> None:
    run = Recording(1, "Run", START, 10_000.0)
    assert same_run(run, other) is same and same_run(other, run) is same
