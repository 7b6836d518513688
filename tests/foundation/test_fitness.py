"""Daily PMC, load ratios and monotony against SCIENCE.md section 9, cases 2-4 and 7."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from training.fitness import MONOTONY_CAP, daily_metrics, ewma_lambda, pmc_coefficient
from training.profile import AthleteProfile

CASE2 = [50, 0, 60, 40, 0, 90, 30, 55, 0, 65, 45, 0, 100, 35]
CASE3_BASE = [30, 0, 45, 35, 0, 70, 40]
CASE3 = [round(x * f) for f in (1.0, 1.05, 1.1, 1.0, 1.5) for x in CASE3_BASE]
START = date(2026, 1, 1)


def metrics_for(
    loads: list[float], profile: AthleteProfile | None = None, sport: str = "Ride"
) -> pd.DataFrame:
    """Run the engine on one session a day with the given loads (zero-load days included)."""
    days = [START + timedelta(days=i) for i in range(len(loads))]
    sessions = pd.DataFrame(
        {
            "athlete_id": 7,
            "start_date_local": pd.to_datetime(days),
            "load": loads,
            "sport_type": sport,
            "distance_m": 0.0,
            "moving_time_s": 3600,
        }
    )
    profile = profile or AthleteProfile(athlete_id=7)
    return daily_metrics(sessions, {7: profile}, days[-1])


def test_coefficients() -> None:
    assert pmc_coefficient(42) == pytest.approx(0.0235283, abs=1e-7)
    assert pmc_coefficient(7) == pytest.approx(0.1331221, abs=1e-7)
    assert ewma_lambda(7) == 0.25
    assert ewma_lambda(28) == pytest.approx(0.0690, abs=1e-4)


def test_case2_pmc_exp_variant_yesterday_form() -> None:
    m = metrics_for(CASE2)
    assert m["ctl"].iloc[0] == pytest.approx(1.1764, abs=5e-5)
    assert m["atl"].iloc[0] == pytest.approx(6.6561, abs=5e-5)
    assert m["tsb"].iloc[0] == pytest.approx(0.0)
    assert m["ctl"].iloc[13] == pytest.approx(11.6581, abs=5e-5)
    assert m["atl"].iloc[13] == pytest.approx(37.3600, abs=5e-5)
    assert m["tsb"].iloc[13] == pytest.approx(-26.6267, abs=5e-5)
    assert m["tsb_eod"].iloc[13] == pytest.approx(-25.7019, abs=5e-5)
    assert m["ramp"].iloc[13] == pytest.approx(5.7050, abs=5e-5)


def test_case2_equals_banister_fitness_sum() -> None:
    g = 0.0
    for w in CASE2:
        g = g * math.exp(-1 / 42) + w
    assert metrics_for(CASE2)["ctl"].iloc[-1] == pytest.approx(g * (1 - math.exp(-1 / 42)))


def test_case3_acwr_ewma_and_uncoupled_rolling() -> None:
    m = metrics_for(CASE3)
    assert m["acwr"].iloc[:27].isna().all()
    assert m["acwr"].iloc[27] == pytest.approx(37.0456 / 33.3942, abs=5e-4)
    assert m["acwr"].iloc[34] == pytest.approx(1.3267, abs=5e-5)
    assert m["acwr_rolling"].iloc[27] == pytest.approx(0.9510, abs=5e-5)
    assert m["acwr_rolling"].iloc[34] == pytest.approx(1.4265, abs=5e-5)


@pytest.mark.parametrize(
    ("week", "monotony", "strain"),
    [
        pytest.param([300, 0, 400, 250, 0, 600, 200], 1.2613, 2207.2968, id="varied"),
        pytest.param([300, 300, 300, 300, 300, 300, 0], 2.4495, 4409.0815, id="monotonous"),
    ],
)
def test_case4_monotony_population_sd(week: list[int], monotony: float, strain: float) -> None:
    m = metrics_for(week)
    assert m["monotony"].iloc[:6].isna().all()
    assert m["monotony"].iloc[6] == pytest.approx(monotony, abs=5e-5)
    assert m["strain"].iloc[6] == pytest.approx(strain, abs=5e-4)


def test_identical_loads_read_as_the_monotony_ceiling() -> None:
    m = metrics_for([50] * 7)
    assert m["monotony"].iloc[6] == MONOTONY_CAP  # flagged, not undefined
    assert m["strain"].iloc[6] == pytest.approx(350 * MONOTONY_CAP)
    assert metrics_for([50, 0, 0, 0, 0, 0, 0, 0])["monotony"].isna().iloc[7]  # no load at all


def test_case7_deload_from_steady_state() -> None:
    profile = AthleteProfile(athlete_id=7, starting_ctl=60.0, starting_atl=60.0)
    m = metrics_for([42.0] * 7, profile)
    assert m["ctl"].iloc[6] == pytest.approx(57.2367, abs=5e-5)
    assert m["atl"].iloc[6] == pytest.approx(48.6218, abs=5e-5)
    assert m["tsb_eod"].iloc[6] == pytest.approx(8.6148, abs=5e-4)
    assert m["ramp"].iloc[6] == pytest.approx(-2.7633, abs=5e-5)


def test_rest_days_are_zero_and_calendar_is_complete() -> None:
    sessions = pd.DataFrame(
        {
            "athlete_id": [1, 1],
            "start_date_local": pd.to_datetime(["2026-01-01 07:00", "2026-01-05 23:30"]),
            "load": [40.0, 60.0],
            "sport_type": ["Run", "Run"],
            "distance_m": [8000.0, 12000.0],
            "moving_time_s": [2400, 3600],
        }
    )
    m = daily_metrics(sessions, {}, date(2026, 1, 10))
    assert len(m) == 10
    assert m["load"].tolist() == [40, 0, 0, 0, 60, 0, 0, 0, 0, 0]
    assert m["longest_run_30d_m"].tolist()[:6] == [0, 8000, 8000, 8000, 8000, 12000]


def test_sessions_sum_on_their_local_date() -> None:
    sessions = pd.DataFrame(
        {
            "athlete_id": [1, 1, 1],
            "start_date_local": pd.to_datetime(
                ["2026-01-01 06:00", "2026-01-01 18:00", "2026-01-02 00:10"]
            ),
            "load": [30.0, 20.0, 10.0],
            "sport_type": ["Run", "WeightTraining", "Run"],
            "distance_m": [5000.0, 0.0, 3000.0],
            "moving_time_s": [1800, 1200, 900],
        }
    )
    m = daily_metrics(sessions, {}, date(2026, 1, 2))
    assert m["load"].tolist() == [50.0, 10.0]
    assert m["distance_m"].tolist() == [5000.0, 3000.0]
    assert m["run_count"].tolist() == [1, 1]


def test_several_athletes_are_independent() -> None:
    one = metrics_for(CASE2)
    both = pd.concat(
        [
            pd.DataFrame(
                {
                    "athlete_id": aid,
                    "start_date_local": pd.to_datetime(
                        [START + timedelta(days=i) for i in range(len(CASE2))]
                    ),
                    "load": CASE2,
                    "sport_type": "Ride",
                    "distance_m": 0.0,
                    "moving_time_s": 3600,
                }
            )
            for aid in (3, 7)
        ]
    )
    end = START + timedelta(days=len(CASE2) - 1)
    m = daily_metrics(both, {3: AthleteProfile(athlete_id=3), 7: AthleteProfile(athlete_id=7)}, end)
    for aid in (3, 7):
        part = m[m["athlete_id"] == aid].reset_index(drop=True)
        np.testing.assert_allclose(part["ctl"], one["ctl"])
        np.testing.assert_allclose(part["tsb"], one["tsb"])
