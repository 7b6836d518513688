"""A runner who starts with watch files and entries keeps one identity when Strava names them."""

from __future__ import annotations

from pathlib import Path

from pipelines.db import connect
from pipelines.entries import checkins, pain
from pipelines.identity import adoptable_local_athlete
from pipelines.imports.export import read_export
from pipelines.imports.loose import read_loose_files
from pipelines.imports.store import profile_timezone, write_import
from tests.imports.test_file_and_strava_duplicates import (
    ATHLETE,
    NEW_YORK,
    TODAY,
    _paris_export,
    _paris_file,
)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with connect(db) as con:
        return con.execute(sql).fetchall()


def _start_locally(db: Path) -> int:
    """Import a watch file without naming an athlete, then log pain and a check-in."""
    with connect(db) as con:
        write_import(con, read_loose_files([("paris.fit.gz", _paris_file())]),
                     timezone=NEW_YORK, today=TODAY)  # fmt: skip
        [(local,)] = con.execute("SELECT id FROM athletes").fetchall()
        pain.add_pain(con, int(local), {"date": "2022-10-10", "site": "knee",
                      "moment": "after-run", "score": 2}, today=TODAY)  # fmt: skip
        checkin = {"date": "2022-10-10", "stress": 3, "sleep_quality": 2, "fatigue": 3,
                   "soreness": 2}  # fmt: skip
        checkins.save_checkin(con, int(local), checkin, today=TODAY)
    return int(local)


def test_the_export_adopts_the_local_runner_instead_of_splitting_them(db_path: Path) -> None:
    local = _start_locally(db_path)
    assert local < 1000
    archive = _paris_export(db_path.parent)
    with connect(db_path) as con:
        assert profile_timezone(con, read_export(archive), None) == NEW_YORK
        write_import(con, read_export(archive), timezone=NEW_YORK, today=TODAY)
    assert _rows(db_path, "SELECT id FROM athletes") == [(ATHLETE,)]
    assert _rows(db_path, "SELECT DISTINCT athlete_id FROM pain_entries") == [(ATHLETE,)]
    assert _rows(db_path, "SELECT DISTINCT athlete_id FROM wellness_entries") == [(ATHLETE,)]
    assert _rows(db_path, "SELECT DISTINCT athlete_id FROM daily_metrics") == [(ATHLETE,)]
    # with one identity the watch file and the export row are recognised as the same run
    assert _rows(db_path, "SELECT count(*), min(source) FROM activities") == [(1, "strava_export")]


def test_no_adoption_when_it_would_be_a_guess(db_path: Path) -> None:
    _start_locally(db_path)
    with connect(db_path) as con:
        con.execute("INSERT INTO athletes (id, name) VALUES (3, 'A second local runner')")
        assert adoptable_local_athlete(con, ATHLETE) is None
        con.execute("DELETE FROM athletes WHERE id = 3")
        con.execute("INSERT INTO athletes (id, name) VALUES (?, 'Already here')", [ATHLETE])
        assert adoptable_local_athlete(con, ATHLETE) is None
