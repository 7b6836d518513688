"""Draft a training plan from the runner's real state today: one path for the Plan page and CLI.

Goals are checked here, each error naming the option or field the runner set, so nothing is
stored for a goal the planner cannot draft.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd

from pipelines import plans, queries
from pipelines.db import Connection
from pipelines.errors import InvalidEntry
from pipelines.metrics import refresh_if_stale
from training.planner.generate import generate_plan
from training.planner.model import (
    MAX_PLAN_WEEKS,
    MIN_PLAN_WEEKS,
    Goal,
    PlanSettings,
    PlanWeek,
    RaceGoal,
    VolumeGoal,
    monday_of,
)
from training.planner.runner import runner_model
from training.planner.shortfall import Shortfall, race_label, shortfall
from training.planner.state import start_state

MAX_GOAL_KM = 300.0  # beyond any race or training week a runner would plan here


def goal_window(today: date) -> tuple[date, date]:
    """The first and last goal dates a plan can have: its goal week 4-16 weeks from this one."""
    first = monday_of(today) + timedelta(weeks=MIN_PLAN_WEEKS - 1)
    last = monday_of(today) + timedelta(weeks=MAX_PLAN_WEEKS, days=-1)
    return first, last


def check_goal_day(option: str, day: date, today: date) -> date:
    """The goal date, or InvalidEntry naming `option` with the dates allowed."""
    first, last = goal_window(today)
    if not first <= day <= last:
        allowed = (
            f"a date {MIN_PLAN_WEEKS}-{MAX_PLAN_WEEKS} weeks away, "
            f"from {first.isoformat()} to {last.isoformat()}"
        )
        raise InvalidEntry(option, allowed, day.isoformat())
    return day


def check_km(option: str, km: float) -> float:
    """A distance in km above 0 and up to MAX_GOAL_KM, or InvalidEntry naming `option`."""
    if not math.isfinite(km) or not 0 < km <= MAX_GOAL_KM:
        raise InvalidEntry(option, f"a distance in km above 0, up to {MAX_GOAL_KM:g}", km)
    return km


def real_state(con: Connection, athlete_id: int, today: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Daily metrics up to today (extended first if stale) and every session, with load."""
    refresh_if_stale(con, athlete_id, today)
    daily = queries.daily_metrics(con, athlete_id, end=today)
    return daily, queries.activities(con, athlete_id).assign(athlete_id=athlete_id)


def default_name(goal: Goal) -> str:
    """'Half marathon on 14 Mar' or '40 km/week by 14 Mar'."""
    if isinstance(goal, RaceGoal):
        return f"{race_label(goal.race_distance_m).capitalize()} on {goal.race_date:%d %b %Y}"
    return f"{goal.weekly_distance_m / 1000:g} km/week by {goal.by:%d %b %Y}"


def unused_name(con: Connection, athlete_id: int, name: str) -> str:
    """`name`, or `name (2)`, `name (3)`… when the runner already has a plan called that."""
    taken = {p.name for p in plans.list_plans(con, athlete_id)}
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def draft_plan(
    con: Connection,
    athlete_id: int,
    today: date,
    goal: Goal,
    settings: PlanSettings,
    name: str,
) -> int:
    """Draft the weeks from today's real state, store them as the active plan; returns its id."""
    goal_day = goal.race_date if isinstance(goal, RaceGoal) else goal.by
    check_goal_day("goal date", goal_day, today)
    daily, activities = real_state(con, athlete_id, today)
    weeks = generate_plan(
        goal, start_state(daily, today), runner_model(activities, today), settings
    )
    return plans.create_plan(
        con,
        athlete_id,
        name,
        weeks,
        goal_kind="race" if isinstance(goal, RaceGoal) else "volume",
        goal_date=goal_day,
        goal_distance_m=goal.race_distance_m
        if isinstance(goal, RaceGoal)
        else goal.weekly_distance_m,
        build_weeks=settings.build_weeks,
        recovery_cut=settings.recovery_cut,
    )


def goal_of(plan: plans.StoredPlan) -> Goal | None:
    """The goal a plan was drafted for (None for a plan written by hand)."""
    if plan.goal_date is None:
        return None
    if plan.goal_kind == "race":
        return RaceGoal(plan.goal_date, plan.goal_distance_m)
    if plan.goal_kind == "volume" and plan.goal_distance_m:
        return VolumeGoal(plan.goal_distance_m, plan.goal_date)
    return None


def plan_shortfall(
    plan: plans.StoredPlan,
    daily: pd.DataFrame,
    activities: pd.DataFrame,
    today: date,
    weeks: Sequence[PlanWeek] | None = None,
) -> Shortfall | None:
    """What the plan (or its edited `weeks`) falls short of; the later date from today's state."""
    goal = goal_of(plan)
    if goal is None:
        return None
    model = runner_model(activities, today)
    planned = plan.weeks if weeks is None else weeks
    return shortfall(goal, planned, start_state(daily, today), model, settings_of(plan))


def settings_of(plan: plans.StoredPlan) -> PlanSettings:
    """The block settings a stored plan was drafted with."""
    return PlanSettings(build_weeks=plan.build_weeks, recovery_cut=plan.recovery_cut)


def later_goal(goal: Goal, day: date) -> Goal:
    """The same goal on another date."""
    if isinstance(goal, RaceGoal):
        return RaceGoal(day, goal.race_distance_m, goal.peak_weekly_distance_m)
    return VolumeGoal(goal.weekly_distance_m, day)
