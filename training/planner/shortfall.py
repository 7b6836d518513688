"""When a goal is out of safe reach by its date: what the plan reaches, and when it would work.

"Safe" means what the generator allows (training.planner.generate): the same limits, run on and
on from today's real state until the goal is reached, give the later date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from training.planner.fit import ROUND_M
from training.planner.generate import block_types, draft_weeks
from training.planner.model import Goal, PlanSettings, PlanWeek, RaceGoal, VolumeGoal, monday_of
from training.planner.race import long_run_target_m, race_day_of, taper_weeks
from training.planner.runner import RunnerModel
from training.planner.sessions import planned_runs, week_distance_m
from training.planner.state import StartState

SEARCH_WEEKS = 52  # look up to a year ahead for a date that would work
HALF_MARATHON_KM = 21.1
MARATHON_KM = 42.2


@dataclass(frozen=True)
class Shortfall:
    """A goal the plan cannot reach safely by its date, with the numbers it does reach."""

    goal: Goal
    weekly_m: float  # the plan's biggest week (a weekly goal: its last week)
    long_run_m: float  # the plan's longest run before the race
    needed_m: float  # the weekly goal, or the race's long-run goal
    later_day: date | None  # None: not within SEARCH_WEEKS

    @property
    def extra_weeks(self) -> int | None:
        """Weeks past the goal date the goal needs (None: more than a year)."""
        if self.later_day is None:
            return None
        return (self.later_day - _goal_day(self.goal)).days // 7

    @property
    def sentence(self) -> str:
        """The shortfall in one sentence, with the numbers and the later date."""
        reach = f"{self.weekly_m / 1000:.0f} km/week and a {self.long_run_m / 1000:.0f} km long run"
        day = _goal_day(self.goal)
        if isinstance(self.goal, RaceGoal):
            head = f"Before the race on {day:%a %d %b} you can safely build to {reach}; "
            need = (
                f"the {self.needed_m / 1000:.0f} km long runs a "
                f"{race_label(self.goal.race_distance_m)} calls for need"
            )
            when = "a race on {:%a %d %b %Y} or later would work"
        else:
            head = f"By {day:%a %d %b} you can safely reach {reach}; "
            need = f"{self.needed_m / 1000:.0f} km/week needs"
            when = "a goal date of {:%a %d %b %Y} would work"
        if self.extra_weeks is None or self.later_day is None:
            return head + need + " more than a year of gradual building from here."
        weeks = f"about {self.extra_weeks} more week" + ("s" if self.extra_weeks != 1 else "")
        return head + f"{need} {weeks}: " + when.format(self.later_day) + "."


def race_label(distance_m: float | None) -> str:
    """'half marathon', 'marathon', or '10 km race'."""
    if distance_m is None:
        return "race"
    km = distance_m / 1000
    if abs(km - HALF_MARATHON_KM) < 0.1:
        return "half marathon"
    if abs(km - MARATHON_KM) < 0.1:
        return "marathon"
    return f"{km:g} km race"


def _goal_day(goal: Goal) -> date:
    return goal.race_date if isinstance(goal, RaceGoal) else goal.by


def _needed_m(goal: Goal) -> float | None:
    if isinstance(goal, VolumeGoal):
        return goal.weekly_distance_m
    return long_run_target_m(goal.race_distance_m)


def plan_reach(
    weeks: Sequence[PlanWeek], model: RunnerModel, state: StartState | None = None
) -> tuple[float, float]:
    """(biggest week, longest run other than the race) of a plan, in metres.

    With the runner's `state`, days up to today count as run, not planned: their runs are the
    real longest of the last 30 days, and only later runs are the plan's.
    """
    race_day = race_day_of(weeks, model.long_run_weekday)
    after = date.min if state is None else state.today
    planned = [
        run.distance_m
        for week in weeks
        for run in planned_runs(week, model, race_day)
        if run.kind != "race" and run.day > after
    ]
    real = [] if state is None else list(state.longest_by_day.values())
    training = [w for w in weeks if w.week_type != "race"]
    weekly = max((week_distance_m(w, model) for w in training), default=0.0)
    return weekly, max([*planned, *real], default=0.0)


def _longest_run_m(week: PlanWeek, model: RunnerModel, after: date) -> float:
    runs = planned_runs(week, model)
    return max((r.distance_m for r in runs if r.kind != "race" and r.day > after), default=0.0)


def _later_day(
    goal: Goal, state: StartState, model: RunnerModel, settings: PlanSettings, needed: float
) -> date | None:
    """The first goal date the same limits reach, building on from today without a deadline."""
    types = block_types(SEARCH_WEEKS, settings.build_weeks)
    weeks = draft_weeks(goal, state, model, settings, types, None)
    goal_index = (monday_of(_goal_day(goal)) - monday_of(state.today)).days // 7
    for i, week in enumerate(weeks):
        if isinstance(goal, RaceGoal):
            if _longest_run_m(week, model, state.today) >= needed - ROUND_M:
                race_index = i + taper_weeks(goal.race_date) + 1
                return goal.race_date + timedelta(weeks=max(1, race_index - goal_index))
        elif week.week_type == "build" and week_distance_m(week, model) >= needed - ROUND_M:
            return goal.by + timedelta(weeks=max(1, i - goal_index))
    return None


def shortfall(
    goal: Goal,
    weeks: Sequence[PlanWeek],
    state: StartState,
    model: RunnerModel,
    settings: PlanSettings,
) -> Shortfall | None:
    """What the plan falls short of (None when it reaches the goal, or the goal sets none).

    A weekly goal is reached when the plan's last week is at the goal; a race goal when the
    plan's longest run reaches the race's long-run goal (training.planner.race).
    """
    needed = _needed_m(goal)
    if needed is None or not weeks:
        return None
    weekly, longest = plan_reach(weeks, model, state)
    if isinstance(goal, VolumeGoal):
        weekly = week_distance_m(weeks[-1], model)
        if weekly >= needed - ROUND_M:
            return None
    elif longest >= needed - ROUND_M:
        return None
    later = _later_day(goal, state, model, settings, needed)
    return Shortfall(goal, weekly, longest, needed, later)
