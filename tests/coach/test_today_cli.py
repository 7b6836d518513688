"""`stridewise today`: the documented JSON, the text view and a bad --date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.cli import main


def test_json_has_exactly_the_documented_shape(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["today", "--db", str(demo_db), "--date", "2026-03-10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"date", "kind", "cap", "reasons", "warnings", "forecast"}
    assert out["date"] == "2026-03-10" and out["kind"] == "see_clinician"
    assert set(out["cap"]) == {"load", "minutes", "km"} and out["cap"]["minutes"] == 0
    assert out["reasons"] and all(isinstance(r, str) for r in out["reasons"])
    for warning in out["warnings"]:
        assert set(warning) == {"id", "severity", "message", "numbers", "source"}
        assert warning["severity"] in {"info", "caution", "high", "urgent"}
    assert out["warnings"][0]["id"].startswith("red_flag")
    assert len(out["forecast"]["outlook"]) == 7


def test_text_view_leads_with_the_headline(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["today", "--db", str(demo_db), "--date", "2026-03-09"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Monday 09 March 2026: Cross-train or walk today, pain-free.")
    assert "source: Frandsen et al. 2025" in out


def test_bad_date_names_the_option(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--db", str(demo_db), "--date", "09/03/2026"]) == 2
    assert "--date: a date as YYYY-MM-DD" in capsys.readouterr().err


def test_empty_database_says_what_to_do(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--db", str(db_path)]) == 1
    assert "stridewise demo" in capsys.readouterr().err
