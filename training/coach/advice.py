"""Today's recommendation: one of five kinds, the reasons behind it, the cap and the forecast.

Order of precedence: a red flag always wins (see a clinician); then high fatigue or a long run
of training days (rest); then pain above the model's limits (cross-train or walk, pain-free);
then any caution, or a stressful day (easy run within the cap); otherwise train as planned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

import pandas as pd

from training.coach.cap import Cap, Forecast, easy_run, load_state, rest_forecast, todays_cap
from training.coach.load_rules import load_warnings
from training.coach.pain_rules import pain_warnings
from training.coach.red_flags import red_flag_warnings
from training.coach.warning import Warning, most_serious_first
from training.coach.wellness_rules import stressed_today, wellness_warnings
from training.profile import AthleteProfile

Kind = Literal["see_clinician", "rest", "cross_train", "easy", "train"]
KINDS: tuple[Kind, ...] = ("see_clinician", "rest", "cross_train", "easy", "train")
MIN_EASY_MINUTES = 20  # below this an "easy run" is not worth the trip: rest instead (convention)
NO_RUN_KINDS = frozenset({"see_clinician", "rest", "cross_train"})
REST_IDS = frozenset({"form_very_low", "no_rest_day"})
PAIN_IDS = frozenset({"pain_during_run", "pain_next_morning", "pain_trend_rising"})

HEADLINES: dict[Kind, str] = {
    "see_clinician": "Stop running and see a clinician",
    "rest": "Rest today",
    "cross_train": "Cross-train or walk today, pain-free",
    "easy": "Easy run today, within the cap",
    "train": "Train as planned",
}
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
    """What today should be, why, how much, and when rest would make you fresh again."""

    day: date
    kind: Kind
    headline: str
    reasons: tuple[str, ...]
    warnings: tuple[Warning, ...]
    cap: Cap
    forecast: Forecast
    practices: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON documented for `stridewise today --json`."""
        return {
            "date": self.day.isoformat(),
            "kind": self.kind,
            "cap": self.cap.to_dict(),
            "reasons": list(self.reasons),
            "warnings": [w.to_dict() for w in self.warnings],
            "forecast": self.forecast.to_dict(),
        }


def choose_kind(warnings: list[Warning], cap: Cap, stressed: bool) -> Kind:
    """The kind of day the warnings and cap allow (see the module docstring for the order)."""
    if any(w.is_red_flag for w in warnings):
        return "see_clinician"
    ids = {w.id: w for w in warnings}
    ratio = ids.get("load_ratio_high")
    heavy_ratio = ratio is not None and ratio.severity == "high"
    if REST_IDS & ids.keys() or heavy_ratio:
        return "rest"
    if any(w.id in PAIN_IDS and w.severity == "high" for w in warnings):
        return "cross_train"
    if cap.minutes < MIN_EASY_MINUTES:
        return "rest"
    if stressed or any(w.severity != "info" for w in warnings):
        return "easy"
    return "train"


def _cap_reason(cap: Cap, kind: Kind, done_today: float) -> str:
    if kind in NO_RUN_KINDS:
        return "No running today, so the running cap is 0."
    limit = "the load ratio ≤ 1.3" if cap.binding == "load_ratio" else "form above −30"
    distance = "" if cap.km is None else f" ≈ {cap.km:.1f} km"
    already = (
        f"After what you have already done today (load {done_today:.0f}), the most you can add"
        if done_today > 0
        else "The most you can run today"
    )
    text = (
        f"{already} and stay in band: load {cap.load:.0f}, about "
        f"{cap.minutes} min easy{distance} (set by {limit})"
    )
    if cap.stress_adjusted:
        text += ", 20% lower because today is a high-stress day"
    if cap.max_single_run_m:
        text += f"; keep any single run under {cap.max_single_run_m / 1000:.1f} km"
    return text + "."


def _forecast_reason(forecast: Forecast) -> str:
    if forecast.days_to_both == 0:
        return "Form and load ratio are both in range this morning."
    if forecast.days_to_both is not None:
        return (
            f"With complete rest, form is back above −10 and the load ratio in 0.8-1.3 "
            f"after {forecast.days_to_both} day{'s' if forecast.days_to_both != 1 else ''}."
        )
    form_days = forecast.days_to_form_ok
    return (
        "With complete rest, form is back above −10 after "
        + (
            f"{form_days} day{'s' if form_days != 1 else ''}"
            if form_days is not None
            else "more than two weeks"
        )
        + "; rest alone drops the load ratio below 0.8, so ease back in with short easy runs."
    )


def build_advice(
    daily: pd.DataFrame,
    runs: pd.DataFrame,
    pain: pd.DataFrame,
    wellness: pd.DataFrame,
    profile: AthleteProfile,
    as_of: date,
) -> Advice:
    """Run every rule for `as_of` and turn the result into today's recommendation."""
    warnings = most_serious_first(
        [
            *red_flag_warnings(pain, runs, as_of),
            *pain_warnings(pain, runs, as_of),
            *load_warnings(daily, as_of, profile, runs),
            *wellness_warnings(wellness, daily, as_of),
        ]
    )
    stressed = stressed_today(wellness, as_of)
    state = load_state(daily, as_of, profile)
    days = pd.to_datetime(daily["date"]).dt.date if not daily.empty else pd.Series(dtype=object)
    today_rows = daily[days == as_of] if not daily.empty else daily
    longest = float(today_rows["longest_run_30d_m"].iloc[-1]) if not today_rows.empty else None
    cap = todays_cap(
        state, profile, easy_run(runs, as_of), stressed=stressed, longest_30d_m=longest
    )
    forecast = rest_forecast(state, profile, as_of)
    kind = choose_kind(warnings, cap, stressed)
    if kind in NO_RUN_KINDS:
        cap = replace(cap, load=0.0, minutes=0, km=None if cap.km is None else 0.0)
    reasons = [w.message for w in warnings if w.severity != "info" or kind == "train"]
    if kind == "rest" and state.done_today > 0 and cap.minutes < MIN_EASY_MINUTES:
        reasons.append(
            f"You have already trained today (load {state.done_today:.0f}); "
            "the rest of the day is for recovery."
        )
    reasons += [_cap_reason(cap, kind, state.done_today), _forecast_reason(forecast)]
    stress_noted = stressed or any(w.id.startswith("stress_sleep") for w in warnings)
    return Advice(
        day=as_of,
        kind=kind,
        headline=HEADLINES[kind],
        reasons=tuple(reasons),
        warnings=tuple(warnings),
        cap=cap,
        forecast=forecast,
        practices=RECOVERY_PRACTICES if stress_noted else (),
    )
