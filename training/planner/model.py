"""The plan as data: weeks with a type and a target, plus the settings a generator used."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

WeekType = Literal["build", "recovery", "taper", "race", "rest"]
TargetKind = Literal["distance", "time", "load"]
WEEK_TYPES: tuple[WeekType, ...] = ("build", "recovery", "taper", "race", "rest")
TARGET_KINDS: tuple[TargetKind, ...] = ("distance", "time", "load")

RECOVERY_CUT_DEFAULT = 0.30  # −20…−40 %; docs/science.md#recovery-weeks
RECOVERY_CUT_MIN = 0.20  # docs/science.md#recovery-weeks
RECOVERY_CUT_MAX = 0.40  # docs/science.md#recovery-weeks
MIN_PLAN_WEEKS = 4  # the planner drafts 4-16 weeks (docs/science.md#plan-limits)
MAX_PLAN_WEEKS = 16  # beyond ~4 months a plan is guesswork; re-plan instead


@dataclass(frozen=True)
class PlanWeek:
    """One Monday-to-Sunday week: its type, its target and how it is split into runs.

    `target` is metres for distance, seconds for time and load units (running sessions only)
    for load. `long_run_m` None lets the runner's usual long-run share decide; a race week puts
    the race on `long_run_weekday`.
    """

    week_start: date
    week_type: WeekType = "build"
    target_kind: TargetKind = "distance"
    target: float = 0.0
    runs: int = 4
    long_run_m: float | None = None
    long_run_weekday: int | None = None  # 0 = Monday; None: the runner's usual long-run day
    note: str = ""

    @property
    def week_end(self) -> date:
        """The Sunday that closes the week."""
        return self.week_start + timedelta(days=6)

    def shifted(self, weeks: int) -> PlanWeek:
        """The same week moved by a number of weeks (used when a recovery week is inserted)."""
        return replace(self, week_start=self.week_start + timedelta(weeks=weeks))


@dataclass(frozen=True)
class VolumeGoal:
    """Reach a weekly running distance by a date."""

    weekly_distance_m: float
    by: date


@dataclass(frozen=True)
class RaceGoal:
    """Arrive at a race fresh; the race distance (optional) becomes the race-day run."""

    race_date: date
    race_distance_m: float | None = None
    peak_weekly_distance_m: float | None = None  # None: the usual week +20 %


Goal = VolumeGoal | RaceGoal


@dataclass(frozen=True)
class PlanSettings:
    """How a block is shaped: build weeks per recovery week and the recovery cut."""

    build_weeks: int = 3  # 3:1 default; docs/science.md#recovery-weeks
    recovery_cut: float = RECOVERY_CUT_DEFAULT
    runs_per_week: int | None = None  # None: the runner's usual number of runs


def monday_of(day: date) -> date:
    """Monday of the week containing `day` (plans are Monday-aligned like the weekly charts)."""
    return day - timedelta(days=day.weekday())
