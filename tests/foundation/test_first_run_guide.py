"""A runner's own empty database opens on a guide to bringing training in, until there is data."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from pipelines.athletes import ensure_athlete
from pipelines.cli import main
from pipelines.db import connect
from tests.conftest import APP
from tests.imports.builders import write_export_zip


def _today() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _guide_shown(at: AppTest) -> bool:
    return any("bring in your training first" in s.value for s in at.subheader)


def test_an_empty_database_opens_on_the_guide_with_three_ways_in(db_path: Path) -> None:
    at = _today()
    assert _guide_shown(at)
    links = [link.proto.label for link in at.get("page_link")]
    assert links == ["Import your Strava export", "Connect Strava", "Add a run from a file"]


def test_a_connected_runner_with_nothing_synced_still_sees_it(db_path: Path) -> None:
    with connect(db_path) as con:
        ensure_athlete(con, 7, "New runner", "manual")
    assert _guide_shown(_today())


def test_importing_a_small_export_makes_it_go_away(db_path: Path, tmp_path: Path) -> None:
    assert _guide_shown(_today())
    export = write_export_zip(tmp_path / "export.zip")
    assert main(["import", str(export)]) == 0
    at = _today()
    assert not _guide_shown(at)
    assert at.title[0].value == "Today" and at.get("metric")  # the recommendation card instead


def test_the_demo_never_sees_it(full_demo_db: Path) -> None:
    assert not _guide_shown(_today())
