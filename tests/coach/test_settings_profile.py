"""Settings: the profile is checked as a whole, and the starting-fitness estimate is offered."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from pipelines.db import connect
from tests.coach.scenarios import Scenario, play, weeks_of
from tests.conftest import APP


def settings_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/settings.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def stored(db: Path, columns: str) -> tuple[object, ...] | None:
    with connect(db) as con:
        return con.execute(f"SELECT {columns} FROM athletes WHERE id = 1").fetchone()


def test_a_contradictory_profile_is_refused_with_the_fields_named(db_path: Path) -> None:
    play(Scenario("steady", tuple(weeks_of(6)), "train"), db_path)
    at = settings_page()
    at.number_input(key="profile_hr_max").set_value(120)
    at.number_input(key="profile_hr_rest").set_value(120)
    at.button(key="profile_save").click()
    at.run()
    assert any("Not saved. hr_max, hr_rest: max HR above threshold HR" in e.value for e in at.error)
    assert stored(db_path, "hr_max, hr_rest") == (190, 50)


def test_a_stored_contradiction_opens_and_says_what_to_fix(db_path: Path) -> None:
    bad = ("UPDATE athletes SET hr_max = 110, hr_rest = 110 WHERE id = 1",)
    play(Scenario("old file", tuple(weeks_of(6)), "train", sql=bad), db_path)
    at = settings_page()
    assert any("hr_max, hr_rest" in w.value for w in at.warning)
    at.number_input(key="profile_hr_max").set_value(186)
    at.button(key="profile_save").click()
    at.run()
    assert any("Profile saved" in s.value for s in at.success)
    assert stored(db_path, "hr_max, hr_rest") == (186, 110)


def test_the_starting_fitness_estimate_is_offered_and_saved(db_path: Path) -> None:
    play(Scenario("three weeks in", tuple(weeks_of(3)), "train"), db_path)
    at = settings_page()
    [button] = [b for b in at.button if b.key == "use_starting_fitness"]
    estimate = float(button.label.split()[1])
    assert 10 <= estimate <= 80
    button.click()
    at.run()
    assert not at.exception
    assert stored(db_path, "starting_ctl") == (estimate,)
    assert not [b for b in at.button if b.key == "use_starting_fitness"]  # offered only once
