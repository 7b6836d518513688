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
    ("site", "readings", "ran", "expected"),
    [
        ("hip-lateral", [(1, "at-night", 2)], False, "pain_at_rest"),  # once, mild
        ("hip-lateral", [(1, "at-night", 2), (3, "at-night", 1)], True, "pain_at_rest"),
        ("hip-lateral", [(1, "at-night", 5)], False, "red_flag_rest_pain"),  # 5/10 or more
        ("knee", [(2, "at-rest", 6)], False, "red_flag_rest_pain"),
        ("hip-front", [(1, "at-night", 2)], True, "red_flag_rest_pain"),  # groin, in a runner
        ("hip-front", [(1, "at-night", 2)], False, "pain_at_rest"),  # groin, no running at all
        (  # continuous: at rest and at night, three days running
            "hip-lateral",
            [(0, "at-rest", 2), (1, "at-night", 2), (2, "at-rest", 3)],
            False,
            "red_flag_rest_pain",
        ),
        (
            "hip-lateral",
            [(0, "at-night", 2), (1, "at-night", 2), (2, "at-night", 3)],
            True,
            "pain_at_rest",
        ),  # nightly ache lying on the side: not continuous pain
    ],
    ids=[
        "outer-hip-once",
        "outer-hip-two-nights",
        "five-of-ten",
        "knee-six-at-rest",
        "groin-runner",
        "groin-no-running",
        "continuous",
        "outer-hip-three-nights",
    ],
)
def test_pain_at_rest_or_at_night_follows_the_red_flag_list(
    site: str, readings: list[tuple[int, str, int]], ran: bool, expected: str
) -> None:
    entries = pain(
        [
            {"date": DAY - timedelta(days=d), "site": site, "moment": m, "score": s}
            for d, m, s in readings
        ]
    )
    history = runs([(DAY - timedelta(days=5), 8000)] if ran else [])
    [warning] = red_flag_warnings(entries, history, DAY)
    assert warning.id == expected
    if expected == "pain_at_rest":
        assert warning.severity == "caution" and warning.action.startswith("Hold your running")


def test_outer_hip_night_ache_explains_gluteal_tendons_and_keeps_running_easy() -> None:
    entries = pain(
        [{"date": DAY - timedelta(days=d), "moment": "at-night", "score": 2} for d in (1, 3)]
    )
    frame = daily(DAY, [50.0, 40.0, 0.0, 60.0, 45.0, 0.0, 90.0] * 8 + [0.0])
    advice = build_advice(frame, runs([(DAY - timedelta(days=2), 8000)]), entries,
                          daily(DAY, [])[:0], PROFILE, DAY)  # fmt: skip
    assert advice.kind == "easy"
    [warning] = [w for w in advice.warnings if w.id == "pain_at_rest"]
    assert "gluteal tendons" in warning.message
    assert "Grimaldi" in warning.source


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
