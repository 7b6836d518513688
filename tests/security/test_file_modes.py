"""The database, its WAL and spill folder are private to their owner; wider ones are tightened."""

from __future__ import annotations

import logging
import os
import stat
import threading
from pathlib import Path

import pytest

from pipelines.db import connect, migrate

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> object:
    """The umask most machines run with, which makes new files readable by everyone (644)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_database_and_its_wal_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new-folder" / "stridewise.duckdb"
    with connect(path) as con:
        con.execute("CREATE TABLE notes (text VARCHAR)")
        con.execute("INSERT INTO notes VALUES ('left hip 4/10')")
        wal = Path(f"{path}.wal")
        assert wal.exists()
        assert _mode(wal) == 0o600
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700


def test_the_spill_folder_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "spill.duckdb"
    with connect(path) as con:
        con.execute("SET memory_limit = '32MB'")
        con.execute("SET threads = 1")
        con.execute("SET preserve_insertion_order = false")
        con.execute(
            "CREATE TABLE sorted AS SELECT s FROM (SELECT range::VARCHAR || repeat('x', 80) AS s"
            " FROM range(400000)) ORDER BY s DESC"
        )
        spill = Path(f"{path}.tmp")
        assert spill.is_dir(), "DuckDB did not spill; lower the memory limit in this test"
        assert _mode(spill) == 0o700


def test_umask_is_restored_after_connections_from_many_threads(tmp_path: Path) -> None:
    path = tmp_path / "threads.duckdb"
    migrate(path)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                with connect(path) as con:
                    con.execute("SELECT count(*) FROM schema_version").fetchall()
        except BaseException as exc:  # reported below, a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert os.umask(0o022) == 0o022


def test_an_existing_readable_file_is_tightened_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.duckdb"
    migrate(path)
    wal = Path(f"{path}.wal")
    wal.write_bytes(b"")
    path.chmod(0o644)
    wal.chmod(0o664)
    with caplog.at_level(logging.WARNING, logger="pipelines.db"), connect(path):
        pass
    assert _mode(path) == 0o600
    assert [r.getMessage() for r in caplog.records] == [
        f"others could read {path}, {wal}; now only you can"
    ]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="pipelines.db"), connect(path):
        pass
    assert caplog.records == []


def test_the_project_data_folder_is_tightened_but_a_folder_of_your_own_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    mine = tmp_path / "documents"
    mine.mkdir()
    mine.chmod(0o755)
    migrate(Path("data") / "stridewise.duckdb")
    migrate(mine / "me.duckdb")
    assert _mode(data) == 0o700
    assert _mode(mine) == 0o755
    assert _mode(mine / "me.duckdb") == 0o600
