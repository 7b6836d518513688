"""Named bands for form and the load ratio, with the wording the app uses for them."""

from __future__ import annotations

import math

# Form (TSB) zones, intervals.icu-style; a value exactly on a boundary goes to the lower zone,
# i.e. "> threshold" moves up (Elevate's upper-bound-inclusive rule; docs/science.md#form).
FORM_TRANSITION = 20.0
FORM_FRESH = 5.0
FORM_GREY = -10.0
FORM_OPTIMAL = -30.0

ACWR_LOW = 0.8  # Gabbett 2016 "sweet spot" lower edge (docs/science.md#acwr)
ACWR_CAUTION = 1.3  # Gabbett 2016 "sweet spot" upper edge (docs/science.md#acwr)
ACWR_HIGH = 1.5  # Gabbett 2016 upper threshold (docs/science.md#acwr)

FORM_ZONES = (  # (name, lower bound exclusive, upper bound inclusive, runner-facing meaning)
    ("transition", FORM_TRANSITION, math.inf, "very fresh: fitness may be slipping"),
    ("fresh", FORM_FRESH, FORM_TRANSITION, "fresh: ready for a race or a hard day"),
    ("grey", FORM_GREY, FORM_FRESH, "neutral: maintaining"),
    ("optimal", FORM_OPTIMAL, FORM_GREY, "productive training load"),
    ("high_fatigue", -math.inf, FORM_OPTIMAL, "high fatigue: recovery needed"),
)

ACWR_CAVEAT = (
    "The load ratio describes how fast your load is changing compared with your usual; it is not "
    "an injury probability (Impellizzeri et al. 2020; Frandsen et al. 2025)."
)


def form_zone(tsb: float) -> str:
    """Name of the form zone a TSB value falls in."""
    for name, lower, upper, _ in FORM_ZONES:
        if lower < tsb <= upper:
            return name
    return "high_fatigue"


def form_meaning(tsb: float) -> str:
    """Plain-language meaning of a TSB value."""
    zone = form_zone(tsb)
    return next(meaning for name, _, _, meaning in FORM_ZONES if name == zone)


ACWR_MEANINGS = {  # runner-facing words for each band (never the band's code name)
    "unknown": "shown after four weeks of history",
    "low": "below your usual",
    "usual": "in your usual range",
    "above": "above your usual",
    "well_above": "well above your usual",
}


def acwr_meaning(ratio: float | None) -> str:
    """Plain-language meaning of a load ratio."""
    return ACWR_MEANINGS[acwr_band(ratio)]


def acwr_band(ratio: float | None) -> str:
    """low / usual / above / well_above for a load ratio; 'unknown' before 28 days of history."""
    if ratio is None or math.isnan(ratio):
        return "unknown"
    if ratio < ACWR_LOW:
        return "low"
    if ratio <= ACWR_CAUTION:
        return "usual"
    if ratio <= ACWR_HIGH:
        return "above"
    return "well_above"
