"""The stridewise command: demo, recompute and profile, with --db on every subcommand."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main


def count(path: Path, sql: str) -> int:
    con = duckdb.connect(str(path))
    try:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


def test_demo_then_recompute_with_db_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.duckdb"
    assert main(["demo", "--db", str(path), "--end", "2026-11-24"]) == 0
    assert "Demo runner written" in capsys.readouterr().out
    rows = count(path, "SELECT count(*) FROM daily_metrics")
    assert rows > 500
    assert main(["demo", "--db", str(path)]) == 0
    assert "already has the demo runner" in capsys.readouterr().out
    assert main(["demo", "--db", str(path), "--if-missing"]) == 0
    assert main(["recompute", "--db", str(path)]) == 0
    assert count(path, "SELECT count(*) FROM daily_metrics WHERE date <= DATE '2026-11-24'") == rows


def test_env_var_selects_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.duckdb"
    monkeypatch.setenv("STRIDEWISE_DB", str(path))
    assert main(["demo", "--end", "2026-11-24"]) == 0
    assert count(path, "SELECT count(*) FROM athletes") == 1


def test_profile_show_set_and_rescore(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = count(demo_db, "SELECT round(sum(load)) FROM activities")
    assert main(["profile", "--set", "hr_max=200", "--set", "timezone=Europe/Paris"]) == 0
    out = capsys.readouterr().out
    assert "hr_max                     200" in out and "Europe/Paris" in out
    assert count(demo_db, "SELECT round(sum(load)) FROM activities") != before


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        pytest.param(
            "hr_max=300",
            "hr_max: a whole number of beats per minute from 100 to 250",
            id="out-of-range",
        ),
        pytest.param("hr_rest=sixty", "hr_rest: a whole number", id="not-a-number"),
        pytest.param("timezone=Mars/Base", "timezone: an IANA time zone", id="bad-zone"),
        pytest.param("sex=X", "sex: M or F", id="bad-sex"),
        pytest.param("shoe=pegasus", "field: one of", id="unknown-field"),
        pytest.param("hr_max", "--set: FIELD=VALUE", id="no-equals"),
    ],
)
def test_profile_rejects_bad_values_and_changes_nothing(
    demo_db: Path, capsys: pytest.CaptureFixture[str], assignment: str, message: str
) -> None:
    assert main(["profile", "--set", "hr_rest=40", "--set", assignment]) == 2
    assert message in capsys.readouterr().err
    assert count(demo_db, "SELECT hr_rest FROM athletes") == 52


def test_empty_database_says_what_to_do(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile"]) == 1
    assert "stridewise demo" in capsys.readouterr().err
