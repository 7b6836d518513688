"""The one return-to-run decision the coach and the planner share."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from training.planner.limits import FIRST_RUN_CAP_M, SPIKE_LIMIT, SPIKE_MARGIN_M
from training.return_to_run import RETURN_SESSION_MAX_MIN, return_to_run, return_week_load

DAY = date(2026, 6, 10)
LOAD_PER_KM = 6.0  # about 60 load an hour at 6:00/km
USUAL = 20.0  # a chronic load of 140 a week: far above the return-to-run week


def ago(days: int) -> date:
    return DAY - timedelta(days=days)


@pytest.mark.parametrize(("last_run", "returning"), [(14, False), (15, True)])
def test_no_run_in_the_last_14_days_starts_a_return(last_run: int, returning: bool) -> None:
    decision = return_to_run({ago(last_run): 10_000.0}, DAY, USUAL, LOAD_PER_KM)
    assert (decision is not None) is returning
    if decision is not None:
        assert decision.reason == "no_recent_run" and decision.days_since_run == 15
        assert decision.max_minutes == RETURN_SESSION_MAX_MIN
        assert decision.cap_m == SPIKE_LIMIT * 10_000.0 - SPIKE_MARGIN_M  # still in 30 days
        assert not decision.walk_run


def test_after_a_month_without_running_the_first_run_cap_and_a_walk_run() -> None:
    decision = return_to_run({ago(45): 16_000.0}, DAY, USUAL, LOAD_PER_KM)
    assert decision is not None
    assert decision.cap_m == FIRST_RUN_CAP_M and decision.walk_run


def test_never_ran_is_a_return_from_the_first_run_cap() -> None:
    decision = return_to_run({}, DAY, USUAL, LOAD_PER_KM)
    assert decision is not None and decision.last_run is None and decision.days_since_run is None
    assert decision.cap_m == FIRST_RUN_CAP_M and decision.walk_run


def test_each_return_run_grows_by_the_single_run_rule_with_a_day_between() -> None:
    runs = {ago(60): 12_000.0, ago(3): 3_200.0, ago(1): 3_500.0}
    decision = return_to_run(runs, DAY, 3.0, LOAD_PER_KM)
    assert decision is not None and decision.reason == "small_base" and decision.small_base
    assert decision.cap_m == pytest.approx(SPIKE_LIMIT * 3_500.0 - SPIKE_MARGIN_M)
    assert decision.rest_day_between and decision.max_minutes is None


def test_a_base_at_the_return_week_is_an_ordinary_day() -> None:
    runs = {ago(2): 5_000.0, ago(4): 5_000.0}
    week = return_week_load(LOAD_PER_KM)
    assert return_to_run(runs, DAY, week / 7 - 0.01, LOAD_PER_KM) is not None
    assert return_to_run(runs, DAY, week / 7, LOAD_PER_KM) is None


def test_runs_on_or_after_the_day_are_not_history() -> None:
    assert return_to_run({DAY: 8_000.0, ago(40): 8_000.0}, DAY, USUAL, LOAD_PER_KM) is not None
