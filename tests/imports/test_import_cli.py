"""`stridewise import`: export ZIPs, folders and loose files from the command line."""

from __future__ import annotations

import gzip
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.db import connect
from tests.imports.builders import write_export_zip
from tests.imports.fit_encoder import FitActivity, encode

GPXPY_SAMPLE = Path(__file__).parent / "data" / "gpxpy" / "garmin_tpx.gpx"


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with connect(db) as con:
        return con.execute(sql).fetchall()


def test_import_an_export_zip(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_export_zip(tmp_path / "export.zip")
    code = main(["import", str(archive), "--db", str(db_path), "--timezone", "America/New_York"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Imported 5 activities from 2022-10-06 to 2022-10-10 for athlete 12345" in out
    assert "5 new, 0 updated, 0 unchanged; 2 with heart-rate samples" in out
    assert "activities/9004.fit.gz: the .gz archive is damaged" in out
    assert _rows(db_path, "SELECT count(*) FROM activities") == [(5,)]
    assert main(["import", str(archive), "--db", str(db_path)]) == 0
    again = capsys.readouterr().out
    assert "0 new, 0 updated, 5 unchanged" in again
    assert "Read 0 activity files; 3 were unchanged since the last import" in again


def test_loose_files_get_stable_negative_ids_and_never_duplicate(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fit = tmp_path / "Morning_Run.fit.gz"
    start = datetime(2026, 4, 2, 5, 45, tzinfo=UTC)
    fit.write_bytes(gzip.compress(encode(FitActivity(start, [148] * 1801, utc_offset_s=7200))))
    notes = tmp_path / "notes.txt"
    notes.write_text("not an activity")
    args = ["import", str(fit), str(GPXPY_SAMPLE), str(notes), "--db", str(db_path),
            "--timezone", "Europe/Berlin"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "2 new" in out and "notes.txt: unsupported file type" in out
    assert main(args) == 0
    rows = _rows(db_path, "SELECT id, source, sport_type, start_date_local, name FROM activities"
                          " ORDER BY start_date")  # fmt: skip
    assert len(rows) == 2 and all(int(str(r[0])) < 0 for r in rows)
    assert {r[1] for r in rows} == {"file"}
    assert rows[1][2:] == ("Run", datetime(2026, 4, 2, 7, 45), "Morning_Run")
    assert rows[0][2] == "Ride"
    athletes = _rows(db_path, "SELECT name, source, timezone FROM athletes")
    assert athletes == [("Runner", "file", "Europe/Berlin")]


def test_a_folder_of_watch_files_is_imported(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "garmin"
    (folder / "2026").mkdir(parents=True)
    start = datetime(2026, 4, 3, 6, 0, tzinfo=UTC)
    (folder / "2026" / "a.fit").write_bytes(encode(FitActivity(start, [150] * 61)))
    (folder / ".DS_Store").write_bytes(b"\x00")
    assert main(["import", str(folder), "--db", str(db_path), "--timezone", "UTC"]) == 0
    assert _rows(db_path, "SELECT count(*) FROM activities") == [(1,)]


def test_the_machine_zone_is_used_and_saved_when_nothing_says_otherwise(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("TZ", "Australia/Sydney")
    archive = write_export_zip(tmp_path / "export.zip")
    assert main(["import", str(archive), "--db", str(db_path)]) == 0
    assert "computer's time zone, Australia/Sydney" in capsys.readouterr().err
    assert _rows(db_path, "SELECT timezone FROM athletes") == [("Australia/Sydney",)]
    # the manual strength session at 17:30 UTC is 04:30 the next morning in Sydney
    assert _rows(db_path, "SELECT start_date_local FROM activities WHERE id = 8002") == [
        (datetime(2022, 10, 8, 4, 30),)
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"garbage", "nothing imported: not a readable ZIP archive"),
     (None, "nothing imported: the ZIP has no activities.csv")],
    ids=["not-a-zip", "no-activities-csv"],
)  # fmt: skip
def test_a_bad_export_exits_non_zero_and_writes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None,
    message: str,
) -> None:  # fmt: skip
    archive = tmp_path / "export.zip"
    if content is None:
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("profile.csv", "Athlete ID\n1\n")
    else:
        archive.write_bytes(content)
    assert main(["import", str(archive), "--db", str(db_path), "--timezone", "UTC"]) == 1
    assert message in capsys.readouterr().err
    assert _rows(db_path, "SELECT count(*) FROM athletes") == [(0,)]


def test_bad_arguments_name_the_field(db_path: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    archive = write_export_zip(tmp_path / "export.zip")
    assert main(["import", str(archive), "--db", str(db_path), "--timezone", "Mars/Base"]) == 2
    assert "timezone: an IANA time zone" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.zip"), "--db", str(db_path)]) == 2
    assert "PATH: an existing file or folder" in capsys.readouterr().err
    assert main(["import", str(archive), str(archive), "--db", str(db_path)]) == 2
    assert _rows(db_path, "SELECT count(*) FROM activities") == [(0,)]
