"""Versioned migrations: each applies once, in a transaction; older files upgrade, data kept."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines import db


def applied(path: Path) -> list[str]:
    con = duckdb.connect(str(path))
    try:
        return [
            r[0] for r in con.execute("SELECT name FROM schema_version ORDER BY name").fetchall()
        ]
    finally:
        con.close()


def test_fresh_database_gets_every_migration_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh.duckdb"
    first = db.migrate(path)
    assert first == [f.stem for f in db.migration_files()]
    assert db.migrate(path) == []
    assert applied(path) == first


def test_old_database_upgrades_on_open_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    db.migrate(path, up_to="0001_core")
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO athletes (id, name) VALUES (5, 'Old file')")
    con.execute(
        "INSERT INTO pain_entries (athlete_id, date, site, moment, score)"
        " VALUES (5, DATE '2024-01-02', 'knee', 'after-run', 3)"
    )
    con.close()
    with db.connect(path) as con:
        assert con.execute("SELECT name FROM athletes").fetchall() == [("Old file",)]
        assert con.execute("SELECT score FROM pain_entries").fetchall() == [(3,)]
    assert applied(path) == [f.stem for f in db.migration_files()]


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken_dir = tmp_path / "migrations"
    broken_dir.mkdir()
    (broken_dir / "0001_ok.sql").write_text("CREATE TABLE ok (x INTEGER);")
    (broken_dir / "0002_broken.sql").write_text("CREATE TABLE half (x INTEGER); SELECT nope;")
    monkeypatch.setattr(db, "MIGRATIONS_DIR", broken_dir)
    path = tmp_path / "broken.duckdb"
    with pytest.raises(duckdb.Error):
        db.migrate(path)
    con = duckdb.connect(str(path))
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    con.close()
    assert "ok" in tables and "half" not in tables
    assert applied(path) == ["0001_ok"]


def test_transaction_rolls_back_and_nests(tmp_path: Path) -> None:
    path = tmp_path / "tx.duckdb"
    with db.connect(path) as con:
        with pytest.raises(RuntimeError), db.transaction(con):
            con.execute("INSERT INTO athletes (id, name) VALUES (1, 'a')")
            with db.transaction(con):
                con.execute("INSERT INTO athletes (id, name) VALUES (2, 'b')")
            raise RuntimeError("boom")
        assert con.execute("SELECT count(*) FROM athletes").fetchone() == (0,)


def test_path_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STRIDEWISE_DB", str(tmp_path / "env.duckdb"))
    assert db.resolve_path("x.duckdb") == Path("x.duckdb")
    assert db.resolve_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("STRIDEWISE_DB")
    assert db.resolve_path() == Path("data") / "stridewise.duckdb"
