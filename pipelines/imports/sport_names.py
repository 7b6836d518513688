"""Sport names in exports and files → Strava's `sport_type` values, the ones the app groups by.

The export's activities.csv holds the *display* name ("Weight Training", localized for
non-English accounts); FIT, GPX and TCX each have their own vocabulary.
"""

from __future__ import annotations

import re
import unicodedata

FALLBACK_SPORT = "Workout"  # Strava's own name for an activity of no known sport

# Display names whose sport_type is not simply the words joined (English and localized).
_DISPLAY = {
    "e-bike ride": "EBikeRide",
    "e-mountain bike ride": "EMountainBikeRide",
    "hiit": "HighIntensityIntervalTraining",
    "rock climb": "RockClimbing",
    "canoe": "Canoeing",
    "kayak": "Kayaking",
    "surf": "Surfing",
    "sail": "Sail",
    "football (soccer)": "Soccer",
    "stand up paddling": "StandUpPaddling",
    # German
    "lauf": "Run",
    "traillauf": "TrailRun",
    "virtueller lauf": "VirtualRun",
    "radfahrt": "Ride",
    "virtuelle radfahrt": "VirtualRide",
    "spaziergang": "Walk",
    "wanderung": "Hike",
    "schwimmen": "Swim",
    "krafttraining": "WeightTraining",
    "training": "Workout",
    # French
    "course a pied": "Run",
    "course": "Run",
    "trail": "TrailRun",
    "sortie a velo": "Ride",
    "velo": "Ride",
    "marche": "Walk",
    "randonnee": "Hike",
    "natation": "Swim",
    "musculation": "WeightTraining",
    "entrainement": "Workout",
    # Spanish / Italian / Dutch / Portuguese
    "carrera": "Run",
    "bicicleta": "Ride",
    "caminata": "Walk",
    "senderismo": "Hike",
    "natacion": "Swim",
    "entrenamiento con pesas": "WeightTraining",
    "corsa": "Run",
    "giro in bici": "Ride",
    "camminata": "Walk",
    "escursionismo": "Hike",
    "nuoto": "Swim",
    "hardlopen": "Run",
    "fietsrit": "Ride",
    "wandeling": "Walk",
    "wandelen": "Walk",
    "zwemmen": "Swim",
    "corrida": "Run",
    "pedalada": "Ride",
    "caminhada": "Walk",
    "natacao": "Swim",
    "musculacao": "WeightTraining",
}
_FIT_SPORTS = {
    "running": "Run",
    "cycling": "Ride",
    "walking": "Walk",
    "hiking": "Hike",
    "swimming": "Swim",
    "rowing": "Rowing",
    "cross_country_skiing": "NordicSki",
    "alpine_skiing": "AlpineSki",
    "snowboarding": "Snowboard",
    "e_biking": "EBikeRide",
    "rock_climbing": "RockClimbing",
    "stand_up_paddleboarding": "StandUpPaddling",
    "inline_skating": "InlineSkate",
    "kayaking": "Kayaking",
    "yoga": "Yoga",
    "training": "Workout",
    "fitness_equipment": "Workout",
    "hiit": "HighIntensityIntervalTraining",
}
_FIT_SUB_SPORTS = {
    ("running", "trail"): "TrailRun",
    ("running", "virtual_activity"): "VirtualRun",
    ("cycling", "virtual_activity"): "VirtualRide",
    ("cycling", "mountain"): "MountainBikeRide",
    ("cycling", "gravel_cycling"): "GravelRide",
    ("training", "strength_training"): "WeightTraining",
    ("training", "yoga"): "Yoga",
    ("training", "pilates"): "Pilates",
    ("fitness_equipment", "elliptical"): "Elliptical",
    ("fitness_equipment", "stair_climbing"): "StairStepper",
    ("fitness_equipment", "indoor_rowing"): "Rowing",
}
# Strava's older GPX exports number the type: 1 ride, 9 run, 10 walk.
_GPX_NUMBERS = {"1": "Ride", "9": "Run", "10": "Walk"}
_KEYWORDS = (
    ("trail", "TrailRun"),
    ("run", "Run"),
    ("walk", "Walk"),
    ("hik", "Hike"),
    ("swim", "Swim"),
    ("bik", "Ride"),
    ("cycl", "Ride"),
    ("ride", "Ride"),
    ("strength", "WeightTraining"),
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def from_display(display: str | None, *, english: bool = True) -> str | None:
    """The sport_type of an "Activity Type" cell: "Weight Training" → WeightTraining.

    Localized names outside our table give None, so the activity file's sport can decide.
    """
    if not display or not display.strip():
        return None
    folded = _fold(display)
    if folded in _DISPLAY:
        return _DISPLAY[folded]
    return joined_words(display) if english else None


def joined_words(display: str) -> str | None:
    """Strava's own rule for most types: the display words joined ("Virtual Ride" → VirtualRide)."""
    words = re.findall(r"\w+", display)
    return "".join(word[:1].upper() + word[1:] for word in words) or None


def from_fit(sport: object, sub_sport: object) -> str | None:
    """The sport_type for a FIT session's sport and sub_sport."""
    if sport is None:
        return None
    key = (str(sport), str(sub_sport))
    return _FIT_SUB_SPORTS.get(key) or _FIT_SPORTS.get(str(sport), FALLBACK_SPORT)


def from_keyword(text: str | None) -> str | None:
    """The sport_type for a free-text type (GPX <type>, TCX Sport): "running", "Biking", "9"."""
    if not text or not text.strip():
        return None
    if text.strip() in _GPX_NUMBERS:
        return _GPX_NUMBERS[text.strip()]
    folded = _fold(text)
    for keyword, sport_type in _KEYWORDS:
        if keyword in folded:
            return sport_type
    return None
