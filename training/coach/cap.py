"""'The most you can run today and stay in band', and how many rest days until fresh.

Both come from the recurrences in training.fitness, one day ahead. With yesterday's states
(CTL, ATL; EWMA acute A and chronic C) and today's load L:

    A' = (1−λa)A + λa·L,  C' = (1−λc)C + λc·L          (Williams 2017, λ = 2/(N+1))
    CTL' = (1−kc)CTL + kc·L,  ATL' = (1−ka)ATL + ka·L   (PMC, k = 1 − e^(−1/τ))

A'/C' ≤ r  ⇔  L ≤ (r(1−λc)C − (1−λa)A) / (λa − r·λc)        (when λa > r·λc)
CTL' − ATL' > F  ⇔  L < ((1−kc)CTL − (1−ka)ATL − F) / (ka − kc)

with r = 1.3 and F = −30; the first bound applies once the ratio is shown (28 days of history).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from training.bands import ACWR_CAUTION, ACWR_LOW, FORM_GREY, FORM_OPTIMAL
from training.fitness import (
    ACWR_ACUTE_DAYS,
    ACWR_CHRONIC_DAYS,
    ACWR_MIN_HISTORY_DAYS,
    ewma_lambda,
    pmc_coefficient,
)
from training.load import DEFAULT_LOAD_PER_HOUR
from training.profile import AthleteProfile

STRESS_CAP_FACTOR = 0.8  # our convention: a high-stress day takes 20 % off the cap (not a trial)
EASY_RUN_WINDOW_DAYS = 90  # recent runs define "an easy run for this runner"
EASY_RUN_MIN_RUNS = 3  # fewer runs than this: fall back to the default run intensity
FORECAST_DAYS = 14  # rest-day forecast horizon
OUTLOOK_DAYS = 7  # days shown on the Today page


@dataclass(frozen=True)
class LoadState:
    """The model's state at the end of yesterday, plus what today already holds."""

    ctl: float
    atl: float
    acute: float
    chronic: float
    days_before: int
    done_today: float
    form_today: float
    ratio_today: float | None


@dataclass(frozen=True)
class EasyRun:
    """What an easy run costs this runner: load per hour and pace, from their own runs."""

    load_per_hour: float
    pace_s_per_km: float | None
    from_history: bool


@dataclass(frozen=True)
class Cap:
    """Today's most load (and its easy-run equivalent) that keeps the ratio ≤ 1.3, form > −30."""

    load: float
    minutes: int
    km: float | None
    binding: str
    ratio_bound: float | None
    form_bound: float
    stress_adjusted: bool
    max_single_run_m: int | None

    def to_dict(self) -> dict[str, float | int | None]:
        """The documented `cap` object of `stridewise today --json`."""
        return {
            "load": round(self.load, 1),
            "minutes": self.minutes,
            "km": None if self.km is None else round(self.km, 1),
        }


@dataclass(frozen=True)
class OutlookDay:
    """One morning of the rest-only projection."""

    day: date
    form: float
    ratio: float | None


@dataclass(frozen=True)
class Forecast:
    """Rest days until form is back above −10 and the ratio sits in 0.8-1.3 (None: not in 14)."""

    days_to_form_ok: int | None
    days_to_ratio_ok: int | None
    days_to_both: int | None
    outlook: tuple[OutlookDay, ...]

    def to_dict(self) -> dict[str, object]:
        """The documented `forecast` object of `stridewise today --json`."""
        return {
            "rest_days_to_form_above_minus_10": self.days_to_form_ok,
            "rest_days_to_ratio_in_band": self.days_to_ratio_ok,
            "rest_days_to_both": self.days_to_both,
            "outlook": [
                {
                    "date": d.day.isoformat(),
                    "form": round(d.form, 1),
                    "acwr": None if d.ratio is None else round(d.ratio, 3),
                }
                for d in self.outlook
            ],
        }


def _ewma_end(loads: list[float], days: int) -> float:
    """EWMA of a load series seeded with its first value, as training.fitness does."""
    if not loads:
        return 0.0
    lam = ewma_lambda(days)
    value = loads[0]
    for load in loads:
        value += lam * (load - value)
    return value


def load_state(daily: pd.DataFrame, as_of: date, profile: AthleteProfile) -> LoadState:
    """Yesterday's CTL/ATL/acute/chronic and today's load so far, from a daily-metrics frame."""
    days = pd.to_datetime(daily["date"]).dt.date if not daily.empty else pd.Series(dtype=object)
    before = daily[days < as_of].sort_values("date") if not daily.empty else daily
    today = daily[days == as_of] if not daily.empty else daily
    loads = pd.to_numeric(before["load"], errors="coerce").fillna(0.0).tolist()
    ctl0 = profile.starting_ctl
    atl0 = profile.starting_ctl if profile.starting_atl is None else profile.starting_atl
    last = before.iloc[-1] if not before.empty else None
    done = float(today["load"].sum()) if not today.empty else 0.0
    ratio = today["acwr"].iloc[-1] if not today.empty else None
    ctl = float(last["ctl"]) if last is not None else ctl0
    atl = float(last["atl"]) if last is not None else atl0
    return LoadState(
        ctl=ctl,
        atl=atl,
        acute=_ewma_end(loads, ACWR_ACUTE_DAYS),
        chronic=_ewma_end(loads, ACWR_CHRONIC_DAYS),
        days_before=len(loads),
        done_today=done,
        form_today=ctl - atl,
        ratio_today=None if ratio is None or pd.isna(ratio) else float(ratio),
    )


