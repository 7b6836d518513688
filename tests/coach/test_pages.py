"""AppTest of the Today and Body & mind pages on the demo runner and with a red flag."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from pipelines.athletes import get_profile
from pipelines.clock import runner_today
from pipelines.coach_inputs import advise
from pipelines.db import connect
from tests.coach.helpers import demo_day
from tests.coach.scenarios import Scenario, play, weeks_of
from tests.conftest import APP, DEMO_END


def run_page(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_today_is_the_default_page_and_matches_the_coach(demo_db: Path) -> None:
    with connect(demo_db) as con:
        advice = advise(con, 1, runner_today(get_profile(con, 1).timezone))
    at = run_page()
    assert at.title[0].value == "Today"
    assert advice.headline in at.subheader[0].value
    assert len(at.expander) == len(advice.warnings)
    assert at.metric[0].value == f"{advice.cap.minutes} min"
    assert at.dataframe[-1].value.shape[0] == 7  # the outlook comes last


def test_a_red_flag_takes_over_the_today_page(demo_db: Path) -> None:
    with connect(demo_db) as con:
        today = runner_today(get_profile(con, 1).timezone)
        con.execute(
            "INSERT INTO pain_entries (athlete_id, date, site, side, moment, score, red_flags)"
            " VALUES (1, ?, 'hip-front', 'left', 'after-run', 6, ['cant_bear_weight'])",
            [today],
        )
    at = run_page()
    assert "Stop running and see a clinician" in at.subheader[0].value
    assert "today" in at.error[0].value
    assert at.expander[0].label.startswith(":red[**URGENT**] · Red flag")


def test_body_and_mind_shows_associations_with_sample_sizes(demo_db: Path) -> None:
    at = run_page("app_pages/body_mind.py")
    at.segmented_control(key="body_range").set_value("All").run()
    assert at.title[0].value == "Body & mind"
    assert at.subheader[0].value.startswith("Pain logged on ")
    assert any("do not prove a cause" in c.value for c in at.caption)
    associations = at.dataframe[0].value
    assert set(associations["driver"]) == {"load change", "stress"}
    assert (associations["n"] > 0).all()
    flares = at.dataframe[-1].value
    first_flare = demo_day(date(2026, 3, 2), DEMO_END)
    assert flares["Flare-up"].tolist()[0] == f"{first_flare:%d %b %Y}"
    assert "+30%" in flares["vs that longest"].tolist()


def test_body_and_mind_empty_state(db_path: Path) -> None:
    with connect(db_path) as con:
        con.execute("INSERT INTO athletes (id, name) VALUES (7, 'New runner')")
    at = run_page("app_pages/body_mind.py")
    assert "No pain entries or check-ins yet" in at.info[0].value


def test_today_on_race_morning_says_race_day_and_shows_no_cap(db_path: Path) -> None:
    history = (*weeks_of(8, ending_days_ago=15), *weeks_of(2, scale=0.5))
    play(Scenario("race morning", history, "train", race_today_m=10_000.0), db_path)
    at = run_page()
    assert at.subheader[0].value.endswith("Race day: run your race")
    assert at.metric[0].value == "—" and at.metric[1].value == "10.0 km"
    assert any("This morning" in md.value for md in at.markdown)
