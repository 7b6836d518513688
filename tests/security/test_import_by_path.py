"""Settings imports an export from a path on this computer; uploads are moved out of memory."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.testing.v1 import AppTest

from dashboard.uploads import TEMP_PREFIX
from pipelines.db import connect
from pipelines.errors import InvalidEntry
from pipelines.imports.local_path import ALLOWED, FIELD, MISSING, import_path
from tests.conftest import APP
from tests.imports.builders import write_export_zip

HEADLINE = "Imported 5 activities from 06 Oct 2022 to 10 Oct 2022: 5 new"


def _settings() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("app_pages/settings.py")
    return at.run()


def _activities(db: Path) -> int:
    with connect(db) as con:
        return int(con.execute("SELECT count(*) FROM activities").fetchall()[0][0])


def _import_path(at: AppTest, text: str) -> AppTest:
    at.text_input(key="import_timezone").input("America/New_York")
    at.text_input(key="import_path").input(text)
    at.run()
    at.button(key="import_path_button").click()
    return at.run()


@pytest.mark.parametrize("unzipped", [False, True], ids=["zip", "folder"])
def test_an_export_imports_from_its_path(db_path: Path, tmp_path: Path, unzipped: bool) -> None:
    archive = write_export_zip(tmp_path / "export_12345.zip")
    target = archive
    if unzipped:
        target = tmp_path / "export_12345"
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(target)
    at = _import_path(_settings(), f'"{target}"')
    assert not at.exception
    assert HEADLINE in at.success[0].value
    assert "1 item(s) skipped" in at.warning[0].value
    assert _activities(db_path) == 5


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("", ALLOWED),
        ("export_12345.zip", ALLOWED),
        ("/no/such/export.zip", MISSING),
        ("{tmp}/notes.pdf", ALLOWED),
        ("{tmp}/empty-folder", ALLOWED),
    ],
    ids=["empty", "relative", "missing", "not-an-export", "empty-folder"],
)
def test_a_bad_path_names_the_field_and_changes_nothing(
    db_path: Path, tmp_path: Path, text: str, allowed: str
) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "empty-folder").mkdir()
    at = _import_path(_settings(), text.format(tmp=tmp_path))
    assert not at.exception
    assert at.error[0].value.startswith(f"Nothing was imported. {FIELD}: {allowed}")
    assert _activities(db_path) == 0


@pytest.mark.parametrize(
    "name", ["activities.csv", "export_1/activities.csv", "run.fit.gz", "ride.gpx"]
)
def test_what_a_folder_may_hold(tmp_path: Path, name: str) -> None:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(b"")
    assert import_path(str(tmp_path)) == tmp_path


def test_home_is_understood(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    write_export_zip(tmp_path / "export.zip")
    assert import_path("~/export.zip") == tmp_path / "export.zip"
    with pytest.raises(InvalidEntry):
        import_path("   ")


def _leftovers() -> list[Path]:
    return sorted(Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"))


def test_an_uploaded_zip_is_read_from_disk_and_released_from_memory(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    released: list[str] = []
    keep = MemoryUploadedFileManager.remove_file

    def remove_file(self: MemoryUploadedFileManager, session_id: str, file_id: str) -> None:
        released.append(file_id)
        keep(self, session_id, file_id)

    monkeypatch.setattr(MemoryUploadedFileManager, "remove_file", remove_file)
    before = _leftovers()
    at = _settings()
    archive = write_export_zip(tmp_path / "export.zip").read_bytes()
    at.file_uploader(key="import_files").set_value(("export.zip", archive, "application/zip"))
    at.text_input(key="import_timezone").input("America/New_York")
    at.run()
    at.button(key="import_button").click()
    at.run()
    assert not at.exception
    assert HEADLINE in at.success[0].value
    assert _leftovers() == before
    assert released == [at.file_uploader(key="import_files").value[0].file_id]
