"""A whole Strava export into a real DuckDB file: ids kept, local days right, all or nothing."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from pipelines.db import connect
from pipelines.imports.export import read_export, read_paths
from pipelines.imports.models import UnreadableExport
from pipelines.imports.store import write_import
from pipelines.metrics import recompute
from tests.imports.builders import HEADER_103, HEADER_DE_92, csv_bytes, write_export_zip

NEW_YORK = "America/New_York"
TABLES = ("athletes", "activities", "daily_metrics", "pain_entries", "wellness_entries",
          "session_rpe", "import_files")  # fmt: skip


def _import(db: Path, target: Path, zone: str = NEW_YORK) -> object:
    parsed = read_export(target)
    with connect(db) as con:
        return write_import(con, parsed, timezone=zone)


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with connect(db) as con:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def _activities(db: Path) -> dict[int, dict[str, object]]:
    with connect(db) as con:
        frame = con.execute("SELECT * FROM activities").df()
    return {int(r["id"]): r for r in frame.to_dict("records")}


def test_an_export_zip_lands_with_strava_ids_and_the_right_local_days(
    db_path: Path, tmp_path: Path
) -> None:
    report = _import(db_path, write_export_zip(tmp_path / "export.zip"))
    rows = _activities(db_path)
    assert set(rows) == {8001, 8002, 8003, 8004, 8005}
    assert {r["source"] for r in rows.values()} == {"strava_export"}
    assert {r["athlete_id"] for r in rows.values()} == {12345}
    # the FIT file's own offset (EDT) puts the 00:10 UTC run on the evening before
    assert rows[8001]["start_date_local"] == datetime(2022, 10, 6, 20, 10)
    assert rows[8001]["timezone"] == NEW_YORK
    hist = json.loads(str(rows[8001]["hr_histogram"]))
    assert hist == {"150": 1800.0}
    # a manual activity (no file) takes the profile zone, from the UTC "Activity Date"
    assert rows[8002]["start_date_local"] == datetime(2022, 10, 7, 13, 30)
    assert rows[8002]["sport_type"] == "WeightTraining" and rows[8002]["perceived_exertion"] == 6.0
    assert rows[8005]["name"] == "Ride, with friends 🚴‍♀️"
    assert report.added == 5 and report.updated == 0  # type: ignore[attr-defined]


def test_heart_rate_files_score_per_sample_and_metrics_are_rebuilt(
    db_path: Path, tmp_path: Path
) -> None:
    _import(db_path, write_export_zip(tmp_path / "export.zip"))
    with connect(db_path) as con:
        con.execute("UPDATE athletes SET hr_max = 190, hr_rest = 50 WHERE id = 12345")
    _import(db_path, write_export_zip(tmp_path / "export.zip"))  # nothing changed: no rescoring
    with connect(db_path) as con:
        recompute(con, [12345])
        sources = dict(con.execute("SELECT id, load_source FROM activities").fetchall())
        days = con.execute(
            "SELECT min(date), count(*) FROM daily_metrics WHERE athlete_id = 12345"
        ).fetchone()
    assert sources[8001] == "hr_stream" and sources[8004] == "hr_avg"
    assert sources[8002] == "rpe"
    assert days is not None and str(days[0]) == "2022-10-06" and days[1] > 5


def test_a_corrupt_fit_gz_is_reported_and_its_row_kept(db_path: Path, tmp_path: Path) -> None:
    report = _import(db_path, write_export_zip(tmp_path / "export.zip"))
    skipped = {s.item: s.reason for s in report.skipped}  # type: ignore[attr-defined]
    assert "activities/9004.fit.gz" in skipped and "damaged" in skipped["activities/9004.fit.gz"]
    row = _activities(db_path)[8004]
    assert row["distance_m"] == 7000.0 and row["average_heartrate"] == 145.0
    assert pd.isna(row["hr_histogram"])


def test_a_reimport_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    export = write_export_zip(tmp_path / "export.zip")
    _import(db_path, export)
    before = _snapshot(db_path)
    report = _import(db_path, export)
    assert _snapshot(db_path) == before
    assert report.added == 0 and report.updated == 0 and report.unchanged == 5  # type: ignore[attr-defined]


def test_an_unzipped_folder_nested_one_level_imports_the_same(
    db_path: Path, tmp_path: Path
) -> None:
    archive = write_export_zip(tmp_path / "export.zip", root="export_12345/")
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "unzipped")
    parsed = read_paths([tmp_path / "unzipped"])
    assert sorted(a.id for a in parsed.activities) == [8001, 8002, 8003, 8004, 8005]
    assert parsed.athlete_id == 12345 and parsed.athlete_name == "Sam Runner"


@pytest.mark.parametrize("header", [HEADER_103, HEADER_DE_92], ids=["103-columns", "german-92"])
def test_other_layouts_import_the_same_activities(
    db_path: Path, tmp_path: Path, header: list[str]
) -> None:
    _import(db_path, write_export_zip(tmp_path / "export.zip", header=header))
    assert set(_activities(db_path)) == {8001, 8002, 8003, 8004, 8005}


def test_an_api_row_keeps_its_values_and_gains_what_it_lacked(
    db_path: Path, tmp_path: Path
) -> None:
    with connect(db_path) as con:
        con.execute("INSERT INTO athletes (id, name, timezone) VALUES (12345, 'Sam', ?)",
                    [NEW_YORK])  # fmt: skip
        con.execute(
            "INSERT INTO activities (id, athlete_id, source, name, sport_type, start_date,"
            " start_date_local, distance_m) VALUES (8001, 12345, 'strava_api', 'Renamed on Strava',"
            " 'Run', '2022-10-07 00:10:00', '2022-10-06 20:10:00', 5401.0)"
        )
    report = _import(db_path, write_export_zip(tmp_path / "export.zip"))
    row = _activities(db_path)[8001]
    assert row["source"] == "strava_api" and row["name"] == "Renamed on Strava"
    assert row["distance_m"] == 5401.0 and row["hr_histogram"] is not None
    assert report.added == 4 and report.updated == 1  # type: ignore[attr-defined]


def test_the_runners_entries_are_never_touched(demo_db: Path, tmp_path: Path) -> None:
    before = _snapshot(demo_db)
    _import(demo_db, write_export_zip(tmp_path / "export.zip"))
    after = _snapshot(demo_db)
    for table in ("pain_entries", "wellness_entries", "session_rpe"):
        assert after[table] == before[table]
    with connect(demo_db) as con:
        demo_rows = con.execute("SELECT count(*) FROM activities WHERE athlete_id = 1").fetchone()
    assert demo_rows == (len(before["activities"]),)


def test_the_profile_zone_is_set_once_and_then_wins(db_path: Path, tmp_path: Path) -> None:
    report = _import(db_path, write_export_zip(tmp_path / "export.zip"), zone="Europe/Paris")
    again = _import(db_path, write_export_zip(tmp_path / "export.zip"), zone="Asia/Tokyo")
    assert report.timezone == again.timezone == "Europe/Paris"  # type: ignore[attr-defined]
    with connect(db_path) as con:
        assert con.execute("SELECT timezone, sex FROM athletes").fetchall() == [
            ("Europe/Paris", "F")
        ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"this is not a zip", "not a readable ZIP"), (b"PK\x03\x04broken", "not a readable ZIP")],
)
def test_a_broken_zip_writes_nothing(
    db_path: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    before = _snapshot(db_path)
    bad = tmp_path / "export.zip"
    bad.write_bytes(content)
    with pytest.raises(UnreadableExport, match=message):
        _import(db_path, bad)
    assert _snapshot(db_path) == before


def test_an_export_without_activities_csv_writes_nothing(db_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("profile.csv", "Athlete ID\n1\n")
    with pytest.raises(UnreadableExport, match=r"no activities\.csv"):
        read_export(buffer)


def test_an_unreadable_activities_csv_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("activities.csv", b"\xff\xfe\x00\x00garbage")
    before = _snapshot(db_path)
    with pytest.raises(UnreadableExport, match="UTF-8"):
        _import(db_path, archive)
    assert _snapshot(db_path) == before


def test_a_failure_during_the_write_rolls_everything_back(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipelines.imports.store as store

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "recompute", broken)
    before = _snapshot(db_path)
    with pytest.raises(RuntimeError, match="disk full"):
        _import(db_path, write_export_zip(tmp_path / "export.zip"))
    assert _snapshot(db_path) == before


def test_csv_rows_that_cannot_be_dated_are_skipped_not_fatal(tmp_path: Path) -> None:
    rows = [{"id": "1", "date": "someday", "type": "Run"},
            {"id": "2", "date": "Jan 2, 2026, 6:00:00 AM", "type": "Run"}]  # fmt: skip
    archive = tmp_path / "e.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("activities.csv", csv_bytes(HEADER_103, rows))
    parsed = read_export(archive)
    assert [a.id for a in parsed.activities] == [2]
    assert parsed.skipped[0].item == "activity 1" and "someday" in parsed.skipped[0].reason
