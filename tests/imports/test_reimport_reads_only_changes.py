"""Importing again reads only files that changed, and stores exactly what a full read would.

The number of files read is what the import itself reports (`ParsedImport.read`, the files
handed to the readers), through real imports of real ZIPs, folders and loose files.
"""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import duckdb

from pipelines import db
from pipelines.db import connect
from pipelines.imports.export import read_export, read_paths
from pipelines.imports.memo import NO_MEMO, Memo, load_memo
from pipelines.imports.models import ImportReport
from pipelines.imports.store import write_import
from tests.imports.builders import (
    EVENING_RUN,
    HEADER_94,
    PROFILE_CSV,
    csv_bytes,
    fit_gz,
    sample_files,
    sample_rows,
    write_export_zip,
)
from tests.imports.snapshots import database_content

NEW_YORK = "America/New_York"
FILES = 3  # the sample export's activity files: a FIT run, a TCX run and a corrupt .fit.gz


def _import(db_path: Path, target: Path, memo: Memo | None = None) -> ImportReport:
    parsed = read_export(target, memo=load_memo(db_path) if memo is None else memo)
    with connect(db_path) as con:
        return write_import(con, parsed, timezone=NEW_YORK)


def _export(path: Path, rows: list[dict[str, str]], files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities.csv", csv_bytes(HEADER_94, rows))
        archive.writestr("profile.csv", PROFILE_CSV)
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_an_unchanged_reimport_reads_no_file(db_path: Path, tmp_path: Path) -> None:
    archive = write_export_zip(tmp_path / "export.zip")
    first = _import(db_path, archive)
    after_first = database_content(db_path)
    again = _import(db_path, archive)
    assert (first.files_read, first.files_unchanged) == (FILES, 0)
    assert (again.files_read, again.files_unchanged) == (0, FILES)
    assert again.added == again.updated == 0 and again.unchanged == 5
    assert database_content(db_path) == after_first
    assert {s.item for s in again.skipped} == {s.item for s in first.skipped}


def test_a_changed_or_new_file_is_read_and_the_rows_match_a_full_reimport(
    tmp_path: Path,
) -> None:
    files = sample_files()
    before = _export(tmp_path / "before.zip", sample_rows(), files)
    rows = sample_rows()
    rows[2]["name"] = "Track, renamed on Strava"  # its TCX file is unchanged
    rows.append({"id": "8006", "date": "Oct 11, 2022, 12:10:00 AM", "name": "New run",
                 "type": "Run", "filename": "activities/9006.fit.gz"})  # fmt: skip
    changed = {
        **files,
        "activities/9001.fit.gz": fit_gz(EVENING_RUN, 30, 162, utc_offset_s=-4 * 3600),
        "activities/9006.fit.gz": fit_gz(EVENING_RUN + timedelta(days=4), 20, 140, -4 * 3600),
    }
    after = _export(tmp_path / "after.zip", rows, changed)
    remembered, full = tmp_path / "remembered.duckdb", tmp_path / "full.duckdb"
    for path in (remembered, full):
        _import(path, before)
    report = _import(remembered, after)
    _import(full, after, memo=NO_MEMO)
    assert (report.files_read, report.files_unchanged) == (2, 2)
    assert report.added == 1 and report.updated == 2
    assert database_content(remembered) == database_content(full)
    with connect(remembered) as con:
        names = dict(con.execute("SELECT id, name FROM activities").fetchall())
        heart = con.execute("SELECT hr_histogram FROM activities WHERE id = 8001").fetchone()
    assert names[8003] == "Track, renamed on Strava" and heart == ('{"162": 1800.0}',)


def test_progress_counts_unchanged_files_as_done(db_path: Path, tmp_path: Path) -> None:
    files = sample_files()
    before = _export(tmp_path / "before.zip", sample_rows(), files)
    changed = {**files, "activities/9003.tcx": files["activities/9003.tcx"].replace(b"141", b"142")}
    after = _export(tmp_path / "after.zip", sample_rows(), changed)
    _import(db_path, before)
    seen: list[tuple[int, int]] = []
    read_export(after, lambda done, total, label: seen.append((done, total)), load_memo(db_path))
    assert seen == [(2, 3), (3, 3)]  # two files unchanged, then the one that changed
    seen.clear()
    read_export(before, lambda done, total, label: seen.append((done, total)), load_memo(db_path))
    assert seen == [(3, 3)]


def test_the_unzipped_folder_of_an_imported_zip_reads_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    archive = write_export_zip(tmp_path / "export.zip")
    _import(db_path, archive)
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "unzipped")
    parsed = read_paths([tmp_path / "unzipped"], memo=load_memo(db_path))
    assert parsed.read == [] and parsed.unchanged == FILES


def test_loose_files_already_imported_are_not_read_again(db_path: Path, tmp_path: Path) -> None:
    watch = tmp_path / "watch"
    watch.mkdir()
    (watch / "a.fit.gz").write_bytes(fit_gz(EVENING_RUN, 20, 140, utc_offset_s=0))
    (watch / "b.fit.gz").write_bytes(fit_gz(EVENING_RUN + timedelta(days=1), 25, 150, 0))

    def run() -> ImportReport:
        parsed = read_paths([watch], memo=load_memo(db_path))
        with connect(db_path) as con:
            return write_import(con, parsed, timezone=NEW_YORK)

    assert run().files_read == 2
    after_first = database_content(db_path)
    again = run()
    assert (again.files_read, again.files_unchanged) == (0, 2)
    assert database_content(db_path) == after_first
    (watch / "c.fit.gz").write_bytes(fit_gz(EVENING_RUN + timedelta(days=2), 30, 155, 0))
    third = run()
    assert (third.files_read, third.files_unchanged, third.added) == (1, 2, 1)


def test_files_read_by_other_readers_are_read_again(db_path: Path, tmp_path: Path) -> None:
    archive = write_export_zip(tmp_path / "export.zip")
    _import(db_path, archive)
    with connect(db_path) as con:
        con.execute("UPDATE import_files SET reader = 'stridewise-readers 0'")
    assert _import(db_path, archive).files_read == FILES
    assert _import(db_path, archive).files_read == 0


def test_a_database_from_before_the_memo_upgrades_and_keeps_its_rows(tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    db.migrate(old, up_to="0007_strava_streams")
    con = duckdb.connect(str(old))
    con.execute("INSERT INTO athletes (id, name, timezone) VALUES (12345, 'Sam', ?)", [NEW_YORK])
    con.execute(
        "INSERT INTO activities (id, athlete_id, source, name, sport_type, start_date,"
        " start_date_local) VALUES (8002, 12345, 'strava_export', 'Hip and core',"
        " 'WeightTraining', '2022-10-07 17:30:00', '2022-10-07 13:30:00')"
    )
    con.close()
    archive = write_export_zip(tmp_path / "export.zip")
    first = _import(old, archive)
    assert (first.files_read, first.added, first.updated) == (FILES, 4, 1)  # 8002 filled in
    assert _import(old, archive).files_read == 0
    with connect(old) as con:
        assert con.execute("SELECT name FROM athletes").fetchall() == [("Sam",)]
        assert con.execute("SELECT count(*) FROM activities").fetchall() == [(5,)]
