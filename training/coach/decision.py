"""Which of the five kinds of day today is, in one documented order (README: How Today decides).

1. a red flag: see a clinician;
2. pain above the pain-monitoring model's limits: cross-train or walk, pain-free;
3. race day in the active plan: race;
4. form at −30 or below (once the numbers have settled), the runner's own no-rest-day limit, or
   three independent signals together: rest;
5. the day after a return run: walk or cross-train (one day without running between runs);
6. a cap too small for an easy run because of tomorrow's form: rest; because of what today
   already holds: done for today;
7. the load ratio well above usual (> 1.5): an easy short run or cross-training;
8. a return to running: an easy return run (or walk-run) within the return cap;
9. any caution, or a high-stress day: an easy run within the cap;
10. otherwise: train as planned.

The load ratio describes change; alone it never makes a rest day (docs/science.md#acwr).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from training.coach.cap import MIN_EASY_MINUTES, Cap
from training.coach.warning import Warning
from training.return_to_run import ReturnToRun

Kind = Literal["see_clinician", "rest", "cross_train", "easy", "train"]
NO_RUN_KINDS = frozenset({"see_clinician", "rest", "cross_train"})
PAIN_IDS = frozenset({"pain_during_run", "pain_next_morning", "pain_trend_rising"})
LOAD_BINDINGS = frozenset(
    {"load_ratio", "ratio_hold", "usual_easy", "short_run", "easy_floor", "settling_floor", "form"}
)
REST_SIGNALS = 3  # three independent signals together make a rest day (our convention)
SIGNAL_GROUPS = {  # warnings that describe the same thing count once
    "load_ratio_high": "load rising",
    "ramp_fast": "load rising",
    "run_spike": "a run spike",
    "monotony_high": "monotonous days",
    "stress_sleep_high_load": "stress and sleep",
    "pain_during_run": "pain",
    "pain_next_morning": "pain",
    "pain_at_rest": "pain",
    "hard_effort_yesterday": "yesterday's hard effort",
}

HEADLINES = {
    "see_clinician": "Stop running and see a clinician",
    "rest": "Rest today",
    "done": "Done for today: rest and recover",
    "pain": "Cross-train or walk today, pain-free",
    "race": "Race day: run your race",
    "between_returns": "Walk or cross-train today: a day off running between return runs",
    "short_run": "Easy short run or cross-training today",
    "walk_run": "Walk-run today: ease back into running",
    "return": "Easy return run today, within the cap",
    "easy": "Easy run today, within the cap",
    "train": "Train as planned",
}


def signal_groups(warnings: Iterable[Warning]) -> list[str]:
    """The independent signals among the cautions, each named once, in a stable order."""
    groups = {SIGNAL_GROUPS[w.id] for w in warnings if w.id in SIGNAL_GROUPS and w.rank >= 1}
    return sorted(groups)


def _done_for_today(cap: Cap, done_today: float) -> bool:
    """No easy run fits: tomorrow's form, or what today already holds, leaves too little."""
    small = (cap.minutes or 0) < MIN_EASY_MINUTES
    if cap.binding == "return_to_run":
        return cap.minutes == 0 and done_today > 0  # one return session a day
    return small and cap.binding in LOAD_BINDINGS and (cap.binding == "form" or done_today > 0)


def choose_kind(
    warnings: list[Warning],
    cap: Cap,
    *,
    stressed: bool,
    race_day: bool,
    comeback: ReturnToRun | None,
    done_today: float,
) -> tuple[Kind, str]:
    """The kind of day and the headline variant that says it (see the module docstring)."""
    ids = {w.id: w for w in warnings}
    if any(w.is_red_flag for w in warnings):
        return "see_clinician", "see_clinician"
    if any(w.id in PAIN_IDS and w.severity == "high" for w in warnings):
        return "cross_train", "pain"
    if race_day:
        return "train", "race"
    form = ids.get("form_very_low")
    if (form is not None and form.severity == "high") or "no_rest_day" in ids:
        return "rest", "rest"
    if len(signal_groups(warnings)) >= REST_SIGNALS:
        return "rest", "rest"
    if comeback is not None and comeback.rest_day_between:
        return "cross_train", "between_returns"
    if cap.minutes is not None and _done_for_today(cap, done_today):
        return "rest", "done" if done_today > 0 else "rest"
    ratio = ids.get("load_ratio_high")
    if ratio is not None and ratio.severity == "high":
        return "easy", "short_run"
    if comeback is not None:
        return "easy", "walk_run" if comeback.walk_run else "return"
    if stressed or any(w.severity != "info" for w in warnings):
        return "easy", "easy"
    return "train", "train"
