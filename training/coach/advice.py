"""Today's recommendation: the kind of day, its reasons, the cap, this morning and the forecast.

Every rule reads the same morning state (the end of yesterday; training.coach.morning); the
order in which their results decide the day is in training.coach.decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from training.coach.cap import Cap, EasyRun, easy_run, todays_cap
from training.coach.decision import HEADLINES, NO_RUN_KINDS, Kind, choose_kind
from training.coach.effort_rules import hard_effort_warning
from training.coach.explain import (
    cap_reason,
    comeback_reason,
    forecast_reason,
    profile_note,
    settling_note,
)
from training.coach.forecast import Forecast, rest_forecast
from training.coach.load_rules import load_warnings, small_base_note
from training.coach.morning import MorningState, dated, morning_state
from training.coach.pain_rules import pain_warnings
from training.coach.red_flags import red_flag_warnings
from training.coach.warning import Warning, most_serious_first
from training.coach.wellness_rules import stressed_today, wellness_warnings
from training.planner.limits import longest_before, run_cap_m
from training.profile import AthleteProfile
from training.return_to_run import ReturnToRun, return_to_run
from training.starting_fitness import estimate_starting_ctl

RETURN_VARIANTS = frozenset({"between_returns", "walk_run", "return", "short_run", "easy"})
ALWAYS_SHOWN = frozenset({"numbers_settling", "profile_heart_rates"})  # info notes worth a reason
RECOVERY_PRACTICES = (
    "Protect your sleep tonight (7-9 h): extending sleep improved speed and reaction time in "
    "college athletes (Mah et al. 2011, Sleep 34(7):943-950).",
    "Keep any exercise easy and aerobic: a walk or an easy spin. Regular aerobic exercise eases "
    "anxiety symptoms (Aylett et al. 2018, BMC Health Serv Res 18:559).",
    "Try 5-10 minutes of slow breathing (about 6 breaths a minute) or a short mindfulness "
    "practice (Zaccaro et al. 2018, Front Hum Neurosci 12:353; Khoury et al. 2015, "
    "J Psychosom Res 78(6):519-528).",
)


@dataclass(frozen=True)
class Advice:
    """What today should be, why, how much, this morning's numbers and the rest forecast."""

    day: date
    kind: Kind
    headline: str
    reasons: tuple[str, ...]
    warnings: tuple[Warning, ...]
    cap: Cap
    forecast: Forecast
    morning: MorningState
    practices: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON documented for `stridewise today --json`."""
        return {
            "date": self.day.isoformat(),
            "kind": self.kind,
            "headline": self.headline,
            "cap": self.cap.to_dict(),
            "morning": self.morning.to_dict(),
            "reasons": list(self.reasons),
            "warnings": [w.to_dict() for w in self.warnings],
            "forecast": self.forecast.to_dict(),
        }


def longest_by_day(runs: pd.DataFrame, as_of: date) -> dict[date, float]:
    """The longest run of each day up to `as_of`, in metres (the single-run rule's input)."""
    if runs.empty:
        return {}
    frame = dated(runs)
    frame = frame[frame["day"] <= as_of]
    metres = pd.to_numeric(frame["distance_m"], errors="coerce").fillna(0.0)
    longest: dict[date, float] = {}
    for day, distance in zip(frame["day"], metres, strict=True):
        longest[day] = max(longest.get(day, 0.0), float(distance))
    return longest


def _warnings(
    inputs: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame],
    profile: AthleteProfile,
    state: MorningState,
    run: EasyRun,
    comeback: ReturnToRun | None,
    races: Mapping[date, float | None],
) -> list[Warning]:
    daily, runs, pain, wellness = inputs
    as_of = state.day
    loads = load_warnings(daily, as_of, profile, runs, settling=state.settling)
    if comeback is not None and comeback.small_base:
        loads = [small_base_note(w) if w.id == "load_ratio_high" else w for w in loads]
    if as_of in races:
        loads = [w for w in loads if w.id != "load_ratio_low"]  # a taper is meant to be light
    estimate = estimate_starting_ctl(daily) if state.settling else None
    notes = [settling_note(state, estimate) if state.settling else None, profile_note(profile)]
    return most_serious_first(
        [
            *red_flag_warnings(pain, runs, as_of),
            *pain_warnings(pain, runs, as_of),
            *loads,
            *[w for w in [hard_effort_warning(runs, as_of, run, races)] if w is not None],
            *wellness_warnings(wellness, daily, as_of),
            *[w for w in notes if w is not None],
        ]
    )


def build_advice(
    daily: pd.DataFrame,
    runs: pd.DataFrame,
    pain: pd.DataFrame,
    wellness: pd.DataFrame,
    profile: AthleteProfile,
    as_of: date,
    races: Mapping[date, float | None] | None = None,
) -> Advice:
    """Run every rule for the morning of `as_of` and turn the result into today's advice.

    `runs` has date, distance_m, moving_time_s, load and optionally is_race; `races` maps the
    race days of the active plan to their distance in metres (None when not set).
    """
    races = races or {}
    state = morning_state(daily, as_of, profile)
    run = easy_run(runs, as_of)
    longest = longest_by_day(runs, as_of)
    comeback = return_to_run(longest, as_of, state.chronic, run.load_per_km)
    warnings = _warnings((daily, runs, pain, wellness), profile, state, run, comeback, races)
    stressed = stressed_today(wellness, as_of)
    race_day = as_of in races
    cap = todays_cap(
        state,
        profile,
        run,
        single_run_limit_m=run_cap_m(longest, as_of),
        first_run=longest_before(longest, as_of) <= 0,
        stressed=stressed,
        comeback=comeback,
        ran_today=as_of in longest,
        recovery_day=any(w.id == "hard_effort_yesterday" for w in warnings),
    )
    kind, variant = choose_kind(
        warnings,
        cap,
        stressed=stressed,
        race_day=race_day,
        comeback=comeback,
        done_today=state.done_today,
    )
    no_run = kind in NO_RUN_KINDS
    if no_run:
        cap = Cap(0.0, 0, 0.0, cap.binding, cap.single_run_limit_m, cap.stress_adjusted)
    elif race_day:
        distance = races[as_of]
        km = None if distance is None else distance / 1000.0
        cap = Cap(None, None, km, "race", cap.single_run_limit_m, False)
    shown = [w.message for w in warnings if w.severity != "info" or w.id in ALWAYS_SHOWN]
    reasons = shown if kind != "train" else [w.message for w in warnings]
    if comeback is not None and variant in RETURN_VARIANTS:
        reasons.append(comeback_reason(comeback, cap))
    reasons.append(cap_reason(cap, no_run, state.done_today))
    forecast = rest_forecast(state, profile)
    said = None if race_day else forecast_reason(forecast, state, comeback=comeback is not None)
    if said:
        reasons.append(said)
    stress_noted = stressed or any(w.id.startswith("stress_sleep") for w in warnings)
    return Advice(
        day=as_of,
        kind=kind,
        headline=HEADLINES[variant],
        reasons=tuple(reasons),
        warnings=tuple(warnings),
        cap=cap,
        forecast=forecast,
        morning=state,
        practices=RECOVERY_PRACTICES if stress_noted else (),
    )
