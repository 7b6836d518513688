"""One-click edits of a drafted plan: "insert a recovery week now"."""

from __future__ import annotations

from datetime import date, timedelta

from training.planner.model import MAX_PLAN_WEEKS, RECOVERY_CUT_DEFAULT, PlanWeek, monday_of
from training.planner.runner import RunnerModel
from training.planner.sessions import long_run_m, week_distance_m

ANCHORED = ("taper", "race")  # weeks tied to a race date never move


def recovery_week_start(today: date) -> date:
    """The week a recovery week inserted "now" replaces: the week that contains tomorrow."""
    return monday_of(today + timedelta(days=1))


def insert_recovery_week(
    weeks: list[PlanWeek],
    at: date,
    model: RunnerModel,
    *,
    cut: float = RECOVERY_CUT_DEFAULT,
    previous_distance_m: float = 0.0,
    previous_long_run_m: float = 0.0,
) -> list[PlanWeek]:
    """Make the week starting `at` a recovery week and push the rest of the block back a week.

    The recovery week is the week before it cut by `cut` (its long run too); `previous_*` stand
    in for that week when `at` is the plan's first week. Taper and race weeks keep their dates;
    build weeks that no longer fit before them drop out, and the plan keeps at most 16 weeks.
    """
    starts = [w.week_start for w in weeks]
    if at not in starts:
        raise ValueError(f"{at} is not the start of a week in this plan")
    index = starts.index(at)
    if weeks[index].week_type in ANCHORED:
        raise ValueError("taper and race weeks already reduce the load")
    if index > 0:
        before = weeks[index - 1]
        previous_distance_m = week_distance_m(before, model)
        previous_long_run_m = long_run_m(before, model)
    recovery = PlanWeek(
        at,
        "recovery",
        "distance",
        round(previous_distance_m * (1 - cut), -2),
        weeks[index].runs,
        round(previous_long_run_m * (1 - cut), -2) if previous_long_run_m > 0 else None,
        note=f"Recovery week inserted: −{cut:.0%}",
    )
    anchored = [w for w in weeks[index:] if w.week_type in ANCHORED]
    limit = min((w.week_start for w in anchored), default=None)
    moved = [w.shifted(1) for w in weeks[index:] if w.week_type not in ANCHORED]
    if limit is not None:
        moved = [w for w in moved if w.week_start < limit]
    result = [*weeks[:index], recovery, *moved, *anchored]
    return result[:MAX_PLAN_WEEKS]
