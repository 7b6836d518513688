"""A drafted plan does not trip the app's own warnings without saying why."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

import pytest

from tests.planner.runners import FORTY_KM, THIRTY_KM, TODAY, runner
from tests.planner.strategies import Case
from training.planner.model import Goal, PlanSettings, RaceGoal, VolumeGoal
from training.planner.outlook import plan_outlook
from training.planner.review import WeekReview
from training.profile import AthleteProfile

RACE_DAY = TODAY + timedelta(weeks=15, days=6)
GOALS: list[tuple[str, Goal]] = [
    ("10k", RaceGoal(RACE_DAY, 10000.0)),
    ("half", RaceGoal(RACE_DAY, 21097.5)),
    ("marathon", RaceGoal(RACE_DAY, 42195.0)),
    ("45-km-weeks", VolumeGoal(45000.0, RACE_DAY)),
]


def _reviews(case: Case) -> list[WeekReview]:
    weeks = case.plan()
    return plan_outlook(weeks, case.history(), case.activities(), TODAY, AthleteProfile()).reviews


@pytest.mark.parametrize("pattern", [3, 2], ids=["3to1", "2to1"])
@pytest.mark.parametrize(("label", "goal"), GOALS, ids=[g[0] for g in GOALS])
def test_a_steady_runners_plan_flags_nothing_and_explains_the_week_after_recovery(
    label: str, goal: Goal, pattern: int
) -> None:
    reviews = _reviews(runner(THIRTY_KM, goal, PlanSettings(build_weeks=pattern)))
    flagged = [
        (r.week.week_start, w.id) for r in reviews for w in r.warnings if w.severity != "info"
    ]
    assert flagged == []
    after_recovery = [r for before, r in pairwise(reviews) if before.week.week_type == "recovery"]
    assert after_recovery, "the block has recovery weeks"
    for review in after_recovery:
        ids = [w.id for w in review.warnings]
        assert "weekly_distance_jump" not in ids
        assert "back_to_build" in ids
        note = next(w for w in review.warnings if w.id == "back_to_build")
        assert "recovery week" in note.message and f"{review.planned_distance_m / 1000:.1f} km" in (
            note.message
        )


def test_a_real_jump_written_into_a_plan_stays_flagged() -> None:
    """The explanations cover what the plan does by design, not a week a runner doubles."""
    case = runner(FORTY_KM, VolumeGoal(45000.0, RACE_DAY))
    weeks = case.plan()
    jumped = [*weeks[:4], replace(weeks[4], target=weeks[2].target * 1.6), *weeks[5:]]
    reviews = plan_outlook(jumped, case.history(), case.activities(), TODAY, AthleteProfile())
    ids = [w.id for w in reviews.reviews[4].warnings]
    assert "weekly_distance_jump" in ids
    assert "back_to_build" not in ids
