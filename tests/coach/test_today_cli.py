"""`stridewise today`: the documented JSON, the text view and a bad --date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipelines.cli import main
from tests.coach.helpers import demo_day
from tests.conftest import DEMO_END

FLARE_UP = demo_day(date(2026, 3, 10), DEMO_END)  # a red flag in the demo story
SPIKE_MORNING = demo_day(date(2026, 3, 9), DEMO_END)  # the morning after the 26 km spike


def test_json_has_exactly_the_documented_shape(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["today", "--db", str(demo_db), "--date", FLARE_UP.isoformat(), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {
        "date",
        "kind",
        "headline",
        "cap",
        "morning",
        "reasons",
        "warnings",
        "forecast",
    }
    assert out["date"] == FLARE_UP.isoformat() and out["kind"] == "see_clinician"
    assert set(out["cap"]) == {"load", "minutes", "km", "set_by", "single_run_limit_km"}
    assert out["cap"]["minutes"] == 0
    assert set(out["morning"]) == {
        "as_of_end_of",
        "fitness",
        "fatigue",
        "form",
        "acwr",
        "acwr_rolling",
        "monotony",
        "ramp",
        "days_of_history",
    }
    assert out["morning"]["as_of_end_of"] == SPIKE_MORNING.isoformat()
    assert out["reasons"] and all(isinstance(r, str) for r in out["reasons"])
    for warning in out["warnings"]:
        assert set(warning) == {"id", "severity", "message", "numbers", "source"}
        assert warning["severity"] in {"info", "caution", "high", "urgent"}
    assert out["warnings"][0]["id"].startswith("red_flag")
    assert len(out["forecast"]["outlook"]) == 7


def test_text_view_leads_with_the_headline(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["today", "--db", str(demo_db), "--date", SPIKE_MORNING.isoformat()]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{SPIKE_MORNING:%A %d %B %Y}: Cross-train or walk today, pain-free.")
    assert "source: Frandsen et al. 2025" in out


def test_bad_date_names_the_option(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--db", str(demo_db), "--date", "09/03/2026"]) == 2
    assert "--date: a date as YYYY-MM-DD" in capsys.readouterr().err


def test_empty_database_says_what_to_do(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--db", str(db_path)]) == 1
    assert "stridewise demo" in capsys.readouterr().err
