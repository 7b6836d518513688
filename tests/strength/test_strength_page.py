"""AppTest of the Strength page: make a plan, check a session off, answer the next morning."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.db import connect
from tests.conftest import APP, DEMO_END

PAGE = "app_pages/strength.py"


def _open(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def strength_page(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The Strength page on the demo database, with 'today' pinned to the demo's last day."""
    return _open(monkeypatch)


def _button(at: AppTest, label: str) -> object:
    return next(b for b in at.button if b.label == label)


def test_make_a_plan_then_check_off_a_session_and_answer_the_morning(
    strength_page: AppTest, demo_db: Path
) -> None:
    at = strength_page
    assert at.subheader[0].value == "Make a plan that fits around your running"
    assert at.selectbox[0].value is None  # the demo runner has no pain in the last four weeks
    _button(at, "Make my 12-week plan").click()
    at.run()
    assert not at.exception
    heading = at.subheader[0].value
    assert heading.startswith("Week 1 of 12 · phase 1, Settle: 0 of ")
    this_week = int(heading.split(" of ")[2].split()[0])  # sessions left this week: the weekday
    assert any("Isometric hip abduction" in md.value for md in at.markdown)

    # the one-minute check-off: doses are prefilled, the runner sets pain and the day
    at.number_input(key="pain_1_isometric_hip_abduction").set_value(2)
    at.date_input(key="day_1").set_value(DEMO_END - timedelta(days=1))
    at.select_slider(key="rpe_1").set_value(5)
    _button(at, "Mark done").click()
    at.run()
    assert not at.exception
    assert f"1 of {this_week} sessions done" in at.subheader[0].value
    steps = [md.value for md in at.markdown if "waiting to hear" in md.value]
    assert steps, "progress waits for the next-morning answer"

    with connect(demo_db) as con:
        log = con.execute(
            "SELECT done_on, rpe, minutes FROM strength_session_logs WHERE number = 1"
        ).fetchone()
        pains = con.execute(
            "SELECT exercise_key, pain FROM strength_exercise_logs ORDER BY exercise_key"
        ).fetchall()
        load = con.execute(
            "SELECT load_source FROM activities WHERE sport_type = 'WeightTraining' AND id < 0"
        ).fetchall()
    assert log == (DEMO_END - timedelta(days=1), 5.0, 20.0)
    assert ("isometric_hip_abduction", 2) in pains
    assert load == [("rpe",)]

    _button(at, "Back to how it was before").click()
    at.run()
    assert not at.exception
    progressed = [
        md.value for md in at.markdown if md.value.startswith(":green[:material/arrow_upward:]")
    ]
    assert any("Isometric hip abduction" in text and "next level" in text for text in progressed)
    assert at.get("plotly_chart")
    assert at.get("download_button")


def test_red_flags_pause_the_plan_and_refer(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with connect(demo_db) as con:
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, moment, score, red_flags)"
            " VALUES (1, ?, 'hip-front', 'at-night', 6, ['night_rest_pain', 'pain_on_hopping'])",
            [DEMO_END - timedelta(days=4)],
        )
    at = _open(monkeypatch)
    assert "see a clinician promptly" in at.error[0].value
    assert "told us it hurt to hop on that leg" in at.markdown[0].value
    assert "told us you had pain at night or at rest" in at.markdown[0].value
    assert not any(b.label == "Make my 12-week plan" for b in at.button)


def test_a_derived_red_flag_pauses_the_plan_as_it_stops_running_on_today(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with connect(demo_db) as con:
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, moment, score)"
            " VALUES (1, ?, 'hip-lateral', 'at-night', 6)",
            [DEMO_END - timedelta(days=1)],
        )
    at = _open(monkeypatch)
    assert "see a clinician promptly" in at.error[0].value
    assert "pain at rest or at night" in at.markdown[0].value  # nothing ticked: derived by rule


def test_a_red_flag_older_than_todays_window_no_longer_pauses_the_plan(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with connect(demo_db) as con:
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, moment, score, red_flags)"
            " VALUES (1, ?, 'knee', 'after-run', 3, ['swelling_heat'])",
            [DEMO_END - timedelta(days=20)],
        )
    at = _open(monkeypatch)
    assert not at.error
    assert at.subheader[0].value == "Make a plan that fits around your running"
