"""The athlete's physiology and the model settings that every load formula depends on."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Sex = Literal["M", "F"]

CTL_DAYS = 42  # fitness time constant; Coggan PMC default (SCIENCE.md 2.1)
ATL_DAYS = 7  # fatigue time constant; Banister 1975 / PMC default (SCIENCE.md 2.1)
TRIMP_MALE_A = 0.64  # Banister TRIMP weighting, men; Morton et al. 1990 (SCIENCE.md 1.1)
TRIMP_MALE_B = 1.92  # Banister TRIMP exponent, men; Morton et al. 1990 (SCIENCE.md 1.1)
TRIMP_FEMALE_A = 0.86  # Banister TRIMP weighting, women; Morton et al. 1990 (SCIENCE.md 1.1)
TRIMP_FEMALE_B = 1.67  # Banister TRIMP exponent, women; Morton et al. 1990 (SCIENCE.md 1.1)
LTHR_HRR_FRACTION = 0.85  # default LTHR as a fraction of HR reserve; Elevate (SCIENCE.md 1.2)
DEFAULT_HR_REST = 60  # assumed resting HR when the runner has not set one; Runalyze default
NO_REST_DAYS_LIMIT = 10  # consecutive training days before a "no rest day" note (issue setting)


@dataclass(frozen=True)
class AthleteProfile:
    """Physiology used by the load formulas; None means unknown and triggers a fallback."""

    athlete_id: int = 1
    name: str = "Runner"
    sex: Sex | None = None
    hr_max: int | None = None
    hr_rest: int | None = None
    lthr: int | None = None
    threshold_pace_s_per_km: float | None = None
    timezone: str | None = None
    starting_ctl: float = 0.0
    starting_atl: float | None = None
    ctl_days: int = CTL_DAYS
    atl_days: int = ATL_DAYS
    trimp_female_a: float = TRIMP_FEMALE_A
    no_rest_days_limit: int = NO_REST_DAYS_LIMIT

    @property
    def effective_hr_rest(self) -> int:
        """Resting HR, or the documented default when the runner has not set it."""
        return self.hr_rest if self.hr_rest is not None else DEFAULT_HR_REST

    @property
    def effective_lthr(self) -> float | None:
        """Threshold HR as set, else 85 % of heart-rate reserve above rest (Elevate's default)."""
        if self.lthr is not None:
            return float(self.lthr)
        if self.hr_max is None:
            return None
        rest = self.effective_hr_rest
        return rest + LTHR_HRR_FRACTION * (self.hr_max - rest)

    @property
    def hr_problem(self) -> tuple[tuple[str, ...], str] | None:
        """(fields, what is wrong) when max > threshold > resting HR does not hold, else None.

        Heart-rate reserve divides by max − rest and the HR score by the threshold's TRIMP, so
        an inconsistent trio cannot score a session; load falls to the next source instead.
        """
        lthr, top, rest = self.lthr, self.hr_max, self.effective_hr_rest
        rest_field = ("hr_rest",) if self.hr_rest is not None else ()
        if top is not None and top <= rest:
            return ("hr_max", *rest_field), f"max HR ({top}) must be above resting HR ({rest})"
        if lthr is not None and top is not None and lthr >= top:
            return ("lthr", "hr_max"), f"threshold HR ({lthr}) must be below max HR ({top})"
        if lthr is not None and lthr <= rest:
            return ("lthr", *rest_field), f"threshold HR ({lthr}) must be above resting HR ({rest})"
        return None

    @property
    def trimp_constants(self) -> tuple[float, float]:
        """(a, b) of the Banister TRIMP weighting for this athlete's sex (men's when unknown)."""
        if self.sex == "F":
            return self.trimp_female_a, TRIMP_FEMALE_B
        return TRIMP_MALE_A, TRIMP_MALE_B

    def with_changes(self, **changes: object) -> AthleteProfile:
        """Copy with some fields changed (settings page, CLI `profile --set`)."""
        return replace(self, **changes)  # type: ignore[arg-type]
