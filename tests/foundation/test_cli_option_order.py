"""Global options work before or after the subcommand, as people type them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.cli import build_parser, main


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "{db}", "today", "--json"],
        ["today", "--db", "{db}", "--json"],
        ["-v", "--db", "{db}", "--athlete", "1", "today", "--json"],
        ["today", "--json", "--athlete", "1", "--db", "{db}"],
    ],
    ids=["before", "after", "all-before", "all-after"],
)
def test_today_reads_the_named_database_either_way(
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    monkeypatch.setenv("STRIDEWISE_DB", str(tmp_path / "empty.duckdb"))  # no athlete there
    assert main([part.replace("{db}", str(demo_db)) for part in argv]) == 0
    assert json.loads(capsys.readouterr().out)["kind"]


def test_an_option_after_the_subcommand_overrides_the_one_before() -> None:
    args = build_parser().parse_args(["--db", "a.duckdb", "today", "--db", "b.duckdb"])
    assert args.db == "b.duckdb"
    args = build_parser().parse_args(["--athlete", "3", "today"])
    assert (args.db, args.athlete, args.verbose) == (None, 3, 0)
