"""A 1 GiB export imports from its path: only the activity files are read (memory: make bench)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.imports.export import read_paths
from pipelines.imports.store import write_import
from tests.security.big_export import (
    GiB,
    activity_files,
    apparent_and_disk_bytes,
    write_big_folder,
    write_big_zip,
)

ACTIVITIES = 24


@pytest.mark.parametrize(
    ("build", "name"),
    [(write_big_zip, "export_12345.zip"), (write_big_folder, "export_12345")],
    ids=["zip", "folder"],
)
def test_a_one_gigabyte_export_of_sparse_media_imports_every_activity(
    tmp_path: Path, db_path: Path, build: Callable[[Path, dict[str, bytes]], Path], name: str
) -> None:
    target = build(tmp_path / name, activity_files(ACTIVITIES))
    apparent, on_disk = apparent_and_disk_bytes(target)
    assert apparent > GiB
    assert on_disk < 64 * 2**20, "the test export should be sparse"
    parsed = read_paths([target])
    assert parsed.skipped == []
    with connect(db_path) as con:
        report = write_import(con, parsed, timezone="Europe/London")
    assert (report.read, report.added, report.with_heart_rate) == (ACTIVITIES,) * 3
