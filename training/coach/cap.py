"""'The most you can run today': a load bound from the model, made runnable in minutes and km.

The load bound comes from the recurrences in training.fitness, one day ahead, starting from this
morning's state (the end of yesterday). With acute A and chronic C (EWMA, λ = 2/(N+1)), CTL and
ATL (PMC, k = 1 − e^(−1/τ)) and today's load L:

    A'/C' ≤ r  ⇔  L ≤ (r(1−λc)C − (1−λa)A) / (λa − r·λc)        (when λa > r·λc)
    CTL' − ATL' > F  ⇔  L < ((1−kc)CTL − (1−ka)ATL − F) / (ka − kc)

with r = 1.3 and F = −30; the ratio bound applies once the ratio is shown (28 days of history).
The ratio describes change and never grounds a runner on its own (docs/science.md#acwr): when it
is already above 1.3 the bound becomes the load that keeps it from rising further (r = this
morning's ratio), at most the runner's usual easy run (a short run above 1.5), and never less
than a short easy run.

Then the bound becomes minutes and km of the runner's own easy running, and both stay within
the single-run limit (110 % of the longest run in the previous 30 days, or the first-run cap;
docs/science.md#single-run-spike). On a return to running the cap is the return session
itself (training.return_to_run).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from training.bands import ACWR_CAUTION, ACWR_HIGH, FORM_OPTIMAL
from training.coach.morning import MorningState
from training.fitness import ACWR_ACUTE_DAYS, ACWR_CHRONIC_DAYS, ewma_lambda, pmc_coefficient
from training.load import DEFAULT_LOAD_PER_HOUR
from training.planner.runner import DEFAULT_PACE_S_PER_KM
from training.profile import AthleteProfile
from training.return_to_run import ReturnToRun

MIN_EASY_MINUTES = 20  # the shortest easy run worth the trip (our convention)
SHORT_RUN_MINUTES = 30  # "an easy short run" when the ratio is well above usual (our convention)
DEFAULT_EASY_MINUTES = 45  # a usual easy run when the runner's own runs cannot say (convention)
STRESS_CAP_FACTOR = 0.8  # our convention: a high-stress day takes 20 % off the cap (not a trial)
EASY_RUN_WINDOW_DAYS = 90  # recent runs define "an easy run for this runner"
EASY_RUN_MIN_RUNS = 3  # fewer runs than this: fall back to the default run intensity and pace


@dataclass(frozen=True)
class EasyRun:
    """What an easy run costs this runner: load per hour and pace, from their own runs."""

    load_per_hour: float
    pace_s_per_km: float
    from_history: bool
    usual_minutes: float = DEFAULT_EASY_MINUTES

    @property
    def load_per_km(self) -> float:
        """Load of one kilometre of easy running."""
        return self.load_per_hour * self.pace_s_per_km / 3600.0

    def load_of(self, minutes: float) -> float:
        """Load of `minutes` of easy running."""
        return minutes * self.load_per_hour / 60.0

    def minutes_of(self, load: float) -> float:
        """Minutes of easy running that carry `load`."""
        return load / self.load_per_hour * 60.0

    def minutes_for(self, metres: float) -> float:
        """Minutes of easy running that cover `metres`."""
        return metres / 1000.0 * self.pace_s_per_km / 60.0


@dataclass(frozen=True)
class LoadBound:
    """The most load today that keeps the end of today in band, and which limit set it."""

    load: float
    binding: (
        str  # load_ratio | ratio_hold | usual_easy | short_run | easy_floor | settling_floor | form
    )


@dataclass(frozen=True)
class Cap:
    """Today's running cap as load, easy minutes and km, with what set it (None: no cap)."""

    load: float | None
    minutes: int | None
    km: float | None
    binding: (
        str  # a LoadBound binding, or recovery_run | single_run | first_run | return_to_run | race
    )
    single_run_limit_m: float | None
    stress_adjusted: bool

    def to_dict(self) -> dict[str, float | int | str | None]:
        """The documented `cap` object of `stridewise today --json`."""
        limit = self.single_run_limit_m
        return {
            "load": None if self.load is None else round(self.load, 1),
            "minutes": self.minutes,
            "km": None if self.km is None else round(self.km, 1),
            "set_by": self.binding,
            "single_run_limit_km": None if limit is None else round(limit / 1000.0, 1),
        }


def ratio_bound(state: MorningState, ratio: float = ACWR_CAUTION) -> float | None:
    """Largest load today with tomorrow's acute/chronic ≤ ratio; None while it is not shown."""
    if not state.ratio_shown_tomorrow:
        return None
    la, lc = ewma_lambda(ACWR_ACUTE_DAYS), ewma_lambda(ACWR_CHRONIC_DAYS)
    slope = la - ratio * lc
    if slope <= 0:
        return math.inf
    return (ratio * (1 - lc) * state.chronic - (1 - la) * state.acute) / slope


