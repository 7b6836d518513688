"""Session load formulas against docs/science.md#case-1."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from training.load import (
    banister_trimp,
    default_load,
    hrss,
    pace_load,
    session_loads,
    srpe_load,
    trimp_from_histogram,
)
from training.profile import AthleteProfile

MALE = AthleteProfile(sex="M", hr_max=190, hr_rest=50)


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        pytest.param(MALE, 108.0954, id="male-0.64-1.92"),
        pytest.param(
            AthleteProfile(sex="F", hr_max=190, hr_rest=50), 121.4991, id="female-0.86-morton1990"
        ),
        pytest.param(
            AthleteProfile(sex="F", hr_max=190, hr_rest=50, trimp_female_a=0.64),
            90.4179,
            id="female-0.64-goldencheetah",
        ),
    ],
)
def test_banister_trimp_reference_case_1(profile: AthleteProfile, expected: float) -> None:
    assert banister_trimp(60, 150, profile) == pytest.approx(expected, abs=5e-5)


def test_hrss_matches_reference_and_elevate_fixture() -> None:
    with_lthr = AthleteProfile(sex="M", hr_max=190, hr_rest=50, lthr=170)
    assert hrss(banister_trimp(60, 150, with_lthr), with_lthr) == pytest.approx(63.3429, abs=5e-5)
    elevate = AthleteProfile(sex="M", hr_max=190, hr_rest=60, lthr=163)
    assert hrss(333, elevate) == pytest.approx(239.0876, abs=5e-5)


def test_one_hour_at_threshold_scores_100() -> None:
    profile = AthleteProfile(sex="F", hr_max=188, hr_rest=52, lthr=171)
    assert hrss(banister_trimp(60, 171, profile), profile) == pytest.approx(100.0)


def test_default_lthr_is_85_percent_of_reserve() -> None:
    assert AthleteProfile(hr_max=190, hr_rest=50).effective_lthr == pytest.approx(169.0)


def test_pace_load_reference_case_1() -> None:
    assert pace_load(45 * 60, 45 * 60 / 300 * 1000, 270) == pytest.approx(60.75, abs=5e-4)


def test_srpe_scale_puts_an_hour_at_rpe_7_at_100() -> None:
    assert srpe_load(60, 7) == pytest.approx(100.0)
    assert srpe_load(60, 6) * 420 / 100 == pytest.approx(360.0)  # Foster AU: 60 min × RPE 6


def test_histogram_trimp_equals_sum_of_samples() -> None:
    hist = {"140": 1200.0, "160": 600.0}
    expected = banister_trimp(20, 140, MALE) + banister_trimp(10, 160, MALE)
    assert trimp_from_histogram(hist, MALE) == pytest.approx(expected)


def test_source_priority_and_labels() -> None:
    profile = AthleteProfile(sex="M", hr_max=190, hr_rest=50, threshold_pace_s_per_km=270)
    sessions = pd.DataFrame(
        {
            "sport_type": ["Run", "Run", "Run", "WeightTraining", "Ride", "Run"],
            "moving_time_s": [3600, 3600, 2700, 1800, 3600, 3600],
            "elapsed_time_s": [3700, 3700, 2800, 1900, 3700, 3700],
            "distance_m": [10000, 10000, 9000, 0, 30000, None],
            "average_heartrate": [150, 150, None, None, None, None],
            "rpe": [None, None, None, 5, None, None],
            "hr_histogram": [json.dumps({"150": 3600}), None, None, None, None, None],
        }
    )
    scored = session_loads(sessions, profile)
    assert list(scored["load_source"]) == [
        "hr_stream",
        "hr_avg",
        "pace",
        "rpe",
        "default",
        "default",
    ]
    assert scored["load"].iloc[0] == pytest.approx(scored["load"].iloc[1])
    assert scored["load"].iloc[2] == pytest.approx(pace_load(2700, 9000, 270))
    assert scored["load"].iloc[3] == pytest.approx(srpe_load(30, 5))
    assert scored["load"].iloc[4] == pytest.approx(default_load(60, "Ride"))
    assert scored["load"].iloc[5] == pytest.approx(56.25)


def test_no_hr_max_falls_back_without_error() -> None:
    sessions = pd.DataFrame(
        {
            "sport_type": ["Run"],
            "moving_time_s": [1800],
            "elapsed_time_s": [1800],
            "distance_m": [5000],
            "average_heartrate": [150],
        }
    )
    scored = session_loads(sessions, AthleteProfile())
    assert scored["load_source"].tolist() == ["default"]


def test_implausible_gps_speed_is_not_scored_by_pace() -> None:
    profile = AthleteProfile(threshold_pace_s_per_km=270)
    sessions = pd.DataFrame(
        {
            "sport_type": ["Run"],
            "moving_time_s": [600],
            "elapsed_time_s": [600],
            "distance_m": [9000],
            "average_heartrate": [None],
        }
    )
    assert session_loads(sessions, profile)["load_source"].tolist() == ["default"]
