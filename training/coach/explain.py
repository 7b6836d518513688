"""The sentences that explain today's kind, its cap and the rest forecast, in a coach's words."""

from __future__ import annotations

from training.bands import ACWR_LOW
from training.coach.cap import Cap
from training.coach.forecast import Forecast
from training.coach.morning import SETTLING_DAYS, MorningState
from training.coach.warning import Warning
from training.profile import AthleteProfile
from training.return_to_run import ReturnToRun

SETTLING_SOURCE = (
    "Zero-seeded fitness converges over about 4-6 weeks; TrainingPeaks, Estimate starting "
    "fitness (CTL): 50-75 per hour of usual training"
)
HR_SOURCE = "Heart-rate reserve (Karvonen) and the threshold-HR score need max > threshold > rest"
BINDINGS = {
    "load_ratio": "set by keeping your load ratio at or under 1.3",
    "ratio_hold": "the most that keeps your load ratio from climbing further",
    "usual_easy": "your usual easy run, while your recent load is above usual",
    "short_run": "a short easy run while your recent load is well above usual",
    "easy_floor": "a short easy run: on its own this is no reason to rest",
    "settling_floor": "a short easy run while your numbers settle",
    "recovery_run": "a short recovery run the day after a hard effort",
    "form": "set by keeping tomorrow morning's form above −30",
    "single_run": "your single-run limit, 10% past your longest run of the last 30 days",
    "first_run": "the first-run cap, since you have not run in the last 30 days",
    "return_to_run": "your return-to-run session",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def settling_note(state: MorningState, estimate: float | None) -> Warning:
    """Info: fitness, fatigue and form are still settling (short history, no starting fitness)."""
    offer = (
        f"Set a starting fitness: your first weeks suggest {estimate:.0f} (Settings, or "
        f"`stridewise profile --set starting_ctl={estimate:.0f}`)."
        if estimate
        else "Set a starting fitness in Settings once you have a week or two of sessions."
    )
    return Warning(
        id="numbers_settling",
        severity="info",
        message=(
            f"Your history is {_plural(state.days_of_history, 'day')} long and has no starting "
            "fitness, so fitness, fatigue and form are still settling (about six weeks from "
            "zero): fatigue reads high against a fitness that starts at 0, and advice based on "
            "form is softened until then."
        ),
        numbers={
            "days_of_history": state.days_of_history,
            "settled_after_days": SETTLING_DAYS,
            "estimated_starting_fitness": estimate,
        },
        action=offer,
        source=SETTLING_SOURCE,
    )


def profile_note(profile: AthleteProfile) -> Warning | None:
    """Info: the stored heart rates contradict each other, so HR scoring is off until fixed."""
    problem = profile.hr_problem
    if problem is None:
        return None
    fields, what = problem
    return Warning(
        id="profile_heart_rates",
        severity="info",
        message=(
            f"Your profile's heart rates do not fit together: {what}. Heart-rate scoring is off "
            "until you fix it; sessions are scored from your RPE, pace or duration meanwhile."
        ),
        numbers={"fields": ", ".join(fields)},
        action="Fix it in Settings → Your profile, or with `stridewise profile --set FIELD=VALUE`.",
        source=HR_SOURCE,
    )


def comeback_reason(comeback: ReturnToRun, cap: Cap) -> str:
    """Why today is a return-to-run day, and how the return grows."""
    km = (cap.single_run_limit_m or 0.0) / 1000.0
    if comeback.rest_day_between:
        return (
            "You ran yesterday: return-to-run programmes keep a day without running between "
            "runs while you build back. A walk or easy cross-training is fine."
        )
    if comeback.last_run is None:
        start = "No running in your history yet"
    elif comeback.reason == "no_recent_run":
        start = f"No run in the last {_plural(comeback.days_since_run or 0, 'day')}"
    else:
        start = "Your running base is still small, so the load ratio cannot guide you yet"
    how = (
        "start with a walk-run (walk 2 min, jog 3 min, repeated)"
        if comeback.walk_run
        else "keep the first run back short and easy"
        if comeback.max_minutes
        else "keep runs easy"
    )
    limit = (
        f"{km:.1f} km or 30 minutes, whichever comes first"
        if comeback.max_minutes
        else f"{km:.1f} km"
    )
    return (
        f"{start}: {how}, up to {limit} today. Leave a day between runs, and let each run "
        "grow by at most 10% over your longest of the last 30 days."
    )


def cap_reason(cap: Cap, no_run: bool, done_today: float) -> str:
    """How much running fits today, and what set that number."""
    if no_run and done_today > 0:
        return (
            f"You have already trained today (load {done_today:.0f}); the rest of the day is "
            "for recovery, so the running cap is 0."
        )
    if no_run:
        return "No running today, so the running cap is 0."
    if cap.binding == "race":
        shown = "" if cap.km is None else f" ({cap.km:.1f} km)"
        return f"Race day{shown}: no cap applies to the race itself; warm up easy."
    already = (
        f"After what you have already done today (load {done_today:.0f}), the most you can add"
        if done_today > 0
        else "The most you can run today"
    )
    text = (
        f"{already}: about {cap.minutes} min easy ≈ {cap.km or 0:.1f} km (load "
        f"{cap.load or 0:.0f}), {BINDINGS.get(cap.binding, cap.binding)}"
    )
    if cap.stress_adjusted:
        text += ", 20% lower because today is a high-stress day"
    # The cap already stays within the single-run limit, so the limit is not repeated: one
    # runnable number per card (the JSON keeps it as single_run_limit_km).
    return text + "."


def forecast_reason(forecast: Forecast, state: MorningState, *, comeback: bool) -> str | None:
    """The rest forecast in one sentence (None on a return to running, where it says nothing)."""
    if forecast.days_to_both == 0 and state.ratio is None:
        return "Form is in range this morning (the load ratio appears after four weeks of history)."
    if forecast.days_to_both == 0:
        return "Form and load ratio are both in range this morning."
    if forecast.days_to_both is not None:
        return (
            "With complete rest, form is back above −10 and the load ratio in 0.8-1.3 after "
            f"{_plural(forecast.days_to_both, 'day')}."
        )
    if comeback:
        return None
    form_days = forecast.days_to_form_ok
    text = (
        "Form is in range this morning"
        if form_days == 0
        else f"With complete rest, form is back above −10 after {_plural(form_days, 'day')}"
        if form_days is not None
        else "Form needs more than two weeks of rest to get back above −10"
    )
    if state.ratio is not None and state.ratio < ACWR_LOW:
        return text + (
            "; the load ratio is below 0.8 after a lighter spell, and rest alone would not "
            "change that: easy running brings it back into range."
        )
    return text + "."
