"""Steady synthetic runners for planner tests: a usual week repeated, scored by the real engine."""

from __future__ import annotations

from datetime import date, timedelta

from tests.planner.strategies import Case
from training.planner.model import Goal, PlanSettings

TODAY = date(2026, 6, 1)  # a Monday, with twelve steady weeks behind it
HISTORY_DAYS = 84


def steady(
    week_m: dict[int, float], days: int = HISTORY_DAYS, today: date = TODAY
) -> tuple[float, ...]:
    """Metres run each day of a history ending `today`: one week (weekday → metres), repeated."""
    first = today - timedelta(days=days - 1)
    return tuple(week_m.get((first + timedelta(days=i)).weekday(), 0.0) for i in range(days))


THIRTY_KM = {1: 7000.0, 3: 7000.0, 5: 5000.0, 6: 11000.0}  # Tue, Thu, Sat, long run Sunday
FORTY_KM = {1: 9000.0, 3: 9000.0, 5: 7000.0, 6: 15000.0}
SIXTY_KM = {1: 12000.0, 2: 10000.0, 3: 12000.0, 5: 8000.0, 6: 20000.0}


def runner(week_m: dict[int, float], goal: Goal, settings: PlanSettings | None = None) -> Case:
    """A runner who has run `week_m` every week for twelve weeks, aiming at `goal`."""
    return Case(TODAY, steady(week_m), (0.0,) * HISTORY_DAYS, 6.0, goal, settings or PlanSettings())


def beginner(goal: Goal) -> Case:
    """Three 5 km runs in the last twelve days, nothing recorded before."""
    run_m = tuple(5000.0 if i in (0, 4, 9) else 0.0 for i in range(12))
    return Case(TODAY, run_m, (0.0,) * 12, 7.0, goal, PlanSettings())
