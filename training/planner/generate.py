"""Draft a block from today's real state: builds, recovery weeks every 3rd or 4th week, a taper.

Recovery-week patterns (3:1, 2:1) and the 20-40 % cut are coaching conventions, not trial
results (docs/science.md#recovery-weeks). Weekly volume and the long run build on separate
rules: the week grows by at most 10 % within the load ratio (training.planner.fit), the long run
within 110 % of the longest run in the 30 days before it, towards the race's long-run goal
(training.planner.race) and at most half the week. A recovery week cuts both; the week after it
returns to the last build week's volume before the build goes on. Race plans end with the taper
and the race (training.planner.race); weekly-distance plans end on a build week.

A runner with almost no recent running has no base for a load ratio, so build weeks never aim
below the return-to-run week (limits.return_week_m) and hold there, within the single-run caps,
until the chronic load is large enough for the ratios to allow growth above it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from training.planner.fit import ROUND_M, WeekFitter, floor_m
from training.planner.limits import return_week_m
from training.planner.model import (
    MAX_PLAN_WEEKS,
    MIN_PLAN_WEEKS,
    Goal,
    PlanSettings,
    PlanWeek,
    RaceGoal,
    VolumeGoal,
    WeekType,
    monday_of,
)
from training.planner.race import (
    LONG_RUN_SPACING_DAYS,
    TAPER_FACTORS,
    long_run_allowed,
    long_run_max_share,
    long_run_target_m,
    run_allowed,
    taper_weeks,
)
from training.planner.runner import RunnerModel
from training.planner.sessions import planned_runs
from training.planner.state import StartState

BUILD_STEP = 0.10  # at most +10 % a build week: gradual by convention (Buist 2008: no rule proven)
RACE_PEAK_GAIN = 0.20  # race-block peak at least the usual week +20 % (a cautious choice)


def block_types(weeks: int, build_weeks: int) -> list[WeekType]:
    """`build_weeks` build weeks, then a recovery week, over and over."""
    return ["recovery" if i % (build_weeks + 1) == build_weeks else "build" for i in range(weeks)]


def week_types(goal: Goal, weeks: int, build_weeks: int) -> list[WeekType]:
    """Build and recovery weeks in the chosen pattern, ending on the taper and race or a build."""
    types = block_types(weeks, build_weeks)
    if isinstance(goal, RaceGoal):
        tapering = taper_weeks(goal.race_date)
        types[-1] = "race"
        types[-1 - tapering : -1] = ["taper"] * tapering
        if weeks > tapering + 1 and types[-2 - tapering] == "recovery":
            types[-2 - tapering] = "build"  # a recovery week right before the taper adds nothing
    elif types[-1] == "recovery":
        types[-1] = "build"  # the goal week is a build week at the goal
    return types


def week_count(goal: Goal, today: date) -> int:
    """Weeks from this week to the goal week; ValueError outside 4-16."""
    last = goal.race_date if isinstance(goal, RaceGoal) else goal.by
    weeks = (monday_of(last) - monday_of(today)).days // 7 + 1
    if not MIN_PLAN_WEEKS <= weeks <= MAX_PLAN_WEEKS:
        raise ValueError(f"the goal date must be {MIN_PLAN_WEEKS}-{MAX_PLAN_WEEKS} weeks away")
    return weeks


class _Block:
    """The block's progress so far: last build week, peak, long runs; fits each next week."""

    def __init__(
        self,
        goal: Goal,
        state: StartState,
        model: RunnerModel,
        settings: PlanSettings,
        race_day: date | None,
    ) -> None:
        self.goal = goal
        self.model = model
        self.settings = settings
        self.race_day = race_day
        self.runs = settings.runs_per_week or model.usual_runs
        self.fitter = WeekFitter(state, model, race_day)
        self.last_build = self.peak = state.base_distance_m
        self.last_long = self.peak_long = 0.0
        self.last_long_day: date | None = None
        race_m = goal.race_distance_m if isinstance(goal, RaceGoal) else None
        self.long_target = long_run_target_m(race_m)
        if isinstance(goal, VolumeGoal):
            self.ceiling = goal.weekly_distance_m
        else:
            carries_long = (self.long_target or 0.0) / long_run_max_share(self.runs)
            self.ceiling = goal.peak_weekly_distance_m or max(
                state.base_distance_m * (1 + RACE_PEAK_GAIN), return_week_m(self.runs), carries_long
            )

    def _usual_long(self, distance: float) -> float:
        return max(self.model.long_run_share, 1.0 / max(self.runs, 1)) * distance

    def _build_long(self, distance: float) -> float:
        """The runner's usual long run, or more towards the race's long-run goal (within its
        share of the week: half, or twice the other run when there are two). A return-to-run
        week keeps its runs equal: a long run starts once the week is above it."""
        if distance <= return_week_m(self.runs):
            return distance / max(self.runs, 1)
        usual = self._usual_long(distance)
        if self.long_target is None:
            return usual
        return max(usual, min(self.long_target, long_run_max_share(self.runs) * distance))

    def _after(self, week: PlanWeek) -> PlanWeek:
        for run in planned_runs(week, self.model, self.race_day):
            if run.kind == "long_run":
                self.last_long_day = run.day
        return week

    def build(self, start: date, after_recovery: bool) -> PlanWeek:
        hold = max(self.last_build, return_week_m(self.runs))
        grown = hold if after_recovery else max(self.last_build * (1 + BUILD_STEP), hold)
        desired = min(grown, self.ceiling)
        week = PlanWeek(start, "build", runs=self.runs)
        week = self.fitter.fit(week, desired, self._build_long, hold)
        if after_recovery:
            week = replace(week, note="Back to the last build week's volume after recovery")
        if isinstance(self.goal, VolumeGoal) and week.week_start == monday_of(self.goal.by):
            week = replace(week, note="Goal week")
        self.last_build, self.peak = week.target, max(self.peak, week.target)
        self.last_long = week.long_run_m or 0.0
        self.peak_long = max(self.peak_long, self.last_long)
        return self._after(week)

    def recovery(self, start: date) -> PlanWeek:
        cut = self.settings.recovery_cut
        share = self.last_long / self.last_build if self.last_build > 0 else 0.0
        week = self.fitter.fit(
            PlanWeek(start, "recovery", runs=self.runs, note=f"Recovery week: −{cut:.0%}"),
            self.last_build * (1.0 - cut),
            (lambda d: share * d) if share > 0 else self._usual_long,
        )
        return self._after(week)

    def _taper_long_weekday(self, start: date) -> int | None:
        """The usual long-run day, or the latest earlier one far enough from the race and the
        last long run; None when the week has no room for a long run."""
        for weekday in range(self.model.long_run_weekday, -1, -1):
            day = start + timedelta(days=weekday)
            spaced = self.last_long_day is None or (
                (day - self.last_long_day).days >= LONG_RUN_SPACING_DAYS
            )
            if spaced and long_run_allowed(day, self.race_day):
                return weekday
        return None

    def taper(self, start: date, factor: float) -> PlanWeek:
        weekday = self._taper_long_weekday(start)
        note = f"Taper: −{1 - factor:.0%} volume, as many runs (Bosquet et al. 2007)"
        week = PlanWeek(start, "taper", runs=self.runs, long_run_weekday=weekday, note=note)
        share = self.peak_long / self.peak if self.peak > 0 else 0.0
        if weekday is None:
            week = self.fitter.fit(week, self.peak * factor, lambda d: d / max(self.runs, 1))
            week = replace(week, long_run_m=None, note=note + "; no long run this close to race")
        else:
            week = self.fitter.fit(week, self.peak * factor, lambda d: share * d)
        return self._after(week)

    def race(self, start: date) -> PlanWeek:
        assert isinstance(self.goal, RaceGoal) and self.race_day is not None
        race_m, race_date = self.goal.race_distance_m or self.peak_long, self.goal.race_date
        free = [d for d in range(7) if run_allowed(start + timedelta(days=d), self.race_day)]
        days = self.model.run_weekdays(self.runs - 1, allowed=free) if self.runs > 1 else []
        each = floor_m(self.peak * TAPER_FACTORS[-1] / max(self.runs, 1)) if days else 0.0

        def shaped(short_m: float) -> PlanWeek:
            return PlanWeek(
                start,
                "race",
                "distance",
                race_m + len(days) * short_m,
                1 + (len(days) if short_m > 0 else 0),
                race_m,
                race_date.weekday(),
                f"Race day {race_date:%a %d %b}",
            )

        while each > 0 and not self.fitter.ok(shaped(each), False):
            each -= ROUND_M
        week = shaped(max(each, 0.0))
        self.fitter.record(week)
        return week


