"""Large imports read files on several cores and give the same result as one core."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.imports import parallel
from pipelines.imports.export import read_export
from pipelines.imports.store import write_import
from tests.imports.builders import write_export_zip
from tests.imports.snapshots import database_content


def test_worker_processes_give_the_same_activities_and_skips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_export_zip(tmp_path / "export.zip")
    serial = read_export(archive)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    seen: list[int] = []
    pooled = read_export(archive, lambda done, total, label: seen.append(done))
    assert pooled.activities == serial.activities
    assert pooled.skipped == serial.skipped
    assert seen == [0, 1, 2, 3]


def test_a_pooled_import_stores_the_same_rows_as_a_serial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_export_zip(tmp_path / "export.zip")
    serial, pooled = tmp_path / "serial.duckdb", tmp_path / "pooled.duckdb"
    with connect(serial) as con:
        write_import(con, read_export(archive), timezone="America/New_York")
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 1)  # more tasks than workers: streamed in turn
    with connect(pooled) as con:
        report = write_import(con, read_export(archive), timezone="America/New_York")
    assert report.files_read == 3
    assert database_content(pooled) == database_content(serial)


def test_a_parser_crash_on_one_file_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(name: str, data: bytes) -> object:
        raise struct_error("unpack requires a buffer of 4 bytes")

    struct_error = type("error", (Exception,), {})
    monkeypatch.setattr(parallel, "read_activity_file", explode)
    assert parallel.parse_one(("odd.fit", b"")) == (
        "could not be read (error: unpack requires a buffer of 4 bytes)"
    )
