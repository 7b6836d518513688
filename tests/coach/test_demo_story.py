"""The demo runner's too-fast ramp and hip flare-up give the right warnings in the right weeks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines.coach_inputs import advise
from pipelines.db import connect
from tests.coach.helpers import demo_day
from tests.conftest import DEMO_END


def ids_on(db: Path, day: date) -> tuple[str, set[str]]:
    with connect(db) as con:
        advice = advise(con, 1, demo_day(day, DEMO_END))
    return advice.kind, {w.id for w in advice.warnings}


@pytest.mark.parametrize(
    ("day", "kind", "expected"),
    [
        (date(2026, 3, 3), "see_clinician", {"red_flag_pain_not_settling", "run_spike"}),
        (date(2026, 3, 4), "rest", {"run_spike", "load_ratio_high", "hard_effort_yesterday"}),
        (date(2026, 3, 9), "cross_train", {"run_spike", "pain_during_run", "load_ratio_high"}),
        (
            date(2026, 3, 10),
            "see_clinician",
            {"red_flag_pain_not_settling", "pain_during_run", "pain_next_morning"},
        ),
        (
            date(2026, 3, 11),
            "see_clinician",
            {"form_very_low", "pain_trend_rising", "stress_sleep_high_load"},
        ),
        (date(2026, 3, 17), "cross_train", {"pain_trend_rising"}),
    ],
)
def test_flare_up_weeks(demo_db: Path, day: date, kind: str, expected: set[str]) -> None:
    got_kind, got = ids_on(demo_db, day)
    assert got_kind == kind
    assert expected <= got


def test_the_26_km_long_run_is_a_spike_against_the_month_before(demo_db: Path) -> None:
    with connect(demo_db) as con:
        advice = advise(con, 1, demo_day(date(2026, 3, 9), DEMO_END))
    spike = next(w for w in advice.warnings if w.id == "run_spike")
    assert spike.numbers["distance_m"] == 26_000
    assert spike.numbers["run_date"] == demo_day(date(2026, 3, 8), DEMO_END).isoformat()


def test_calm_weeks_before_the_ramp_have_no_red_flag(demo_db: Path) -> None:
    for day in (date(2026, 1, 13), date(2026, 1, 20)):  # ids_on moves them with DEMO_END
        kind, found = ids_on(demo_db, day)
        assert kind != "see_clinician"
        assert not {i for i in found if i.startswith("red_flag")}


def test_end_of_the_story_is_back_to_training(demo_db: Path) -> None:
    with connect(demo_db) as con:
        advice = advise(con, 1, DEMO_END)
    kind, found = advice.kind, {w.id for w in advice.warnings}
    assert kind in {"train", "easy"}
    assert not {i for i in found if i.startswith(("red_flag", "pain_"))}
