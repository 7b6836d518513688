"""The Log page in AppTest: quick forms submit, history edits and deletes, errors are shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.db import connect
from pipelines.entries import checkins, pain
from tests.conftest import APP
from tests.entries.conftest import ATHLETE, RIDE_ID, RUN_ID, TODAY, YESTERDAY


def _open(db: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/log.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _query(db: Path, sql: str) -> list[tuple]:
    with connect(db) as con:
        return con.execute(sql).fetchall()


def test_pain_form_asks_red_flags_then_saves(runner_db: Path) -> None:
    at = _open(runner_db)
    assert at.checkbox == []  # no red-flag questions for 0/10 on the outer hip
    at.selectbox(key="pain_site").select("knee")
    at.radio(key="pain_side").set_value("right")
    at.radio(key="pain_moment").set_value("after-run")
    at.slider(key="pain_score").set_value(6).run()
    assert len(at.checkbox) == 7
    at.checkbox(key="pain_flag_pain_on_hopping").check()
    at.text_input(key="pain_note").input("downhill")
    at.button(key="pain_save").click().run()
    assert not at.exception
    assert _query(
        runner_db,
        "SELECT date, site, side, moment, score, red_flags, note, source FROM pain_entries",
    ) == [(TODAY, "knee", "right", "after-run", 6, ["pain_on_hopping"], "downhill", "manual")]
    assert "Knee · right, 6/10" in at.success[0].value
    assert "clinician" in at.warning[0].value
    assert at.slider(key="pain_score").value == 0
    assert "Knee · right" in at.selectbox(key="pain_edit_id").options[0]


def test_groin_pain_asks_red_flags_even_when_mild(runner_db: Path) -> None:
    at = _open(runner_db)
    at.selectbox(key="pain_site").select("hip-front").run()
    assert len(at.checkbox) == 7


def test_yesterdays_run_is_the_default_link(runner_db: Path) -> None:
    at = _open(runner_db)
    at.date_input(key="pain_date").set_value(YESTERDAY).run()
    at.slider(key="pain_score").set_value(2)
    at.button(key="pain_save").click().run()
    assert _query(runner_db, "SELECT activity_id FROM pain_entries") == [(RUN_ID,)]


def test_a_rejected_pain_entry_shows_why_and_writes_nothing(runner_db: Path) -> None:
    at = _open(runner_db)
    at.selectbox(key="pain_site").select("other").run()
    at.button(key="pain_save").click().run()
    assert at.error, "an error message is shown"
    assert "Not saved. site_other: a short description" in at.error[0].value
    assert _query(runner_db, "SELECT count(*) FROM pain_entries") == [(0,)]


def test_checkin_saves_then_updates_the_same_day(runner_db: Path) -> None:
    at = _open(runner_db)
    at.select_slider(key="checkin_stress").set_value(6)
    at.select_slider(key="checkin_sleep_quality").set_value(5)
    at.number_input(key="checkin_sleep_hours").set_value(6.5)
    at.button(key="checkin_save").click().run()
    assert not at.exception
    assert "Saved the check-in" in at.success[0].value
    at.select_slider(key="checkin_stress").set_value(3)
    at.button(key="checkin_save").click().run()
    assert "Updated the check-in" in at.success[0].value
    assert _query(
        runner_db,
        "SELECT date, stress, sleep_quality, fatigue, soreness, mood,"
        " sleep_hours FROM wellness_entries",
    ) == [(TODAY, 3, 5, 4, 4, 3, 6.5)]


def test_checkin_is_prefilled_from_the_latest_one(runner_db: Path) -> None:
    with connect(runner_db) as con:
        checkins.save_checkin(
            con,
            ATHLETE,
            {
                "date": YESTERDAY,
                "stress": 6,
                "sleep_quality": 2,
                "fatigue": 5,
                "soreness": 3,
                "mood": 2,
            },
            today=TODAY,
        )
    at = _open(runner_db)
    assert at.select_slider(key="checkin_stress").value == 6
    assert at.select_slider(key="checkin_mood").value == 2
    assert at.date_input(key="checkin_date").value == TODAY
    at.switch_page("app_pages/overview.py").run()
    at.switch_page("app_pages/log.py").run()  # widget state was dropped while away
    assert at.select_slider(key="checkin_stress").value == 6


def test_rpe_prompt_rates_a_recent_session(runner_db: Path) -> None:
    at = _open(runner_db)
    assert len(at.selectbox(key="rpe_activity").options) == 2  # yesterday's run and ride
    at.selectbox(key="rpe_activity").set_value(RUN_ID)
    at.select_slider(key="rpe_value").set_value(6)
    at.button(key="rpe_save").click().run()
    assert not at.exception
    assert _query(
        runner_db,
        f"SELECT s.rpe, a.load_source FROM session_rpe s JOIN activities a"
        f" ON a.id = s.activity_id WHERE a.id = {RUN_ID}",
    ) == [(6.0, "rpe")]
    assert at.selectbox(key="rpe_activity").value == RIDE_ID  # only the ride is left to rate


def _seed_pain(db: Path) -> int:
    with connect(db) as con:
        pain.add_pain(
            con,
            ATHLETE,
            {"date": YESTERDAY, "site": "shin", "side": "left", "moment": "during-run", "score": 3},
            today=TODAY,
        )
        return pain.add_pain(
            con,
            ATHLETE,
            {
                "date": TODAY,
                "site": "calf-achilles",
                "side": "right",
                "moment": "next-morning",
                "score": 4,
            },
            today=TODAY,
        )


def test_edit_a_pain_entry_from_the_history(runner_db: Path) -> None:
    newest = _seed_pain(runner_db)
    at = _open(runner_db)
    assert at.selectbox(key="pain_edit_id").value == newest
    at.slider(key=f"pain_edit_score_{newest}").set_value(2)
    at.text_input(key=f"pain_edit_note_{newest}").input("eased with calf raises")
    at.button(key="pain_edit_save").click().run()
    assert not at.exception
    assert at.success[0].value == "Pain entry updated."
    assert _query(runner_db, f"SELECT score, note FROM pain_entries WHERE id = {newest}") == [
        (2, "eased with calf raises")
    ]


def test_delete_then_undo_from_the_history(runner_db: Path) -> None:
    newest = _seed_pain(runner_db)
    at = _open(runner_db)
    at.button(key="pain_delete").click().run()
    assert _query(runner_db, f"SELECT count(*) FROM pain_entries WHERE id = {newest}") == [(0,)]
    assert at.success[0].value == "Pain entry deleted."
    at.button(key="undo_delete").click().run()
    assert not at.exception
    assert _query(runner_db, f"SELECT score FROM pain_entries WHERE id = {newest}") == [(4,)]
    assert at.success[0].value.startswith("Restored the pain entry")
    assert not [b for b in at.button if b.key == "undo_delete"]


def test_moving_a_checkin_onto_another_checkin_shows_an_error(runner_db: Path) -> None:
    with connect(runner_db) as con:
        for day in (TODAY, YESTERDAY):
            checkins.save_checkin(
                con,
                ATHLETE,
                {"date": day, "stress": 3, "sleep_quality": 3, "fatigue": 3, "soreness": 3},
                today=TODAY,
            )
    at = _open(runner_db)
    assert at.selectbox(key="checkin_edit_day").value == TODAY
    at.date_input(key=f"checkin_edit_date_{TODAY}").set_value(YESTERDAY)
    at.button(key="checkin_edit_save").click().run()
    assert "one check-in per day" in at.error[0].value
    assert len(_query(runner_db, "SELECT * FROM wellness_entries")) == 2


def test_history_filters_by_site(runner_db: Path) -> None:
    _seed_pain(runner_db)
    at = _open(runner_db)
    assert len(at.selectbox(key="pain_edit_id").options) == 2
    at.multiselect(key="pain_filter").select("shin").run()
    (only,) = at.selectbox(key="pain_edit_id").options
    assert "Shin · left" in only


@pytest.mark.parametrize("range_label", ["3 months", "1 year"])
def test_pain_calendar_is_drawn(runner_db: Path, range_label: str) -> None:
    _seed_pain(runner_db)
    at = _open(runner_db)
    at.segmented_control(key="pain_map_range").set_value(range_label).run()
    assert not at.exception
    assert at.get("plotly_chart")


def test_pain_calendar_says_when_nothing_was_logged(runner_db: Path) -> None:
    at = _open(runner_db)
    assert "No pain logged in the last 3 months" in at.info[-1].value
    assert not at.get("plotly_chart")
