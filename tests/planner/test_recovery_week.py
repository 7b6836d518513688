"""Recovery-week maths against docs/science.md#case-7 (exp PMC variant, 42/7 days)."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from tests.planner.helpers import activities_from, history_of
from training.planner.edits import insert_recovery_week, recovery_week_start
from training.planner.model import PlanWeek
from training.planner.projection import days_until_fresh, planned_days, project
from training.planner.runner import RunnerModel
from training.planner.sessions import planned_sessions
from training.profile import AthleteProfile

TODAY = date(2026, 6, 7)  # a Sunday; the recovery week is Mon 8 - Sun 14 June
STEADY_LOAD = 60.0
LOAD_PER_KM = 6.0
EVERY_DAY = RunnerModel(load_per_km=LOAD_PER_KM, long_run_share=1 / 7, usual_runs=7)


def test_one_week_cut_by_30_percent_from_steady_state_60_matches_case_7() -> None:
    profile = AthleteProfile(starting_ctl=STEADY_LOAD)
    daily_m = STEADY_LOAD / LOAD_PER_KM * 1000
    acts = activities_from(TODAY, [daily_m] * 98, [0.0] * 98, LOAD_PER_KM)
    history = history_of(acts, profile, TODAY)
    assert history["ctl"].iloc[-1] == pytest.approx(STEADY_LOAD)
    assert history["atl"].iloc[-1] == pytest.approx(STEADY_LOAD)

    build = PlanWeek(date(2026, 6, 8), "build", "distance", 7 * daily_m, 7)
    weeks = insert_recovery_week(
        [build],
        build.week_start,
        EVERY_DAY,
        previous_distance_m=7 * daily_m,
        previous_long_run_m=daily_m,
    )
    recovery = weeks[0]
    assert recovery.week_type == "recovery"
    assert recovery.target == pytest.approx(0.7 * 7 * daily_m)
    sessions = planned_sessions(weeks[:1], EVERY_DAY, TODAY)
    assert sessions["load"].tolist() == pytest.approx([0.7 * STEADY_LOAD] * 7)

    projected = project(history, planned_days(sessions, TODAY, recovery.week_end), profile)
    end = projected.iloc[6]
    assert end["ctl"] == pytest.approx(57.2367, abs=1e-4)
    assert end["atl"] == pytest.approx(48.6218, abs=1e-4)
    assert end["tsb_eod"] == pytest.approx(8.6148, abs=1e-4)
    assert end["ramp"] == pytest.approx(-2.7633, abs=1e-4)
    # Closed forms of case 7: CTL = L(0.7 + 0.3 e^(-7/42)), ATL = L(0.7 + 0.3 e^(-1)).
    assert end["ctl"] == pytest.approx(STEADY_LOAD * (0.7 + 0.3 * math.exp(-7 / 42)))
    assert end["atl"] == pytest.approx(STEADY_LOAD * (0.7 + 0.3 * math.exp(-1)))

    # Form after k days is 0.3 L (e^(-k/42) - e^(-k/7)): +5.03 after three days, so the
    # fourth morning (Thursday) is the first in the fresh zone (> +5).
    assert days_until_fresh(projected, recovery.week_start) == 3
    assert 0.3 * STEADY_LOAD * (math.exp(-3 / 42) - math.exp(-3 / 7)) > 5
    assert 0.3 * STEADY_LOAD * (math.exp(-2 / 42) - math.exp(-2 / 7)) < 5


def test_inserting_a_recovery_week_shifts_builds_but_keeps_the_race_date() -> None:
    start = date(2026, 6, 8)
    weeks = [
        PlanWeek(start + timedelta(weeks=i), kind, "distance", km * 1000, 4, long_m)
        for i, (kind, km, long_m) in enumerate(
            [
                ("build", 40, 14000.0),
                ("build", 44, 15000.0),
                ("build", 48, 16000.0),
                ("recovery", 34, 11000.0),
                ("build", 50, 17000.0),
                ("taper", 30, 12000.0),
                ("race", 25, 21097.0),
            ]
        )
    ]
    edited = insert_recovery_week(weeks, start + timedelta(weeks=1), RunnerModel())
    assert [w.week_type for w in edited] == [
        "build",
        "recovery",
        "build",
        "build",
        "recovery",
        "taper",
        "race",
    ]
    assert edited[1].target == pytest.approx(0.7 * 40000, abs=100)
    assert edited[1].long_run_m == pytest.approx(0.7 * 14000, abs=100)
    assert edited[2].target == 44000  # the build resumes where it was, one week later
    assert edited[-1].week_start == weeks[-1].week_start
    assert [w.week_start for w in edited] == [w.week_start for w in weeks]


def test_inserting_into_a_race_week_is_refused_and_now_means_the_week_of_tomorrow() -> None:
    race = PlanWeek(date(2026, 6, 8), "race", "distance", 20000.0, 3)
    with pytest.raises(ValueError, match="taper and race"):
        insert_recovery_week([race], race.week_start, RunnerModel())
    assert recovery_week_start(date(2026, 6, 7)) == date(2026, 6, 8)  # Sunday → next week
    assert recovery_week_start(date(2026, 6, 9)) == date(2026, 6, 8)  # Tuesday → this week
