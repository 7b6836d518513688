"""The closed-form cap, checked by running training.fitness on the next day with that load."""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.coach.helpers import PROFILE, activities, daily
from training.bands import ACWR_CAUTION, FORM_OPTIMAL
from training.coach.cap import EasyRun, load_state, rest_forecast, todays_cap
from training.fitness import daily_metrics

DAY = date(2026, 3, 10)
RUN = EasyRun(load_per_hour=60.0, pace_s_per_km=360.0, from_history=True)


def with_load_today(history: list[float], load: float) -> pd.Series:
    """Today's row of daily metrics when `load` is run today after `history`."""
    acts = activities(DAY, [*history, 0.0])
    extra = pd.DataFrame(
        [
            {
                "id": 99_999,
                "athlete_id": 1,
                "sport_type": "Run",
                "start_date_local": datetime.combine(DAY, time(18)),
                "distance_m": 8000.0,
                "moving_time_s": 2400,
                "load": load,
            }
        ]
    )
    frame = daily_metrics(pd.concat([acts, extra], ignore_index=True), {1: PROFILE}, DAY)
    return frame.iloc[-1]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 160), min_size=40, max_size=80).map(lambda xs: [30.0, *xs]))
def test_cap_is_the_largest_load_that_stays_in_band(history: list[float]) -> None:
    frame = daily(DAY, [*history, 0.0])
    cap = todays_cap(load_state(frame, DAY, PROFILE), PROFILE, RUN)
    if cap.load > 0:
        at_cap = with_load_today(history, cap.load * (1 - 1e-9))
        assert at_cap["acwr"] <= ACWR_CAUTION + 1e-9
        assert at_cap["tsb_eod"] > FORM_OPTIMAL
    over = with_load_today(history, cap.load + 0.5)
    assert over["acwr"] > ACWR_CAUTION or over["tsb_eod"] <= FORM_OPTIMAL


def test_cap_in_minutes_and_km_uses_the_runners_easy_run() -> None:
    frame = daily(DAY, [50.0] * 60 + [0.0])
    cap = todays_cap(load_state(frame, DAY, PROFILE), PROFILE, RUN)
    assert cap.minutes == int(cap.load)  # 60 load per hour: one per minute
    assert cap.km == cap.minutes * 60 / 360


def test_a_stressful_day_takes_a_fifth_off() -> None:
    state = load_state(daily(DAY, [50.0] * 60 + [0.0]), DAY, PROFILE)
    calm = todays_cap(state, PROFILE, RUN)
    stressed = todays_cap(state, PROFILE, RUN, stressed=True)
    assert stressed.load == calm.load * 0.8 and stressed.stress_adjusted


def test_load_already_done_today_comes_off_the_cap() -> None:
    before = load_state(daily(DAY, [50.0] * 60 + [0.0]), DAY, PROFILE)
    after = load_state(daily(DAY, [50.0] * 60 + [30.0]), DAY, PROFILE)
    assert todays_cap(after, PROFILE, RUN).load == todays_cap(before, PROFILE, RUN).load - 30.0


def test_rest_forecast_after_an_overload_block() -> None:
    frame = daily(DAY, [40.0] * 42 + [150.0] * 7 + [0.0])
    forecast = rest_forecast(load_state(frame, DAY, PROFILE), PROFILE, DAY)
    assert forecast.days_to_form_ok is not None and forecast.days_to_form_ok > 0
    forms = [d.form for d in forecast.outlook]
    assert forms == sorted(forms)  # rest only ever freshens
    assert len(forecast.outlook) == 7
    seeded = PROFILE.with_changes(starting_ctl=50.0)
    steady = rest_forecast(load_state(daily(DAY, [50.0] * 60, seeded), DAY, seeded), seeded, DAY)
    assert steady.days_to_both == 0
