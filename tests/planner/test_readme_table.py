"""The README's plan table is what the planner drafts for its three runners (regenerate it here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from tests.conftest import ROOT
from tests.planner.runners import SIXTY_KM, THIRTY_KM, TODAY, beginner, runner
from tests.planner.strategies import Case
from training.planner.model import Goal, RaceGoal
from training.planner.shortfall import plan_reach, race_label, shortfall

RACE_DAY = TODAY + timedelta(weeks=15, days=6)  # the Sunday that ends the 16th plan week
RUNNERS: list[tuple[str, Callable[[Goal], Case]]] = [
    ("beginner: three 5 km runs in 12 days", beginner),
    ("30 km/week, 4 runs", lambda goal: runner(THIRTY_KM, goal)),
    ("60 km/week, 5 runs", lambda goal: runner(SIXTY_KM, goal)),
]
RACES_M = [10000.0, 21097.5, 42195.0]


def table_row(label: str, make: Callable[[Goal], Case], race_m: float) -> str:
    """One row of the README table, drafted and checked by the real planner."""
    case = make(RaceGoal(RACE_DAY, race_m))
    weeks, model = case.plan(), case.model()
    weekly, longest = plan_reach(weeks, model, case.state())
    short = shortfall(case.goal, weeks, case.state(), model, case.settings)
    if short is None:
        gap = "none"
    else:
        weeks_more = short.extra_weeks
        more = (
            "more than a year"
            if weeks_more is None
            else f"about {weeks_more} more week{'s' if weeks_more != 1 else ''}"
        )
        gap = f"a {short.needed_m / 1000:.0f} km long run needs {more}"
    return (
        f"| {label} | {race_label(race_m)} | {len(weeks)} | {weekly / 1000:.0f} km | "
        f"{longest / 1000:.1f} km | {gap} |"
    )


@pytest.mark.parametrize("race_m", RACES_M, ids=["10k", "half", "marathon"])
@pytest.mark.parametrize(("label", "make"), RUNNERS, ids=["beginner", "30km", "60km"])
def test_readme_plan_table_matches_the_planner(
    label: str, make: Callable[[Goal], Case], race_m: float
) -> None:
    readme = (ROOT / "README.md").read_text()
    assert table_row(label, make, race_m) in readme
