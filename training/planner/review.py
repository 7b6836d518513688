"""Week-by-week review of a plan: planned vs actual, projected form, and the coach's flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from training.coach.load_rules import load_warnings
from training.coach.warning import Warning
from training.fitness import LONGEST_RUN_WINDOW_DAYS
from training.planner.explain import PlanShape, explain, plan_shape
from training.planner.fit import ROUND_M
from training.planner.limits import return_week_m
from training.planner.model import PlanWeek
from training.planner.projection import days_until_fresh
from training.planner.runner import RunnerModel
from training.planner.sessions import planned_runs
from training.profile import AthleteProfile

LOOKBACK_DAYS = 2 * LONGEST_RUN_WINDOW_DAYS  # enough history for every rule's own window
EASING_WEEKS = ("recovery", "taper", "race", "rest")


@dataclass(frozen=True)
class WeekReview:
    """One plan week: what was planned, what happened so far, what the model expects."""

    week: PlanWeek
    planned_distance_m: float
    actual_distance_m: float | None  # None for weeks that have not started
    adherence: float | None  # actual / planned distance of weeks that have ended
    form_after: float | None  # projected (or real) morning form on the following Monday
    days_until_fresh: int | None  # for easing weeks: days until morning form is above +5
    warnings: tuple[Warning, ...]


def combined_daily(history: pd.DataFrame, projection: pd.DataFrame) -> pd.DataFrame:
    """Real daily metrics followed by the projected ones, as one frame."""
    frames = [f for f in (history, projection) if not f.empty]
    if not frames:
        return projection
    out = pd.concat(frames, ignore_index=True)
    return out.assign(date=pd.to_datetime(out["date"]))


def _week_warnings(
    daily: pd.DataFrame,
    runs: pd.DataFrame,
    week: PlanWeek,
    today: date,
    profile: AthleteProfile,
    model: RunnerModel,
    shape: PlanShape,
) -> tuple[Warning, ...]:
    """Every coach warning that fires after any projected day of the week, most serious kept.

    The coach reads the end of yesterday each morning, so each day of the week is judged on the
    morning after it (the week's Sunday on the next Monday morning), counting only the week's own
    runs. Warnings the plan trips by design come back as info notes that say why (explain).
    """
    start = max(week.week_start, today + timedelta(days=1))
    window_start = pd.Timestamp(start - timedelta(days=LOOKBACK_DAYS))
    morning_after = pd.Timestamp(week.week_end + timedelta(days=1))
    recent = daily[(daily["date"] >= window_start) & (daily["date"] <= morning_after)]
    run_dates = pd.to_datetime(runs["date"])
    recent_runs = runs[(run_dates >= window_start) & (run_dates <= pd.Timestamp(week.week_end))]
    found: dict[str, Warning] = {}
    end_row = recent[recent["date"] == pd.Timestamp(week.week_end)]
    rolling = end_row["acwr_rolling"].iloc[0] if not end_row.empty else None
    week_ratio = None if rolling is None or pd.isna(rolling) else float(rolling)
    floor = return_week_m(week.runs)
    planned = sum(r.distance_m for r in planned_runs(week, model, shape.race_day))
    at_floor = floor if 0 < planned <= floor + ROUND_M else None
    day = start
    while day <= week.week_end:
        for raw in load_warnings(recent, day + timedelta(days=1), profile, recent_runs):
            warning = explain(raw, day, shape, week_ratio, at_floor)
            kept = found.get(warning.id)
            if kept is None or warning.rank > kept.rank:
                found[warning.id] = warning
        day += timedelta(days=1)
    return tuple(sorted(found.values(), key=lambda w: -w.rank))


def review_weeks(
    weeks: list[PlanWeek],
    model: RunnerModel,
    daily: pd.DataFrame,
    runs: pd.DataFrame,
    today: date,
    profile: AthleteProfile,
) -> list[WeekReview]:
    """Review each week; `daily` is combined_daily(), `runs` real and planned runs."""
    dates = pd.to_datetime(daily["date"]).dt.date if not daily.empty else pd.Series(dtype=object)
    shape = plan_shape(weeks, model)
    reviews = []
    for week in weeks:
        in_week = daily[(dates >= week.week_start) & (dates <= week.week_end)]
        real = in_week[pd.to_datetime(in_week["date"]).dt.date <= today]
        planned = sum(r.distance_m for r in planned_runs(week, model, shape.race_day))
        started = week.week_start <= today
        actual = float(real["distance_m"].sum()) if started else None
        ended = week.week_end <= today
        next_monday = daily[dates == week.week_end + timedelta(days=1)]
        easing = week.week_type in EASING_WEEKS
        reviews.append(
            WeekReview(
                week=week,
                planned_distance_m=planned,
                actual_distance_m=actual,
                adherence=actual / planned
                if ended and actual is not None and planned > 0
                else None,
                form_after=float(next_monday["tsb"].iloc[0]) if not next_monday.empty else None,
                days_until_fresh=days_until_fresh(daily, week.week_start) if easing else None,
                warnings=()
                if ended
                else _week_warnings(daily, runs, week, today, profile, model, shape),
            )
        )
    return reviews