def draft_weeks(
    goal: Goal,
    state: StartState,
    model: RunnerModel,
    settings: PlanSettings,
    types: list[WeekType],
    race_day: date | None,
) -> list[PlanWeek]:
    """Fit weeks of the given types from this week on (`race_day` None: no race in them)."""
    block = _Block(goal, state, model, settings, race_day)
    first = monday_of(state.today)
    tapers = [i for i, kind in enumerate(types) if kind == "taper"]
    weeks: list[PlanWeek] = []
    for i, kind in enumerate(types):
        start = first + timedelta(weeks=i)
        if kind == "build":
            weeks.append(block.build(start, after_recovery=i > 0 and types[i - 1] == "recovery"))
        elif kind == "recovery":
            weeks.append(block.recovery(start))
        elif kind == "taper":
            factor = TAPER_FACTORS[tapers.index(i)]
            weeks.append(block.taper(start, factor))
        else:
            weeks.append(block.race(start))
    return weeks


def generate_plan(
    goal: Goal, state: StartState, model: RunnerModel, settings: PlanSettings | None = None
) -> list[PlanWeek]:
    """Weeks from this week to the goal week: build, recovery and (for a race) taper weeks."""
    settings = settings or PlanSettings()
    types = week_types(goal, week_count(goal, state.today), settings.build_weeks)
    race_day = goal.race_date if isinstance(goal, RaceGoal) else None
    return draft_weeks(goal, state, model, settings, types, race_day)
