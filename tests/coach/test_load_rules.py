"""Each load rule fires just past its threshold and stays quiet on it."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from tests.coach.helpers import PROFILE, daily, runs
from training.coach.load_rules import (
    form_warning,
    load_ratio_warning,
    load_warnings,
    monotony_warning,
    no_rest_warning,
    ramp_warning,
)
from training.coach.running_rules import spike_band, spike_warning, weekly_progression_warning

DAY = date(2026, 3, 8)


def one_row(**values: float) -> pd.DataFrame:
    """A daily frame with a single row on DAY (the `day` column the rules use)."""
    return pd.DataFrame([{"date": pd.Timestamp(DAY), "day": DAY, "load": 50.0, **values}])


@pytest.mark.parametrize(
    ("today_m", "band"),
    [
        (16_000, None),
        (17_600, None),
        (17_601, "small"),
        (20_800, "small"),
        (20_801, "moderate"),
        (32_000, "moderate"),
        (32_001, "large"),
    ],
    ids=lambda v: str(v),
)
def test_spike_bands_compare_whole_metres(today_m: int, band: str | None) -> None:
    assert spike_band(today_m, 16_000) == band


def test_exactly_ten_percent_is_not_a_spike_even_with_float_distances() -> None:
    history = runs([(DAY - timedelta(days=10), 16_000.0), (DAY, 17_600.0000001)])
    assert spike_warning(history, DAY) is None


@pytest.mark.parametrize(
    ("distance_m", "severity"), [(18_000, "caution"), (21_000, "high"), (33_000, "high")]
)
def test_spike_severity_and_numbers(distance_m: int, severity: str) -> None:
    history = runs([(DAY - timedelta(days=29), 16_000.0), (DAY - timedelta(days=2), distance_m)])
    warning = spike_warning(history, DAY)
    assert warning is not None and warning.severity == severity
    assert warning.numbers["longest_30d_m"] == 16_000
    assert warning.numbers["distance_m"] == distance_m
    assert "Frandsen" in warning.source


def test_runs_older_than_thirty_days_are_not_the_reference() -> None:
    history = runs(
        [
            (DAY - timedelta(days=31), 30_000.0),
            (DAY - timedelta(days=20), 10_000.0),
            (DAY, 12_000.0),
        ]
    )
    warning = spike_warning(history, DAY)
    assert warning is not None and warning.numbers["longest_30d_m"] == 10_000


def test_a_spike_leaves_the_page_after_the_acute_week() -> None:
    history = runs([(DAY - timedelta(days=20), 10_000.0), (DAY - timedelta(days=7), 15_000.0)])
    assert spike_warning(history, DAY - timedelta(days=1)) is not None
    assert spike_warning(history, DAY) is None


@pytest.mark.parametrize(
    ("ratio", "severity"), [(1.3, None), (1.301, "caution"), (1.5, "caution"), (1.501, "high")]
)
def test_load_ratio_bands(ratio: float, severity: str | None) -> None:
    warning = load_ratio_warning(one_row(acwr=ratio), DAY)
    assert (warning and warning.severity) == severity
    if warning:
        assert "above your usual" in warning.message
        assert "probability" in warning.message  # the caveat, never a risk number


def test_unknown_ratio_gives_no_warning() -> None:
    assert load_ratio_warning(one_row(acwr=float("nan")), DAY) is None


@pytest.mark.parametrize(("form", "fires"), [(-29.99, False), (-30.0, True), (-45.0, True)])
def test_form_at_or_below_minus_30(form: float, fires: bool) -> None:
    assert (form_warning(one_row(tsb=form, ctl=40, atl=70), DAY) is not None) is fires


@pytest.mark.parametrize(("ramp", "fires"), [(8.0, False), (8.01, True)])
def test_ramp_above_eight_points_a_week(ramp: float, fires: bool) -> None:
    assert (ramp_warning(one_row(ramp=ramp), DAY) is not None) is fires


def test_monotony_above_two_is_a_caution_in_a_normal_week_and_info_in_a_light_one() -> None:
    steady = daily(DAY, [60.0] * 35)
    busy = steady.assign(day=pd.to_datetime(steady["date"]).dt.date, monotony=2.01)
    assert monotony_warning(busy, DAY).severity == "caution"  # type: ignore[union-attr]
    assert monotony_warning(busy.assign(monotony=2.0), DAY) is None
    light = busy.copy()
    light.loc[light.index[-7:], "load"] = 10.0
    assert monotony_warning(light, DAY).severity == "info"  # type: ignore[union-attr]


def test_reference_case_monotonous_week_fires_the_morning_after() -> None:
    frame = daily(DAY, [300, 300, 300, 300, 300, 300, 0.0, 0.0])
    warnings = load_warnings(frame, DAY, PROFILE, runs([]))
    found = next(w for w in warnings if w.id == "monotony_high")  # science case 4: 2.4495
    assert found.numbers["monotony"] == 2.45


@pytest.mark.parametrize(("streak", "fires"), [(9, False), (10, True)])
def test_no_rest_day_limit(streak: int, fires: bool) -> None:
    frame = daily(DAY - timedelta(days=1), [50.0] * 20 + [0.0] + [40.0] * streak)
    frame = frame.assign(day=pd.to_datetime(frame["date"]).dt.date)
    today_not_done = pd.concat(
        [frame, frame.tail(1).assign(day=DAY, load=0.0, endurance_sessions=0)]
    )
    warning = no_rest_warning(today_not_done, DAY, PROFILE.no_rest_days_limit)
    assert (warning is not None) is fires
    if warning:
        assert warning.numbers["days_in_a_row"] == streak


def test_weekly_distance_jump_boundary_in_whole_metres() -> None:
    previous = [10_000.0] * 7
    at_limit = daily(DAY, [50.0] * 14, distances_m=previous + [31_000.0] + [10_000.0] * 6)
    dated = at_limit.assign(day=pd.to_datetime(at_limit["date"]).dt.date)
    assert weekly_progression_warning(dated, DAY) is None  # 91 km vs 70 km: exactly +30 %
    big = daily(DAY, [50.0] * 14, distances_m=previous + [31_001.0] + [10_000.0] * 6)
    dated = big.assign(day=pd.to_datetime(big["date"]).dt.date)
    warning = weekly_progression_warning(dated, DAY)
    assert warning is not None and warning.severity == "info"
    assert warning.numbers == {"last_7d_m": 91_001, "previous_7d_m": 70_000, "increase_pct": 30.0}


def test_a_sudden_block_after_a_steady_month_triggers_ratio_and_form() -> None:
    frame = daily(DAY, [40.0] * 42 + [150.0] * 7)
    ids = {w.id: w.severity for w in load_warnings(frame, DAY, PROFILE, runs([]))}
    assert ids["load_ratio_high"] == "high"
    assert ids["form_very_low"] == "high"


def test_without_session_detail_run_days_stand_in_for_training_days() -> None:
    frame = daily(DAY, [50.0] * 12).drop(columns="endurance_sessions")
    frame = frame.assign(day=pd.to_datetime(frame["date"]).dt.date)
    assert no_rest_warning(frame, DAY, 10) is not None  # stored or projected metrics: runs count
    no_runs = frame.assign(run_count=0)  # the same load from walks and strength
    assert no_rest_warning(no_runs, DAY, 10) is None
