"""Pain-monitoring rules (Silbernagel 2007) at their boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.coach.helpers import pain, runs
from training.coach.pain_rules import describe_site, pain_warnings

DAY = date(2026, 3, 10)
YESTERDAY = DAY - timedelta(days=1)


@pytest.mark.parametrize(
    ("score", "severity"), [(3, None), (4, "caution"), (5, "caution"), (6, "high")]
)
def test_pain_during_a_run(score: int, severity: str | None) -> None:
    entries = pain([{"date": YESTERDAY, "moment": "during-run", "score": score}])
    found = {w.id: w.severity for w in pain_warnings(entries, runs([(YESTERDAY, 8000)]), DAY)}
    assert found.get("pain_during_run") == severity


def test_the_latest_reading_per_site_counts() -> None:
    entries = pain(
        [
            {"date": DAY - timedelta(days=3), "moment": "during-run", "score": 7},
            {"date": YESTERDAY, "moment": "during-run", "score": 2},
        ]
    )
    assert pain_warnings(entries, runs([(YESTERDAY, 8000)]), DAY) == []


@pytest.mark.parametrize(
    ("before", "after", "severity"),
    [
        (3, 3, None),  # back to the pre-run level
        (0, 2, None),  # within the 0-2 safe zone
        (2, 3, "caution"),  # above the pre-run level
        (5, 6, "high"),  # above 5/10
    ],
)
def test_the_morning_after(before: int, after: int, severity: str | None) -> None:
    entries = pain(
        [
            {"date": YESTERDAY, "moment": "next-morning", "score": before},
            {"date": DAY, "moment": "next-morning", "score": after},
        ]
    )
    found = {w.id: w for w in pain_warnings(entries, runs([(YESTERDAY, 8000)]), DAY)}
    warning = found.get("pain_next_morning")
    assert (warning and warning.severity) == severity
    if warning:
        assert warning.numbers["baseline_score"] == before
        assert warning.numbers["morning_score"] == after


def test_weekly_pain_rising_two_weeks_running() -> None:
    scores = {20: 1, 13: 2, 6: 3}  # days before DAY: one reading in each 7-day window
    entries = pain(
        [
            {"date": DAY - timedelta(days=d), "moment": "after-run", "score": s}
            for d, s in scores.items()
        ]
    )
    found = {w.id: w for w in pain_warnings(entries, runs([]), DAY)}
    assert found["pain_trend_rising"].severity == "high"
    assert found["pain_trend_rising"].numbers["this_week"] == 3.0
    flat = pain(
        [{"date": DAY - timedelta(days=d), "moment": "after-run", "score": 2} for d in scores]
    )
    assert pain_warnings(flat, runs([]), DAY) == []


def test_site_words() -> None:
    assert describe_site("hip-lateral", "left") == "left outer hip"
    assert describe_site("other", "both", "big toe") == "big toe"
