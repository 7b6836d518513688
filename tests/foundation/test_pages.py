"""Overview, Load trends and Settings rendered through AppTest on real database files."""

from __future__ import annotations

from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from pipelines.demo import DEMO_WEEKS
from tests.conftest import APP


def open_page(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


def test_overview_headline_metrics_and_charts(demo_db: Path) -> None:
    at = open_page("app_pages/overview.py")
    assert at.title[0].value == "Overview"
    assert at.subheader[0].value.startswith("This week so far:")
    assert "Form this morning is" in at.subheader[0].value
    labels = [m.label for m in at.metric]
    assert labels == [
        "Distance this week",
        "Time this week",
        "Load this week",
        "Form (this morning)",
    ]
    assert charts(at) == 2


def test_load_trends_range_control(demo_db: Path) -> None:
    at = open_page("app_pages/load_trends.py")
    assert charts(at) == 4
    six_months = at.subheader[0].value
    at.segmented_control(key="trend_range").set_value("All").run()
    assert not at.exception
    assert at.subheader[0].value != six_months
    assert at.subheader[0].value.startswith(f"{DEMO_WEEKS} weeks shown")  # the demo ends today
    assert any("not an injury probability" in c.value for c in at.caption)


def test_empty_database_explains_what_to_do(db_path: Path) -> None:
    at = open_page()
    assert any("stridewise demo" in c.value for c in at.caption)  # under the first-run guide
    at.switch_page("app_pages/load_trends.py")
    at.run()
    assert any("stridewise demo" in i.value for i in at.info)


def test_settings_saves_a_valid_profile(demo_db: Path) -> None:
    at = open_page("app_pages/settings.py")
    at.number_input(key="profile_hr_max").set_value(195)
    at.text_input(key="profile_timezone").input("Europe/Berlin")
    at.button(key="profile_save").click()
    at.run()
    assert not at.exception
    assert any("Profile saved" in s.value for s in at.success)
    con = duckdb.connect(str(demo_db))
    assert con.execute("SELECT hr_max, timezone FROM athletes").fetchone() == (195, "Europe/Berlin")
    con.close()


def test_settings_rejects_a_bad_time_zone_and_writes_nothing(demo_db: Path) -> None:
    at = open_page("app_pages/settings.py")
    at.number_input(key="profile_hr_max").set_value(199)
    at.text_input(key="profile_timezone").input("Mars/Olympus")
    at.button(key="profile_save").click()
    at.run()
    assert any("timezone: an IANA time zone" in e.value for e in at.error)
    con = duckdb.connect(str(demo_db))
    assert con.execute("SELECT hr_max, timezone FROM athletes").fetchone() == (188, "Europe/London")
    con.close()


def test_settings_changes_the_model_time_constants(demo_db: Path) -> None:
    at = open_page("app_pages/settings.py")
    at.number_input(key="profile_ctl_days").set_value(28)
    at.button(key="profile_save").click()
    at.run()
    assert not at.exception
    con = duckdb.connect(str(demo_db))
    assert con.execute("SELECT ctl_days FROM athletes").fetchone() == (28,)
    short = con.execute("SELECT ctl FROM daily_metrics ORDER BY date DESC LIMIT 1").fetchone()
    con.close()
    at.number_input(key="profile_ctl_days").set_value(42)
    at.button(key="profile_save").click()
    at.run()
    con = duckdb.connect(str(demo_db))
    assert (
        con.execute("SELECT ctl FROM daily_metrics ORDER BY date DESC LIMIT 1").fetchone() != short
    )
    con.close()


def test_a_write_from_another_process_shows_on_the_next_rerun(demo_db: Path) -> None:
    at = open_page("app_pages/overview.py")
    assert not at.sidebar.selectbox
    con = duckdb.connect(str(demo_db))  # as a sync or a CLI command in another process would
    con.execute("INSERT INTO athletes (id, name) VALUES (99, 'Second runner')")
    con.close()
    at.run()
    assert at.sidebar.selectbox[0].label == "Athlete"
