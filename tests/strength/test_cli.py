"""`stridewise strength plan|export-ics` on a real database file."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from pipelines.cli import main
from pipelines.db import connect


def test_plan_then_export_ics(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "strength",
                "plan",
                "--db",
                str(demo_db),
                "--site",
                "hip-lateral",
                "--level",
                "3",
                "--trend",
                "stable",
                "--sessions",
                "2",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    with connect(demo_db) as con:
        planned = con.execute("SELECT count(*), max(week) FROM strength_sessions").fetchone()
    assert planned is not None and planned[1] == 12
    assert f": {planned[0]} sessions from" in out
    assert "A template, not a prescription" in out
    target = tmp_path / "plan.ics"
    assert main(["strength", "export-ics", "--db", str(demo_db), "--output", str(target)]) == 0
    events = icalendar.Calendar.from_ical(target.read_bytes()).events
    assert len(events) == planned[0]


def test_bad_site_is_refused_and_nothing_saved(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["strength", "plan", "--db", str(demo_db), "--site", "elbow"]) == 2
    assert "pain_site" in capsys.readouterr().err
    with connect(demo_db) as con:
        assert con.execute("SELECT count(*) FROM strength_plans").fetchone() == (0,)


def test_export_without_a_plan_says_what_to_do(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["strength", "export-ics", "--db", str(demo_db)]) == 1
    assert "stridewise strength plan" in capsys.readouterr().err
