"""Stress and sleep against the runner's own 28-day baseline."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from tests.coach.helpers import daily
from training.coach.wellness_rules import stressed_today, wellness_warnings

DAY = date(2026, 3, 10)


def checkins(recent_stress: list[int], usual: int = 3) -> pd.DataFrame:
    """28 baseline days alternating usual/usual+1, then the last 5 days as given."""
    days = [DAY - timedelta(days=i) for i in range(32, -1, -1)]
    stress = [usual + (i % 2) for i in range(28)] + recent_stress
    return pd.DataFrame({"date": days, "stress": stress, "sleep_quality": [3] * 33})


@pytest.mark.parametrize(("recent", "fires"), [([3, 3, 5, 5, 3], False), ([5, 3, 5, 3, 5], True)])
def test_three_of_five_days_worse(recent: list[int], fires: bool) -> None:
    warnings = wellness_warnings(checkins(recent), daily(DAY, [50.0] * 60), DAY)
    assert bool(warnings) is fires  # baseline 3.5 ± 0.5: 4 or more counts as worse


def test_high_load_turns_the_note_into_a_caution() -> None:
    recent = [5, 5, 5, 5, 5]
    calm = wellness_warnings(checkins(recent), daily(DAY, [50.0] * 60), DAY)
    loaded = wellness_warnings(checkins(recent), daily(DAY, [40.0] * 42 + [150.0] * 7), DAY)
    assert [(w.id, w.severity) for w in calm] == [("stress_sleep_worse", "info")]
    assert [(w.id, w.severity) for w in loaded] == [("stress_sleep_high_load", "caution")]
    assert loaded[0].numbers["stress_worse_days"] == 5


def test_too_few_checkins_give_no_baseline() -> None:
    sparse = checkins([6, 6, 6, 6, 6]).iloc[20:]
    assert wellness_warnings(sparse, daily(DAY, [50.0] * 60), DAY) == []


def test_stressed_today_uses_todays_rating() -> None:
    assert stressed_today(checkins([3, 3, 3, 3, 5]), DAY)
    assert not stressed_today(checkins([5, 5, 5, 5, 3]), DAY)
