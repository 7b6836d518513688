"""A stored plan seen from today, as terminal lines or as the documented JSON document."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from pipelines.plan_drafts import goal_of
from pipelines.plans import StoredPlan
from training.bands import form_meaning
from training.planner.model import PlanWeek, RaceGoal
from training.planner.outlook import Outlook
from training.planner.race import race_day_of
from training.planner.runner import RunnerModel
from training.planner.sessions import PlannedRun, planned_runs
from training.planner.shortfall import Shortfall


def week_runs(weeks: Sequence[PlanWeek], model: RunnerModel) -> dict[date, list[PlannedRun]]:
    """Each week's planned runs, the race placed as the sessions place it."""
    race_day = race_day_of(weeks, model.long_run_weekday)
    return {w.week_start: planned_runs(w, model, race_day) for w in weeks}


def week_name(week: PlanWeek, weeks: Sequence[PlanWeek]) -> str:
    """'build week', 'recovery week', 'taper week 1 of 2', 'race week'."""
    if week.week_type != "taper":
        return f"{week.week_type} week"
    tapers = [w.week_start for w in weeks if w.week_type == "taper"]
    if len(tapers) == 1:
        return "taper week"
    return f"taper week {tapers.index(week.week_start) + 1} of {len(tapers)}"


def week_detail(week: PlanWeek, runs: list[PlannedRun]) -> str:
    """'4 runs, long run 14.1 km' or 'race Sun 28 Feb 42.2 km after 3 short runs'."""
    race = next((r for r in runs if r.kind == "race"), None)
    if race is not None:
        before = len(runs) - 1
        return f"race {race.day:%a %d %b}: {race.distance_m / 1000:.1f} km" + (
            f", after {before} short run{'s' if before != 1 else ''}" if before else ", alone"
        )
    long_run = next((r for r in runs if r.kind == "long_run"), None)
    detail = f"{len(runs)} run{'s' if len(runs) != 1 else ''}"
    if long_run is not None:
        detail += f", long run {long_run.distance_m / 1000:.1f} km"
    elif week.week_type == "taper" and runs:
        detail += ", no long run this close to the race"
    return detail


def plan_lines(plan: StoredPlan, outlook: Outlook, short: Shortfall | None) -> list[str]:
    """The plan week by week: type, planned km, runs, form after, and each week's flags."""
    lines = [f"{plan.name}: {len(plan.weeks)} weeks"]
    if short is not None:
        lines.append(f"  Shortfall: {short.sentence}")
    runs = week_runs(plan.weeks, outlook.model)
    for review in outlook.reviews:
        week = review.week
        line = (
            f"  {week.week_start:%a %d %b %Y}  {week_name(week, plan.weeks):<18} "
            f"{review.planned_distance_m / 1000:5.1f} km planned "
            f"({week_detail(week, runs[week.week_start])})"
        )
        if review.actual_distance_m is not None:
            line += f", {review.actual_distance_m / 1000:.1f} km run"
        if review.form_after is not None:
            line += f"; form after {review.form_after:+.0f} ({form_meaning(review.form_after)})"
        lines.append(line)
        for warning in review.warnings:
            lines.append(f"      {warning.severity}: {warning.message}")
    return lines


def _number(value: Any, digits: int) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), digits)


def _end_of_week(daily: pd.DataFrame, day: date) -> dict[str, float | None]:
    rows = daily[pd.to_datetime(daily["date"]).dt.date == day] if not daily.empty else daily
    if rows.empty:
        return {"fitness": None, "fatigue": None, "form": None, "acwr": None}
    row = rows.iloc[-1]
    return {
        "fitness": _number(row["ctl"], 1),
        "fatigue": _number(row["atl"], 1),
        "form": _number(row["ctl"] - row["atl"], 1),
        "acwr": _number(row["acwr"], 2),
    }


def plan_document(plan: StoredPlan, outlook: Outlook, short: Shortfall | None) -> dict[str, Any]:
    """The JSON document of `stridewise plan show --json` (dates YYYY-MM-DD, km as numbers)."""
    goal = goal_of(plan)
    goal_doc = None
    if goal is not None:
        race = isinstance(goal, RaceGoal)
        distance_m = goal.race_distance_m if isinstance(goal, RaceGoal) else None
        weekly_m = None if isinstance(goal, RaceGoal) else goal.weekly_distance_m
        goal_doc = {
            "kind": "race" if race else "weekly",
            "date": (goal.race_date if isinstance(goal, RaceGoal) else goal.by).isoformat(),
            "distance_km": None if distance_m is None else round(distance_m / 1000, 3),
            "weekly_km": None if weekly_m is None else round(weekly_m / 1000, 1),
        }
    runs = week_runs(plan.weeks, outlook.model)
    weeks = []
    for review in outlook.reviews:
        this_week = runs[review.week.week_start]
        longest = [r.distance_m for r in this_week if r.kind == "long_run"]
        weeks.append(
            {
                "start": review.week.week_start.isoformat(),
                "type": review.week.week_type,
                "km": round(review.planned_distance_m / 1000, 1),
                "runs": len(this_week),
                "long_run_km": round(max(longest) / 1000, 1) if longest else None,
                "end_of_week": _end_of_week(outlook.daily, review.week.week_end),
                "warnings": [w.id for w in review.warnings],
            }
        )
    sessions = [
        {
            "date": row["date"].isoformat(),
            "kind": row["kind"],
            "km": round(row["distance_m"] / 1000, 1),
            "minutes": round(row["moving_time_s"] / 60),
            "title": row["title"],
        }
        for row in outlook.sessions.to_dict("records")
    ]
    return {
        "name": plan.name,
        "goal": goal_doc,
        "shortfall": None if short is None else short.sentence,
        "weeks": weeks,
        "sessions": sessions,
    }
