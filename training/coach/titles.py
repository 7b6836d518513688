"""A short title for every warning, so the Today page, the CLI and the plan review name a rule
the same way; the numbers in a title come from the rule's own constants."""

from __future__ import annotations

from training.bands import FORM_OPTIMAL
from training.coach.load_rules import MONOTONY_MAX
from training.coach.running_rules import WEEKLY_PROGRESSION_MAX_PCT
from training.coach.warning import RED_FLAG_PREFIX, Warning

TITLES = {
    "run_spike": "A run well past your recent longest",
    "weekly_distance_jump": f"Weekly distance up more than {WEEKLY_PROGRESSION_MAX_PCT - 100}%",
    "load_ratio_high": "Recent load above your usual",
    "load_ratio_low": "Load below your usual for two weeks",
    "form_very_low": f"High fatigue (form at {FORM_OPTIMAL:.0f} or below)".replace("-", "−"),
    "ramp_fast": "Fitness ramping fast",
    "monotony_high": f"Days very alike (monotony above {MONOTONY_MAX:.1f})",
    "no_rest_day": "No rest day for a while",
    "pain_during_run": "Pain during a run",
    "pain_next_morning": "Pain not settled the next morning",
    "pain_trend_rising": "Pain rising week on week",
    "pain_at_rest": "Pain at rest or at night",
    "hard_effort_yesterday": "The day after a race or hard effort",
    "numbers_settling": "Your numbers are still settling",
    "profile_heart_rates": "Your profile's heart rates need fixing",
    "stress_sleep_high_load": "Stress and sleep worse than usual, with high load",
    "stress_sleep_worse": "Stress or sleep worse than usual",
}


def title_of(warning: Warning) -> str:
    """The warning's title; a red flag is named by its key ('Red flag: rest pain')."""
    if warning.is_red_flag:
        return "Red flag: " + warning.id.removeprefix(RED_FLAG_PREFIX + "_").replace("_", " ")
    return TITLES.get(warning.id) or warning.id.replace("_", " ")
