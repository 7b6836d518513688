"""Sport-type groups: which activities count as running, endurance cross-training or strength."""

from __future__ import annotations

RUN_SPORTS = frozenset({"Run", "TrailRun", "VirtualRun"})
WALK_SPORTS = frozenset({"Walk", "Hike"})
STRENGTH_SPORTS = frozenset(
    {"WeightTraining", "Workout", "Crossfit", "Yoga", "Pilates", "HighIntensityIntervalTraining"}
)


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
