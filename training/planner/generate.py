"""Draft a block from today's real state: builds, recovery weeks every 3rd or 4th week, a taper.

Recovery-week patterns (3:1, 2:1) and the 20-40 % cut are coaching conventions, not trial
results (SCIENCE.md 8.2). The taper follows Bosquet et al. 2007: about two weeks with volume
cut by 41-60 % and frequency kept. Every week is fitted under the limits in
training.planner.limits (single-run spike and weekly load ratio).

A runner with almost no recent running has no base for a load ratio, so build weeks never aim
below the return-to-run week (limits.return_week_m) and hold there, within the single-run caps,
until the chronic load is large enough for the ratios to allow growth above it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from training.fitness import ACWR_ACUTE_DAYS, ACWR_CHRONIC_DAYS, ACWR_MIN_HISTORY_DAYS, ewma_lambda
from training.planner.limits import (
    WEEK_RATIO_LIMIT,
    longest_before,
    return_week_m,
    run_cap_m,
    runs_within_caps,
    week_ratio,
)
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
from training.planner.runner import RunnerModel
from training.planner.sessions import planned_runs

BUILD_STEP = (
    0.10  # at most +10 % per build week; gradual by convention (Buist 2008: no rule proven)
)
RACE_PEAK_GAIN = 0.20  # default race-block peak: usual week +20 % (a cautious choice, no trial)
TAPER_FACTORS = (0.60, 0.45)  # taper week, race week vs peak: −40 % then −55 % (Bosquet 2007)
USUAL_WEEKS = 4  # "current volume" = mean of the last 4 full weeks, as the chronic window
ROUND_M = 100.0  # plans are written in 0.1 km steps


@dataclass(frozen=True)
class StartState:
    """What the generator needs from the real history up to today."""

    today: date
    week_loads: tuple[float, ...]  # full weeks before the current one, oldest first
    base_distance_m: float  # mean weekly running distance of the last 4 full weeks
    current_week_load: float  # real load from this Monday up to today
    longest_by_day: dict[date, float] = field(default_factory=dict)  # last 30 days
    acute: float = 0.0  # EWMA 7-day load today (Williams 2017, as training.fitness)
    chronic: float = 0.0  # EWMA 28-day load today
    history_days: int = 0  # days of history, for the 28-day rule before a ratio exists


def start_state(history: pd.DataFrame, today: date) -> StartState:
    """Summarise daily metrics rows (date, load, distance_m, longest_run_m) up to `today`."""
    monday = monday_of(today)
    if history.empty:
        return StartState(today, (), 0.0, 0.0, {})
    days = history.assign(day=pd.to_datetime(history["date"]).dt.date)
    days = days[days["day"] <= today]
    before = days[days["day"] < monday]
    week = before["day"].map(monday_of)
    loads = before.groupby(week)["load"].sum()
    distances = before.groupby(week)["distance_m"].sum()
    full = [monday - timedelta(weeks=i) for i in range(USUAL_WEEKS, 0, -1)]
    recent = days[days["day"] >= today - timedelta(days=31)]
    loads_all = days.sort_values("day")["load"].astype(float).tolist()
    acute = chronic = loads_all[0] if loads_all else 0.0
    for load in loads_all:
        acute += ewma_lambda(ACWR_ACUTE_DAYS) * (load - acute)
        chronic += ewma_lambda(ACWR_CHRONIC_DAYS) * (load - chronic)
    return StartState(
        today=today,
        week_loads=tuple(float(loads.get(w, 0.0)) for w in full),
        base_distance_m=sum(float(distances.get(w, 0.0)) for w in full) / USUAL_WEEKS,
        current_week_load=float(days.loc[days["day"] >= monday, "load"].sum()),
        longest_by_day={
            d: float(m)
            for d, m in zip(recent["day"], recent["longest_run_m"], strict=True)
            if m > 0
        },
        acute=acute,
        chronic=chronic,
        history_days=len(loads_all),
    )


def _week_types(goal: Goal, weeks: int, build_weeks: int) -> list[str]:
    types = ["recovery" if i % (build_weeks + 1) == build_weeks else "build" for i in range(weeks)]
    if isinstance(goal, RaceGoal):
        types[-1] = "race"
        types[-2] = "taper"
        if types[-3] == "recovery":  # a recovery week right before the taper adds nothing
            types[-3] = "build"
    return types


def _week_count(goal: Goal, today: date) -> int:
    last = goal.race_date if isinstance(goal, RaceGoal) else goal.by
    weeks = (monday_of(last) - monday_of(today)).days // 7 + 1
    if not MIN_PLAN_WEEKS <= weeks <= MAX_PLAN_WEEKS:
        raise ValueError(f"the goal date must be {MIN_PLAN_WEEKS}-{MAX_PLAN_WEEKS} weeks away")
    return weeks


class _Planner:
    """Walks the weeks in order, keeping the loads and runs the limits look back on."""

    def __init__(self, state: StartState, model: RunnerModel, runs: int) -> None:
        self.state = state
        self.model = model
        self.runs = runs
        self.loads = list(state.week_loads)
        self.prior = dict(state.longest_by_day)
        self.ewma = (state.acute, state.chronic, state.history_days)

    def _daily_loads(self, week: PlanWeek) -> list[float]:
        """Planned load of each day of the week after today (runs plus usual cross-training)."""
        by_day = {r.day: self.model.load_for(r.distance_m) for r in planned_runs(week, self.model)}
        days = [week.week_start + timedelta(days=i) for i in range(7)]
        return [
            by_day.get(d, 0.0) + self.model.cross_load_by_weekday[d.weekday()]
            for d in days
            if d > self.state.today
        ]

    def _load(self, week: PlanWeek) -> float:
        past = self.state.current_week_load if week.week_start <= self.state.today else 0.0
        return past + sum(self._daily_loads(week))

    def _step_ewma(self, week: PlanWeek) -> tuple[tuple[float, float, int], float]:
        """EWMA state after the week, and the highest daily ratio on the way (0 before 28 days)."""
        acute, chronic, days = self.ewma
        highest = 0.0
        for load in self._daily_loads(week):
            if days == 0:
                acute = chronic = load
            acute += ewma_lambda(ACWR_ACUTE_DAYS) * (load - acute)
            chronic += ewma_lambda(ACWR_CHRONIC_DAYS) * (load - chronic)
            days += 1
            if days >= ACWR_MIN_HISTORY_DAYS and chronic > 0:
                highest = max(highest, acute / chronic)
        return (acute, chronic, days), highest

    def _runs(self, week: PlanWeek) -> list[tuple[date, float]]:
        return [
            (r.day, r.distance_m)
            for r in planned_runs(week, self.model)
            if r.day > self.state.today
        ]

    def _ok(self, week: PlanWeek, exempt: date | None, check_ratio: bool) -> bool:
        if not runs_within_caps(self._runs(week), self.prior, exempt):
            return False
        if not check_ratio:
            return True
        ratio = week_ratio(self._load(week), self.loads)
        return (ratio is None or ratio <= WEEK_RATIO_LIMIT) and (
            self._step_ewma(week)[1] <= WEEK_RATIO_LIMIT
        )

    def _shape(self, week: PlanWeek, distance: float, long_share: float | None) -> PlanWeek:
        """The week at `distance` with its long run at the share, or capped by the spike rule.

        The week is trimmed to at most `runs` times its long run, so rounding or the spike cap
        never leaves the other runs longer than the long run. That keeps "larger distance,
        larger runs" true, which the search in `_largest` relies on: without it a 3-run week
        of 0.5 km failed (0.1 km long run, 0.2 km others) and drafts collapsed to 0 km weeks.
        With no run in the 30 days before the long run the runs are equal: only the week's first
        run may use the first-run cap, and a long run after it would be a spike over that run.
        """
        distance = math.floor(distance / ROUND_M) * ROUND_M
        if week.week_type == "race" and week.long_run_m is not None:
            return replace(week, target_kind="distance", target=max(distance, week.long_run_m))
        long_day = week.week_start + timedelta(
            days=self.model.long_run_weekday
            if week.long_run_weekday is None
            else week.long_run_weekday
        )
        ahead = long_day > self.state.today
        even = 1.0 / max(week.runs, 1)
        if long_share is not None:
            share = long_share
        elif ahead and longest_before(self.prior, long_day) <= 0:
            share = even
        else:
            share = max(self.model.long_run_share, even)
        cap = run_cap_m(self.prior, long_day) if ahead else math.inf
        longest = math.floor(min(share * distance, cap, distance) / ROUND_M) * ROUND_M
        distance = min(distance, max(week.runs, 1) * longest)
        return replace(week, target_kind="distance", target=distance, long_run_m=longest)

    def _largest(
        self,
        week: PlanWeek,
        low: float,
        high: float,
        long_share: float | None,
        ok: Callable[[PlanWeek], bool],
    ) -> PlanWeek:
        """The biggest shaped week from `low` (assumed to pass) up to `high` that passes `ok`.

        `high` itself is tried first, so a week that fits whole keeps its exact target.
        """
        best = self._shape(week, high, long_share)
        if ok(best):
            return best
        for _ in range(40):
            mid = (low + high) / 2
            if ok(self._shape(week, mid, long_share)):
                low = mid
            else:
                high = mid
        best = self._shape(week, low, long_share)
        while best.target > 0 and not ok(best):
            best = self._shape(week, best.target - ROUND_M, long_share)
        return best

    def fit(
        self, week: PlanWeek, desired: float, long_share: float | None = None, hold: float = 0.0
    ) -> PlanWeek:
        """The largest week up to `desired` metres within the limits, then record it.

        Every run keeps its single-run cap. Build weeks also keep both load ratios ≤ 1.3 for
        whatever they add above `hold` (the last build week, at least the return-to-run week):
        holding is always allowed, so when even holding is above 1.3 the build step is skipped.
        """
        exempt = None
        if week.week_type == "race" and week.long_run_m is not None:
            exempt = week.week_start + timedelta(days=week.long_run_weekday or 0)
        check_ratio = week.week_type == "build"

        def caps_ok(candidate: PlanWeek) -> bool:
            return self._ok(candidate, exempt, False)

        def all_ok(candidate: PlanWeek) -> bool:
            return self._ok(candidate, exempt, check_ratio)

        held = self._largest(week, 0.0, min(hold, desired), long_share, caps_ok)
        best = held
        if all_ok(held):
            best = self._largest(week, held.target, desired, long_share, all_ok)
        self.loads.append(self._load(best))
        self.ewma = self._step_ewma(best)[0]
        for day, metres in self._runs(best):
            self.prior[day] = max(self.prior.get(day, 0.0), metres)
        return best


def generate_plan(
    goal: Goal, state: StartState, model: RunnerModel, settings: PlanSettings | None = None
) -> list[PlanWeek]:
    """Weeks from this week to the goal week: build, recovery and (for a race) taper weeks."""
    settings = settings or PlanSettings()
    count = _week_count(goal, state.today)
    runs = settings.runs_per_week or model.usual_runs
    planner = _Planner(state, model, runs)
    first = monday_of(state.today)
    last_build = state.base_distance_m
    last_long = 0.0
    peak = state.base_distance_m
    if isinstance(goal, VolumeGoal):
        ceiling = goal.weekly_distance_m
    else:
        ceiling = goal.peak_weekly_distance_m or max(
            state.base_distance_m * (1 + RACE_PEAK_GAIN), return_week_m(runs)
        )
    weeks: list[PlanWeek] = []
    for i, kind in enumerate(_week_types(goal, count, settings.build_weeks)):
        start = first + timedelta(weeks=i)
        if kind == "build":
            hold = max(last_build, return_week_m(runs))
            grown = max(last_build * (1 + BUILD_STEP), hold)
            week = planner.fit(PlanWeek(start, "build", runs=runs), min(grown, ceiling), hold=hold)
            last_build, peak = week.target, max(peak, week.target)
            last_long = week.long_run_m or 0.0
        elif kind == "recovery":
            share = last_long / last_build if last_build > 0 and last_long > 0 else None
            week = planner.fit(
                PlanWeek(
                    start,
                    "recovery",
                    runs=runs,
                    note=f"Recovery week: −{settings.recovery_cut:.0%}",
                ),
                last_build * (1.0 - settings.recovery_cut),
                share,
            )
        elif kind == "taper":
            week = planner.fit(
                PlanWeek(start, "taper", runs=runs, note="Taper (Bosquet 2007)"),
                peak * TAPER_FACTORS[0],
            )
        else:
            assert isinstance(goal, RaceGoal)
            race = goal.race_distance_m
            week = planner.fit(
                PlanWeek(
                    start,
                    "race",
                    runs=runs,
                    long_run_m=race,
                    long_run_weekday=goal.race_date.weekday(),
                    note=f"Race day {goal.race_date:%a %d %b}",
                ),
                max(peak * TAPER_FACTORS[1], race or 0.0),
            )
        weeks.append(week)
    return weeks
