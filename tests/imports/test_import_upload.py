"""The Settings page's import: upload, progress, summary, and a bad ZIP that changes nothing."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from pipelines.db import connect
from tests.conftest import APP
from tests.imports.builders import write_export_zip


def _settings() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("app_pages/settings.py")
    at.run()
    return at


def _count(db: Path, sql: str) -> int:
    with connect(db) as con:
        return int(con.execute(sql).fetchall()[0][0])


def test_a_first_import_creates_the_athlete_and_shows_what_happened(
    db_path: Path, tmp_path: Path
) -> None:
    at = _settings()
    assert not at.exception
    assert at.button(key="import_button").disabled
    archive = write_export_zip(tmp_path / "export.zip").read_bytes()
    at.file_uploader(key="import_files").set_value(("export.zip", archive, "application/zip"))
    at.text_input(key="import_timezone").input("America/New_York")
    at.run()
    at.button(key="import_button").click()
    at.run()
    assert not at.exception
    assert "Imported 5 activities from 06 Oct 2022 to 10 Oct 2022: 5 new" in at.success[0].value
    assert "1 item(s) skipped" in at.warning[0].value
    assert at.session_state["athlete_id"] == 12345
    assert _count(db_path, "SELECT count(*) FROM activities WHERE athlete_id = 12345") == 5
    assert _count(db_path, "SELECT count(*) FROM daily_metrics WHERE athlete_id = 12345") > 0
    # with an athlete and a zone, the profile form shows and the zone question does not
    assert at.text_input(key="profile_timezone").value == "America/New_York"
    assert not [t for t in at.text_input if t.key == "import_timezone"]


def test_a_broken_zip_shows_an_error_and_writes_nothing(db_path: Path) -> None:
    at = _settings()
    at.file_uploader(key="import_files").set_value(("export.zip", b"not a zip", "application/zip"))
    at.run()
    at.button(key="import_button").click()
    at.run()
    assert not at.exception
    assert "Nothing was imported: not a readable ZIP archive" in at.error[0].value
    assert _count(db_path, "SELECT count(*) FROM athletes") == 0


def test_demo_data_stays_apart_from_an_import(demo_db: Path, tmp_path: Path) -> None:
    at = _settings()
    archive = write_export_zip(tmp_path / "export.zip").read_bytes()
    at.file_uploader(key="import_files").set_value(("export.zip", archive, "application/zip"))
    at.run()
    at.button(key="import_button").click()
    at.run()
    assert not at.exception
    assert _count(demo_db, "SELECT count(*) FROM activities WHERE athlete_id = 12345") == 5
    assert _count(demo_db, "SELECT count(*) FROM activities WHERE source = 'strava_export'"
                  " AND athlete_id = 1") == 0  # fmt: skip


def test_uploading_the_same_export_again_reads_none_of_its_files(
    db_path: Path, tmp_path: Path
) -> None:
    archive = write_export_zip(tmp_path / "export.zip").read_bytes()
    at = _settings()
    for zone in ("America/New_York", None):
        at.file_uploader(key="import_files").set_value(("export.zip", archive, "application/zip"))
        if zone:
            at.text_input(key="import_timezone").input(zone)
        at.run()
        at.button(key="import_button").click()
        at.run()
    assert not at.exception
    headline = at.success[0].value
    assert "0 new, 0 updated, 5 already up to date" in headline
    assert "3 files were unchanged since your last import, so they were not read again" in headline
