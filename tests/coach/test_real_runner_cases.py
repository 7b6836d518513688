"""The advice ordinary runners got before, each pinned by the test that would have caught it."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pandas as pd
import pytest

from pipelines.cli import main
from pipelines.db import connect
from tests.coach.helpers import pain, runs
from tests.coach.scenarios import Scenario, Session, play, sessions, weeks_of
from tests.conftest import TODAY
from training.coach.load_rules import load_warnings
from training.coach.pain_rules import pain_warnings
from training.fitness import daily_metrics
from training.load import session_loads
from training.profile import AthleteProfile
from training.weekly import compare_week


def test_back_after_six_weeks_off_is_a_walk_run_not_a_wall_of_rest(db_path: Path) -> None:
    out = play(Scenario("six weeks off", tuple(weeks_of(10, ending_days_ago=43)), "easy"), db_path)
    assert out["kind"] == "easy" and out["cap"]["minutes"] >= 15
    assert out["cap"]["km"] <= 3.2  # the first-run cap after a month without running


def test_a_beginners_cap_stays_within_the_single_run_limit(db_path: Path) -> None:
    history = tuple(Session(d, "Run", 35, 5.0, 150) for d in (9, 5, 2))
    out = play(Scenario("three 5 km runs", history, "train"), db_path)
    assert out["cap"]["km"] <= 5.5  # 110 % of the longest run, never 37.7 km
    assert out["cap"]["minutes"] <= 5.5 * 7  # and minutes at their own 7:00/km


def test_a_cyclist_who_never_ran_gets_a_first_run_cap(db_path: Path) -> None:
    history = tuple(sessions(range(1, 84, 2), "Ride", 75, hr=130))
    out = play(Scenario("cyclist", history, "easy"), db_path)
    assert out["cap"]["minutes"] <= 30  # not a cycling-sized 58-74 min
    assert out["cap"]["km"] <= 3.2


@pytest.mark.parametrize(("sport", "minutes"), [("Walk", 45), ("WeightTraining", 30)])
def test_walks_and_strength_on_rest_days_leave_them_rest_days(
    sport: str, minutes: float, db_path: Path
) -> None:
    rest_days = [d for d in range(0, 84) if (d - 1) % 7 in (1, 3, 6)]
    history = (*weeks_of(12), *sessions(rest_days, sport, minutes))
    out = play(Scenario("rest-day sessions", history, "train"), db_path)
    assert "no_rest_day" not in {w["id"] for w in out["warnings"]}
    assert out["kind"] == "train"


def test_a_load_ratio_in_the_caution_band_alone_leaves_an_easy_run(db_path: Path) -> None:
    history = (*weeks_of(9), *sessions([1, 3, 5, 6], "Ride", 75, hr=135))
    out = play(Scenario("ratio 1.3-1.5", history, "easy"), db_path)
    assert [w["id"] for w in out["warnings"]] == ["load_ratio_high"]
    assert out["kind"] == "easy" and out["cap"]["minutes"] >= 20


def test_the_morning_after_a_ramp_reads_the_ratio_of_the_end_of_yesterday(db_path: Path) -> None:
    ramp = [Session(d, "Run", 50 + 6 * (11 - d), 8 + (11 - d), 150) for d in range(1, 12)]
    out = play(Scenario("11-day ramp", (*weeks_of(8, ending_days_ago=12), *ramp), "easy"), db_path)
    with connect(db_path) as con:
        row = con.execute(
            "SELECT acwr FROM daily_metrics WHERE date = ?", [TODAY - timedelta(days=1)]
        ).fetchone()
    assert row is not None and row[0] > 1.3
    assert "load_ratio_high" in {w["id"] for w in out["warnings"]}
    assert out["morning"]["acwr"] == pytest.approx(row[0], abs=5e-4)


@pytest.mark.parametrize(
    ("settings", "fields"),
    [
        (["hr_max=120", "hr_rest=120"], "hr_max, hr_rest"),
        (["hr_max=170", "lthr=180"], "lthr, hr_max"),
        (["hr_rest=60", "lthr=170", "hr_max=170"], "lthr, hr_max"),
    ],
    ids=["max-equals-rest", "threshold-above-max", "threshold-equals-max"],
)
def test_a_contradictory_profile_is_refused_and_nothing_is_stored(
    settings: list[str], fields: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with connect(db_path) as con:
        con.execute("INSERT INTO athletes (id, name) VALUES (1, 'Runner')")
    args = [arg for s in settings for arg in ("--set", s)]
    assert main(["profile", "--db", str(db_path), *args]) == 2
    err = capsys.readouterr().err
    assert fields in err and "max HR above threshold HR above resting HR" in err
    with connect(db_path) as con:
        stored = con.execute("SELECT hr_max, hr_rest, lthr FROM athletes").fetchone()
    assert stored == (None, None, None)


def test_a_database_holding_max_hr_equal_to_rest_still_scores_and_advises(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = ("UPDATE athletes SET hr_max = 110, hr_rest = 110 WHERE id = 1",)
    out = play(Scenario("old bad profile", tuple(weeks_of(6)), "train", sql=bad), db_path)
    assert "profile_heart_rates" in {w["id"] for w in out["warnings"]}
    assert main(["profile", "--db", str(db_path), "--set", "name=Ana"]) == 2  # says what to fix
    assert "hr_max, hr_rest" in capsys.readouterr().err
    assert main(["profile", "--db", str(db_path), "--set", "hr_max=185"]) == 0  # the fix works
    with connect(db_path) as con:
        sources = {
            r[0] for r in con.execute("SELECT DISTINCT load_source FROM activities").fetchall()
        }
    assert sources == {"hr_avg"}


def test_the_runners_rpe_comes_before_a_pace_score() -> None:
    session = pd.DataFrame(
        {"sport_type": ["Run"], "moving_time_s": [3600], "elapsed_time_s": [3600],
         "distance_m": [12_000.0], "average_heartrate": [None], "rpe": [3.0]}
    )  # fmt: skip
    scored = session_loads(session, AthleteProfile(threshold_pace_s_per_km=270))
    assert scored["load_source"].tolist() == ["rpe"]


def test_identical_daily_loads_are_flagged_as_monotonous() -> None:
    day = date(2026, 3, 10)
    acts = pd.DataFrame(
        {
            "athlete_id": 1,
            "start_date_local": [
                datetime.combine(day - timedelta(days=i), time(7)) for i in range(8)
            ],
            "sport_type": "Run",
            "distance_m": 8000.0,
            "moving_time_s": 2700,
            "load": 50.0,
        }
    )
    frame = daily_metrics(acts, {1: AthleteProfile()}, day)
    assert not math.isnan(frame["monotony"].iloc[-1]) and frame["monotony"].iloc[-1] > 2.0
    found = {w.id for w in load_warnings(frame, day, AthleteProfile(), runs([]))}
    assert "monotony_high" in found


def test_the_usual_week_divides_by_the_weeks_actually_covered() -> None:
    monday = date(2026, 3, 9)
    days = pd.date_range(monday - timedelta(days=7), monday + timedelta(days=1), freq="D")
    daily = pd.DataFrame(
        {"date": days, "distance_m": 10_000.0, "moving_time_s": 3600, "load": 50.0,
         "run_count": 1}
    )  # fmt: skip
    week = compare_week(daily, monday + timedelta(days=1))
    assert week.usual_distance_m == pytest.approx(70_000.0)  # one week covered, not a quarter
    assert week.distance_change_pct == pytest.approx(0.0)


def test_a_small_pain_drift_is_not_a_rising_trend() -> None:
    day = date(2026, 3, 10)
    scores = {18: 1, 15: 1, 11: 1, 8: 2, 4: 2, 1: 2}  # weekly means 1.0 → 1.5 → 2.0
    entries = pain(
        [
            {"date": day - timedelta(days=d), "moment": "after-run", "score": s}
            for d, s in scores.items()
        ]
    )
    assert "pain_trend_rising" not in {w.id for w in pain_warnings(entries, runs([]), day)}
