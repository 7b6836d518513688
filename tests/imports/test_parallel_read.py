"""Large imports read files on several cores and give the same result as one core."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.imports import parallel
from pipelines.imports.export import read_export
from tests.imports.builders import write_export_zip


def test_worker_processes_give_the_same_activities_and_skips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_export_zip(tmp_path / "export.zip")
    serial = read_export(archive)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    seen: list[int] = []
    pooled = read_export(archive, lambda done, total, label: seen.append(done))
    assert pooled.activities == serial.activities
    assert pooled.skipped == serial.skipped
    assert seen == [0, 1, 2, 3]


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
