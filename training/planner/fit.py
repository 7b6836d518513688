"""Fit plan weeks one by one under the limits, remembering what each week adds to the history.

Every run keeps its single-run cap (training.planner.limits.run_cap_m), the race excepted. Build
weeks also keep the week's load ratio (the week over the three before it) ≤ 1.3 for whatever
they add above the week they hold at. The daily EWMA ratio is not a limit here: it jumps on the
day of a long run, or of any run when there are only two or three a week, even when the weekly
load is steady, so it held long runs and low-frequency runners flat; the review explains those
days instead (training.planner.explain). The loads come from the same sessions the projection
uses (training.planner.sessions), so what the fitter checks is what the projection shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from training.planner.limits import (
    WEEK_RATIO_LIMIT,
    longest_before,
    run_cap_m,
    runs_within_caps,
    week_ratio,
)
from training.planner.model import PlanWeek
from training.planner.runner import RunnerModel
from training.planner.sessions import week_sessions
from training.planner.state import StartState

ROUND_M = 100.0  # plans are written in 0.1 km steps
SEARCH_STEPS = 40  # bisection steps: far below 0.1 km for any week the store accepts

LongRule = Callable[[float], float]  # the long run wanted for a week of this many metres


def floor_m(metres: float) -> float:
    """Metres rounded down to the plan's 0.1 km steps."""
    return math.floor(metres / ROUND_M) * ROUND_M


class WeekFitter:
    """Walks the weeks in order, keeping the loads and runs the limits look back on."""

    def __init__(self, state: StartState, model: RunnerModel, race_day: date | None) -> None:
        self.state = state
        self.model = model
        self.race_day = race_day
        self.loads = list(state.week_loads)
        self.prior = dict(state.longest_by_day)

    def _load(self, week: PlanWeek) -> float:
        """The week's load: real up to today, planned sessions after it."""
        past = self.state.current_week_load if week.week_start <= self.state.today else 0.0
        return past + sum(
            session.load
            for session in week_sessions(week, self.model, self.race_day)
            if session.day > self.state.today
        )

    def runs(self, week: PlanWeek) -> list[tuple[date, float]]:
        """The week's runs after today as (day, metres)."""
        return [
            (session.day, session.distance_m)
            for session in week_sessions(week, self.model, self.race_day)
            if session.distance_m > 0 and session.day > self.state.today
        ]

    def ok(self, week: PlanWeek, check_ratio: bool) -> bool:
        """Every run within its cap and, when asked, the week's load ratio ≤ 1.3."""
        if not runs_within_caps(self.runs(week), self.prior, self.race_day):
            return False
        ratio = week_ratio(self._load(week), self.loads) if check_ratio else None
        return ratio is None or ratio <= WEEK_RATIO_LIMIT

    def shape(self, week: PlanWeek, distance: float, long_rule: LongRule) -> PlanWeek:
        """The week at `distance` with the long run its rule wants, within the spike cap.

        The week is trimmed to at most `runs` times its long run, so rounding or the spike cap
        never leaves the other runs longer than the long run. That keeps "larger distance,
        larger runs" true, which the search in `largest` relies on: without it a 3-run week
        of 0.5 km failed (0.1 km long run, 0.2 km others) and drafts collapsed to 0 km weeks.
        With no run in the 30 days before the long run the runs are equal: only the week's first
        run may use the first-run cap, and a long run after it would be a spike over that run.
        """
        distance = floor_m(distance)
        weekday = self.model.long_run_weekday
        long_day = week.week_start + timedelta(
            days=weekday if week.long_run_weekday is None else week.long_run_weekday
        )
        ahead = long_day > self.state.today
        runs = max(week.runs, 1)
        if ahead and longest_before(self.prior, long_day) <= 0:
            wanted = distance / runs
        else:
            wanted = long_rule(distance)
        cap = run_cap_m(self.prior, long_day) if ahead else math.inf
        longest = floor_m(min(wanted, cap, distance))
        distance = min(distance, runs * longest)
        return replace(week, target_kind="distance", target=distance, long_run_m=longest)

    def largest(
        self,
        week: PlanWeek,
        low: float,
        high: float,
        long_rule: LongRule,
        ok: Callable[[PlanWeek], bool],
    ) -> PlanWeek:
        """The biggest shaped week from `low` (assumed to pass) up to `high` that passes `ok`.

        `high` itself is tried first, so a week that fits whole keeps its exact target.
        """
        best = self.shape(week, high, long_rule)
        if ok(best):
            return best
        for _ in range(SEARCH_STEPS):
            mid = (low + high) / 2
            if ok(self.shape(week, mid, long_rule)):
                low = mid
            else:
                high = mid
        best = self.shape(week, low, long_rule)
        while best.target > 0 and not ok(best):
            best = self.shape(week, best.target - ROUND_M, long_rule)
        return best

    def fit(
        self, week: PlanWeek, desired: float, long_rule: LongRule, hold: float = 0.0
    ) -> PlanWeek:
        """The largest week up to `desired` metres within the limits, then record it.

        Build weeks keep the week's load ratio ≤ 1.3 for whatever they add above `hold` (the last
        build week, at least the return-to-run week): holding is always allowed, so when even
        holding is above 1.3 the build step is skipped.
        """
        check_ratio = week.week_type == "build"

        def caps_ok(candidate: PlanWeek) -> bool:
            return self.ok(candidate, False)

        def all_ok(candidate: PlanWeek) -> bool:
            return self.ok(candidate, check_ratio)

        held = self.largest(week, 0.0, min(hold, desired), long_rule, caps_ok)
        best = held
        if all_ok(held):
            best = self.largest(week, held.target, desired, long_rule, all_ok)
        self.record(best)
        return best

    def record(self, week: PlanWeek) -> None:
        """Add the week to the history the later weeks' limits look back on."""
        self.loads.append(self._load(week))
        for day, metres in self.runs(week):
            self.prior[day] = max(self.prior.get(day, 0.0), metres)