def ratio_bound(state: LoadState, ratio: float = ACWR_CAUTION) -> float | None:
    """Largest load today with acute/chronic ≤ ratio, or None while the ratio is not shown."""
    if state.days_before < ACWR_MIN_HISTORY_DAYS - 1 or state.days_before == 0:
        return None
    la, lc = ewma_lambda(ACWR_ACUTE_DAYS), ewma_lambda(ACWR_CHRONIC_DAYS)
    slope = la - ratio * lc
    if slope <= 0:
        return math.inf
    return (ratio * (1 - lc) * state.chronic - (1 - la) * state.acute) / slope


def form_bound(state: LoadState, profile: AthleteProfile, floor: float = FORM_OPTIMAL) -> float:
    """Supremum of today's load keeping tomorrow morning's form above `floor`."""
    kc, ka = pmc_coefficient(profile.ctl_days), pmc_coefficient(profile.atl_days)
    return ((1 - kc) * state.ctl - (1 - ka) * state.atl - floor) / (ka - kc)


def easy_run(runs: pd.DataFrame, as_of: date) -> EasyRun:
    """The easier half of the last 90 days' runs: their median load per hour and pace."""
    needed = {"date", "distance_m", "moving_time_s", "load"}
    if runs.empty or not needed <= set(runs.columns):
        return EasyRun(DEFAULT_LOAD_PER_HOUR["run"], None, False)
    days = pd.to_datetime(runs["date"]).dt.date
    recent = runs[(days < as_of) & (days >= as_of - timedelta(days=EASY_RUN_WINDOW_DAYS))]
    recent = recent[
        (recent["moving_time_s"] > 0) & (recent["load"] > 0) & (recent["distance_m"] > 0)
    ]
    if len(recent) < EASY_RUN_MIN_RUNS:
        return EasyRun(DEFAULT_LOAD_PER_HOUR["run"], None, False)
    per_hour = recent["load"] / (recent["moving_time_s"] / 3600.0)
    easier = recent[per_hour <= per_hour.median()]
    pace = (easier["moving_time_s"] / (easier["distance_m"] / 1000.0)).median()
    return EasyRun(float(per_hour[easier.index].median()), float(pace), True)


def todays_cap(
    state: LoadState,
    profile: AthleteProfile,
    run: EasyRun,
    *,
    stressed: bool = False,
    longest_30d_m: float | None = None,
) -> Cap:
    """The cap for what is left of today, as load, easy minutes and km."""
    by_ratio = ratio_bound(state)
    by_form = form_bound(state, profile)
    total = by_form if by_ratio is None else min(by_ratio, by_form)
    binding = "form" if by_ratio is None or by_form <= by_ratio else "load_ratio"
    remaining = max(0.0, total - state.done_today)
    if stressed:
        remaining *= STRESS_CAP_FACTOR
    minutes = int(remaining / run.load_per_hour * 60.0)
    km = None if run.pace_s_per_km is None else minutes * 60.0 / run.pace_s_per_km
    longest = round(longest_30d_m) if longest_30d_m else None
    return Cap(
        load=remaining,
        minutes=minutes,
        km=km,
        binding=binding,
        ratio_bound=by_ratio,
        form_bound=by_form,
        stress_adjusted=stressed,
        max_single_run_m=None if longest is None else longest * 110 // 100,
    )


def rest_forecast(state: LoadState, profile: AthleteProfile, as_of: date) -> Forecast:
    """Project mornings of complete rest from today (today's load so far counts)."""
    kc, ka = pmc_coefficient(profile.ctl_days), pmc_coefficient(profile.atl_days)
    la, lc = ewma_lambda(ACWR_ACUTE_DAYS), ewma_lambda(ACWR_CHRONIC_DAYS)
    ctl, atl, acute, chronic = state.ctl, state.atl, state.acute, state.chronic
    ratio_shown = state.days_before >= ACWR_MIN_HISTORY_DAYS - 1 and state.days_before > 0

    def form_ok(form: float) -> bool:
        return form > FORM_GREY

    def ratio_ok(ratio: float | None) -> bool:
        return ratio is None or ACWR_LOW <= ratio <= ACWR_CAUTION

    now_form, now_ratio = state.form_today, state.ratio_today
    first_form = 0 if form_ok(now_form) else None
    first_ratio = 0 if ratio_ok(now_ratio) else None
    first_both = 0 if form_ok(now_form) and ratio_ok(now_ratio) else None
    outlook = []
    for k in range(1, FORECAST_DAYS + 1):
        load = state.done_today if k == 1 else 0.0
        ctl += kc * (load - ctl)
        atl += ka * (load - atl)
        acute += la * (load - acute)
        chronic += lc * (load - chronic)
        form = ctl - atl
        ratio = acute / chronic if ratio_shown and chronic > 0 else None
        if k <= OUTLOOK_DAYS:
            outlook.append(OutlookDay(as_of + timedelta(days=k), form, ratio))
        if first_form is None and form_ok(form):
            first_form = k
        if first_ratio is None and ratio_ok(ratio):
            first_ratio = k
        if first_both is None and form_ok(form) and ratio_ok(ratio):
            first_both = k
    return Forecast(first_form, first_ratio, first_both, tuple(outlook))
