"""Red flags: every answer becomes a 'see a clinician' warning, and it overrides any advice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.coach.helpers import PROFILE, daily, pain, runs
from training.coach.advice import build_advice
from training.coach.red_flags import FLAG_WORDS, URGENT_FLAGS, red_flag_warnings

DAY = date(2026, 3, 10)


@pytest.mark.parametrize("flag", sorted(FLAG_WORDS))
def test_each_red_flag_answer_is_a_red_flag(flag: str) -> None:
    entries = pain(
        [{"date": DAY - timedelta(days=2), "moment": "after-run", "score": 5, "red_flags": [flag]}]
    )
    [warning] = [w for w in red_flag_warnings(entries, runs([]), DAY) if w.id != "pain_at_rest"]
    assert warning.is_red_flag
    assert warning.severity == ("urgent" if flag in URGENT_FLAGS else "high")
    assert "Stop running" in warning.action
    assert ("today" in warning.action) is (flag in URGENT_FLAGS)


def test_red_flags_expire_after_two_weeks() -> None:
    entries = pain(
        [
            {
                "date": DAY - timedelta(days=14),
                "moment": "after-run",
                "score": 5,
                "red_flags": ["numbness"],
            }
        ]
    )
    assert red_flag_warnings(entries, runs([]), DAY) == []


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        ([(1, 2)], "pain_at_rest"),  # once, mild: a note
        ([(1, 5)], "red_flag_rest_pain"),  # moderate or worse
        ([(1, 2), (3, 1)], "red_flag_rest_pain"),  # on two days in a week
    ],
)
def test_pain_at_rest_or_at_night(readings: list[tuple[int, int]], expected: str) -> None:
    entries = pain(
        [{"date": DAY - timedelta(days=d), "moment": "at-night", "score": s} for d, s in readings]
    )
    [warning] = red_flag_warnings(entries, runs([]), DAY)
    assert warning.id == expected


def test_pain_not_settling_after_two_consecutive_runs() -> None:
    run_days = [DAY - timedelta(days=4), DAY - timedelta(days=2)]
    entries = pain(
        [
            {"date": d + timedelta(days=1), "moment": "next-morning", "score": s}
            for d, s in zip(run_days, [3, 5], strict=True)
        ]
    )
    found = {w.id for w in red_flag_warnings(entries, runs([(d, 8000) for d in run_days]), DAY)}
    assert "red_flag_pain_not_settling" in found
    one = pain([{"date": run_days[1] + timedelta(days=1), "moment": "next-morning", "score": 4}])
    found = {w.id for w in red_flag_warnings(one, runs([(d, 8000) for d in run_days]), DAY)}
    assert "red_flag_pain_not_settling" not in found


@pytest.mark.parametrize("flag", sorted(FLAG_WORDS))
@pytest.mark.parametrize(
    "loads",
    [[50.0] * 60, [40.0] * 42 + [150.0] * 7, [10.0] * 60],
    ids=["steady", "overreaching", "light"],
)
def test_red_flags_always_win(flag: str, loads: list[float]) -> None:
    frame = daily(DAY, loads)
    entries = pain([{"date": DAY, "moment": "during-run", "score": 2, "red_flags": [flag]}])
    advice = build_advice(frame, runs([]), entries, daily(DAY, [])[:0], PROFILE, DAY)
    assert advice.kind == "see_clinician"
    assert advice.warnings[0].is_red_flag
    assert advice.cap.minutes == 0