def form_bound(state: MorningState, profile: AthleteProfile, floor: float = FORM_OPTIMAL) -> float:
    """Supremum of today's load keeping tomorrow morning's form above `floor`."""
    kc, ka = pmc_coefficient(profile.ctl_days), pmc_coefficient(profile.atl_days)
    return ((1 - kc) * state.ctl - (1 - ka) * state.atl - floor) / (ka - kc)


def load_bound(state: MorningState, profile: AthleteProfile, run: EasyRun) -> LoadBound:
    """Today's total load bound: the ratio and form limits, with the ratio never grounding."""
    by_form = form_bound(state, profile)
    by_ratio = ratio_bound(state)
    easy_floor = run.load_of(MIN_EASY_MINUTES)
    allowed, binding = by_form, "form"
    if state.settling and allowed < easy_floor:
        allowed, binding = easy_floor, "settling_floor"  # early form reads too low: soften
    if by_ratio is None:
        return LoadBound(allowed, binding)
    ratio_cap, ratio_binding = by_ratio, "load_ratio"
    now = state.ratio
    if now is not None and now > ACWR_CAUTION:
        hold = ratio_bound(state, now) or 0.0
        if hold > ratio_cap:
            ratio_cap, ratio_binding = hold, "ratio_hold"
        well_above = now > ACWR_HIGH
        easy_day = run.load_of(SHORT_RUN_MINUTES if well_above else run.usual_minutes)
        if ratio_cap > easy_day:
            ratio_cap, ratio_binding = easy_day, "short_run" if well_above else "usual_easy"
    if ratio_cap < easy_floor:
        ratio_cap, ratio_binding = easy_floor, "easy_floor"
    if ratio_cap < allowed:
        allowed, binding = ratio_cap, ratio_binding
    return LoadBound(allowed, binding)


def easy_run(runs: pd.DataFrame, as_of: date) -> EasyRun:
    """The easier half of the last 90 days' runs: their median load per hour, pace and length."""
    default = EasyRun(DEFAULT_LOAD_PER_HOUR["run"], DEFAULT_PACE_S_PER_KM, False)
    needed = {"date", "distance_m", "moving_time_s", "load"}
    if runs.empty or not needed <= set(runs.columns):
        return default
    days = pd.to_datetime(runs["date"]).dt.date
    recent = runs[(days < as_of) & (days >= as_of - timedelta(days=EASY_RUN_WINDOW_DAYS))]
    recent = recent[
        (recent["moving_time_s"] > 0) & (recent["load"] > 0) & (recent["distance_m"] > 0)
    ]
    if len(recent) < EASY_RUN_MIN_RUNS:
        return default
    per_hour = recent["load"] / (recent["moving_time_s"] / 3600.0)
    easier = recent[per_hour <= per_hour.median()]
    pace = (easier["moving_time_s"] / (easier["distance_m"] / 1000.0)).median()
    minutes = float(easier["moving_time_s"].median()) / 60.0
    return EasyRun(float(per_hour[easier.index].median()), float(pace), True, minutes)


def todays_cap(
    state: MorningState,
    profile: AthleteProfile,
    run: EasyRun,
    *,
    single_run_limit_m: float,
    first_run: bool = False,
    stressed: bool = False,
    comeback: ReturnToRun | None = None,
    ran_today: bool = False,
    recovery_day: bool = False,
) -> Cap:
    """The cap for what is left of today, runnable: minutes and km within the single-run limit.

    `first_run` says the limit is the first-run cap (no run in 30 days); on a `recovery_day`
    (the day after a race or hard effort) the cap is at most a short run. On a return to running
    (`comeback`) the cap is the return session itself, one a day: the single-run limit, and at
    most 30 minutes for the first run after a gap, whatever the ratio says.
    """
    bound = load_bound(state, profile, run)
    remaining = max(0.0, bound.load - state.done_today)
    if stressed:
        remaining *= STRESS_CAP_FACTOR
    minutes, binding = run.minutes_of(remaining), bound.binding
    if recovery_day and minutes > SHORT_RUN_MINUTES:
        minutes, binding = SHORT_RUN_MINUTES, "recovery_run"
    limit_minutes = run.minutes_for(single_run_limit_m)
    if comeback is not None:
        session = 0.0 if ran_today else min(limit_minutes, comeback.max_minutes or math.inf)
        minutes, binding = session, "return_to_run"
    elif minutes > limit_minutes:
        minutes, binding = limit_minutes, "first_run" if first_run else "single_run"
    whole = int(minutes)
    return Cap(
        load=run.load_of(whole),
        minutes=whole,
        km=whole * 60.0 / run.pace_s_per_km,
        binding=binding,
        single_run_limit_m=single_run_limit_m,
        stress_adjusted=stressed,
    )
