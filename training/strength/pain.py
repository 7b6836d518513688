"""Pain-monitoring rules for strength work: traffic lights, trends and red flags.

Adapted from the Silbernagel et al. 2007 pain-monitoring model (SCIENCE.md 6.6 and 7.3). The
model comes from Achilles tendinopathy; using it for hip strengthening is clinical convention.
The rising-pain rule and the red flags are the coach's own (training.coach), so the Strength
page and Today never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from training.coach.pain_rules import rising_trend
from training.coach.red_flags import flag_words

PROGRESS_MAX_PAIN = 3  # progress only at ≤ 3/10 during exercise; SCIENCE.md 7.3 / 6.6 "green"
ACCEPTABLE_MAX_PAIN = 5  # above 5/10 is "red" in the pain-monitoring model; Silbernagel 2007
REFERRAL_TEXT = (
    "Stop the strength plan and see a clinician promptly: the same day if you have a fever, "
    "cannot bear weight, or the pain started after a fall."
)


class Light(StrEnum):
    """Traffic light of one exercise or session."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    PENDING = "pending"  # next-morning response not known yet


@dataclass(frozen=True)
class Morning:
    """How the sore area felt the morning after a session; None where not reported."""

    settled: bool | None = None
    pain: int | None = None


def light(exercise_pain: int, morning: Morning) -> tuple[Light, str]:
    """Classify one exercise's pain plus the next morning, with the reason in plain words."""
    if exercise_pain > ACCEPTABLE_MAX_PAIN:
        return (
            Light.RED,
            f"pain {exercise_pain}/10 during the exercise is above {ACCEPTABLE_MAX_PAIN}/10",
        )
    if morning.pain is not None and morning.pain > ACCEPTABLE_MAX_PAIN:
        return (
            Light.RED,
            f"pain {morning.pain}/10 the next morning is above {ACCEPTABLE_MAX_PAIN}/10",
        )
    if exercise_pain > PROGRESS_MAX_PAIN:
        return (
            Light.AMBER,
            f"pain {exercise_pain}/10 during the exercise (progress needs ≤ {PROGRESS_MAX_PAIN})",
        )
    if morning.settled is False:
        return Light.AMBER, "the pain had not settled by the next morning"
    if morning.settled is None:
        return Light.PENDING, "waiting to hear how it felt the next morning"
    return Light.GREEN, f"pain {exercise_pain}/10 and settled by the next morning"


def weekly_means(values_by_week: dict[int, list[float]], weeks: Iterable[int]) -> list[float]:
    """Mean pain per week in order; NaN for weeks with no value."""
    return [
        sum(values_by_week[w]) / len(values_by_week[w]) if values_by_week.get(w) else math.nan
        for w in weeks
    ]


def trend(weekly: Sequence[float]) -> str:
    """'rising', 'settling' or 'stable' from weekly pain means (rising as the coach defines it)."""
    if rising_trend(weekly):
        return "rising"
    known = [v for v in weekly if not math.isnan(v)]
    if len(known) >= 2 and known[-1] < known[-2]:
        return "settling"
    return "stable"


def red_flag_reasons(flags: Iterable[str]) -> list[str]:
    """Plain-words reasons for the red flags present (reported or derived), in a stable order."""
    return [flag_words(key) for key in sorted(set(flags))]
