"""Sport-type groups: which activities count as running, endurance cross-training or strength."""

from __future__ import annotations

RUN_SPORTS = frozenset({"Run", "TrailRun", "VirtualRun"})
WALK_SPORTS = frozenset({"Walk", "Hike"})
STRENGTH_SPORTS = frozenset(
    {"WeightTraining", "Workout", "Crossfit", "Yoga", "Pilates", "HighIntensityIntervalTraining"}
)
ENDURANCE_GROUPS = frozenset({"run", "cross"})
ENDURANCE_MIN_S = 20 * 60  # a training day needs 20+ min of endurance work (our convention)


def is_run(sport_type: str | None) -> bool:
    """True for the sport types whose distance counts as running volume."""
    return sport_type in RUN_SPORTS


def sport_group(sport_type: str | None) -> str:
    """Coarse group used for default intensities and charts: run, walk, strength or cross."""
    if sport_type in RUN_SPORTS:
        return "run"
    if sport_type in WALK_SPORTS:
        return "walk"
    if sport_type in STRENGTH_SPORTS:
        return "strength"
    return "cross"


def is_endurance_session(sport_type: str | None, moving_time_s: float | None) -> bool:
    """A run or cross-training session long enough to make a day a training day.

    Walks, strength, mobility and yoga still add load; they do not break a rest day.
    """
    return sport_group(sport_type) in ENDURANCE_GROUPS and (moving_time_s or 0) >= ENDURANCE_MIN_S
