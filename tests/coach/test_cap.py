"""The cap: the closed-form load bound checked against training.fitness, then made runnable."""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.coach.helpers import PROFILE, activities, daily
from training.bands import ACWR_CAUTION, FORM_OPTIMAL
from training.coach.cap import MIN_EASY_MINUTES, EasyRun, load_bound, todays_cap
from training.coach.forecast import rest_forecast
from training.coach.morning import morning_state
from training.fitness import daily_metrics

DAY = date(2026, 3, 10)
RUN = EasyRun(load_per_hour=60.0, pace_s_per_km=360.0, from_history=True)
FAR = 1e9  # a single-run limit that never binds


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
@given(st.lists(st.floats(0, 160), min_size=45, max_size=80).map(lambda xs: [30.0, *xs]))
def test_load_bound_is_the_largest_load_that_keeps_the_end_of_today_in_band(
    history: list[float],
) -> None:
    state = morning_state(daily(DAY, [*history, 0.0]), DAY, PROFILE)
    bound = load_bound(state, PROFILE, RUN)
    if bound.binding not in {"load_ratio", "form"}:
        return  # the ratio was already above 1.3 this morning: the hold rules apply instead
    if bound.load > 0:
        at_cap = with_load_today(history, bound.load * (1 - 1e-9))
        assert at_cap["acwr"] <= ACWR_CAUTION + 1e-9
        assert at_cap["tsb_eod"] > FORM_OPTIMAL
    over = with_load_today(history, max(bound.load, 0.0) + 0.5)
    assert over["acwr"] > ACWR_CAUTION or over["tsb_eod"] <= FORM_OPTIMAL


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0, 200), min_size=2, max_size=70).map(lambda xs: [40.0, *xs]),
    st.floats(500, 40_000),
    st.booleans(),
)
def test_minutes_and_km_never_pass_the_single_run_limit(
    history: list[float], limit_m: float, stressed: bool
) -> None:
    state = morning_state(daily(DAY, [*history, 0.0]), DAY, PROFILE)
    cap = todays_cap(state, PROFILE, RUN, single_run_limit_m=limit_m, stressed=stressed)
    assert cap.minutes is not None and cap.km is not None and cap.load is not None
    assert cap.km * 1000 <= limit_m + 1e-6
    assert cap.minutes <= RUN.minutes_for(limit_m)
    assert cap.load == RUN.load_of(cap.minutes)
    assert cap.km == cap.minutes * 60 / RUN.pace_s_per_km


def test_a_ratio_above_usual_alone_still_leaves_an_easy_run() -> None:
    frame = daily(DAY, [40.0] * 42 + [75.0] * 7 + [0.0])
    state = morning_state(frame, DAY, PROFILE.with_changes(starting_ctl=40.0))
    assert state.ratio is not None and state.ratio > ACWR_CAUTION
    cap = todays_cap(state, PROFILE, RUN, single_run_limit_m=FAR)
    assert cap.minutes is not None and cap.minutes >= MIN_EASY_MINUTES


def test_a_stressful_day_takes_a_fifth_off() -> None:
    state = morning_state(daily(DAY, [50.0] * 60 + [0.0]), DAY, PROFILE)
    calm = todays_cap(state, PROFILE, RUN, single_run_limit_m=FAR)
    stressed = todays_cap(state, PROFILE, RUN, single_run_limit_m=FAR, stressed=True)
    assert stressed.minutes == int(RUN.minutes_of(load_bound(state, PROFILE, RUN).load * 0.8))
    assert stressed.stress_adjusted and (stressed.minutes or 0) < (calm.minutes or 0)


def test_load_already_done_today_comes_off_the_cap() -> None:
    before = morning_state(daily(DAY, [50.0] * 60 + [0.0]), DAY, PROFILE)
    after = morning_state(daily(DAY, [50.0] * 60 + [30.0]), DAY, PROFILE)
    assert after.done_today == 30.0 and after.form == before.form  # same morning
    fresh = todays_cap(before, PROFILE, RUN, single_run_limit_m=FAR)
    later = todays_cap(after, PROFILE, RUN, single_run_limit_m=FAR)
    assert later.minutes == int(RUN.minutes_of(load_bound(before, PROFILE, RUN).load - 30.0))
    assert (later.minutes or 0) < (fresh.minutes or 0)


def test_rest_forecast_after_an_overload_block() -> None:
    frame = daily(DAY, [40.0] * 42 + [150.0] * 7 + [0.0])
    forecast = rest_forecast(morning_state(frame, DAY, PROFILE), PROFILE)
    assert forecast.days_to_form_ok is not None and forecast.days_to_form_ok > 0
    forms = [d.form for d in forecast.outlook]
    assert forms == sorted(forms)  # rest only ever freshens
    assert len(forecast.outlook) == 7
    seeded = PROFILE.with_changes(starting_ctl=50.0)
    steady = rest_forecast(morning_state(daily(DAY, [50.0] * 60, seeded), DAY, seeded), seeded)
    assert steady.days_to_both == 0
