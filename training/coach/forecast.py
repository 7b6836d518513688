"""How many rest days until form and the load ratio are back in range, from this morning's state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from training.bands import ACWR_CAUTION, ACWR_LOW, FORM_GREY
from training.coach.morning import MorningState
from training.fitness import ACWR_ACUTE_DAYS, ACWR_CHRONIC_DAYS, ewma_lambda, pmc_coefficient
from training.profile import AthleteProfile

FORECAST_DAYS = 14  # rest-day forecast horizon
OUTLOOK_DAYS = 7  # days shown on the Today page


@dataclass(frozen=True)
class OutlookDay:
    """One morning of the rest-only projection."""

    day: date
    form: float
    ratio: float | None


@dataclass(frozen=True)
class Forecast:
    """Rest days until form is back above −10 and the ratio sits in 0.8-1.3 (None: not in 14)."""

    days_to_form_ok: int | None
    days_to_ratio_ok: int | None
    days_to_both: int | None
    outlook: tuple[OutlookDay, ...]

    def to_dict(self) -> dict[str, object]:
        """The documented `forecast` object of `stridewise today --json`."""
        return {
            "rest_days_to_form_above_minus_10": self.days_to_form_ok,
            "rest_days_to_ratio_in_band": self.days_to_ratio_ok,
            "rest_days_to_both": self.days_to_both,
            "outlook": [
                {
                    "date": d.day.isoformat(),
                    "form": round(d.form, 1),
                    "acwr": None if d.ratio is None else round(d.ratio, 3),
                }
                for d in self.outlook
            ],
        }


def _form_ok(form: float) -> bool:
    return form > FORM_GREY


def _ratio_ok(ratio: float | None) -> bool:
    return ratio is None or ACWR_LOW <= ratio <= ACWR_CAUTION


def rest_forecast(state: MorningState, profile: AthleteProfile) -> Forecast:
    """Project mornings of complete rest from this morning (today's load so far counts)."""
    kc, ka = pmc_coefficient(profile.ctl_days), pmc_coefficient(profile.atl_days)
    la, lc = ewma_lambda(ACWR_ACUTE_DAYS), ewma_lambda(ACWR_CHRONIC_DAYS)
    ctl, atl, acute, chronic = state.ctl, state.atl, state.acute, state.chronic
    first_form = 0 if _form_ok(state.form) else None
    first_ratio = 0 if _ratio_ok(state.ratio) else None
    first_both = 0 if first_form == 0 and first_ratio == 0 else None
    outlook = []
    for k in range(1, FORECAST_DAYS + 1):
        load = state.done_today if k == 1 else 0.0
        ctl += kc * (load - ctl)
        atl += ka * (load - atl)
        acute += la * (load - acute)
        chronic += lc * (load - chronic)
        form = ctl - atl
        ratio = acute / chronic if state.ratio_shown_tomorrow and chronic > 0 else None
        if k <= OUTLOOK_DAYS:
            outlook.append(OutlookDay(state.day + timedelta(days=k), form, ratio))
        if first_form is None and _form_ok(form):
            first_form = k
        if first_ratio is None and _ratio_ok(ratio):
            first_ratio = k
        if first_both is None and _form_ok(form) and _ratio_ok(ratio):
            first_both = k
    return Forecast(first_form, first_ratio, first_both, tuple(outlook))
