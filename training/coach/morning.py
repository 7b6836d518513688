"""'This morning': the end of yesterday, the one state every number on the Today card reads.

Form, both load ratios, monotony and ramp are yesterday's end-of-day values, so they
agree with each other whatever today already holds; today's sessions so far are kept apart as
`done_today`. The cap solves for the end of today and the rest forecast starts from this state.
Before the first activity the state is the profile's seed (starting fitness, or 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from training.fitness import ACWR_ACUTE_DAYS, ACWR_CHRONIC_DAYS, ACWR_MIN_HISTORY_DAYS, ewma_lambda
from training.profile import AthleteProfile

SETTLING_DAYS = 42  # zero-seeded fitness takes about 4-6 weeks to converge; docs/science.md#fitness


@dataclass(frozen=True)
class MorningState:
    """The model at the end of yesterday, and what today already holds."""

    day: date
    ctl: float
    atl: float
    acute: float
    chronic: float
    ratio: float | None
    ratio_rolling: float | None
    monotony: float | None
    ramp: float | None
    days_of_history: int
    done_today: float
    seeded: bool

    @property
    def form(self) -> float:
        """Form this morning: yesterday's fitness minus yesterday's fatigue."""
        return self.ctl - self.atl

    @property
    def ratio_shown_tomorrow(self) -> bool:
        """Whether the ratio at the end of today is shown (28 days of history by then)."""
        return self.days_of_history >= ACWR_MIN_HISTORY_DAYS - 1 and self.days_of_history > 0

    @property
    def settling(self) -> bool:
        """Under ~6 weeks of history without a starting fitness: form still reads too low."""
        return self.days_of_history < SETTLING_DAYS and not self.seeded

    def to_dict(self) -> dict[str, float | int | str | None]:
        """The documented `morning` object of `stridewise today --json`."""

        def rounded(value: float | None, digits: int) -> float | None:
            return None if value is None else round(value, digits)

        return {
            "as_of_end_of": (self.day - timedelta(days=1)).isoformat(),
            "fitness": round(self.ctl, 1),
            "fatigue": round(self.atl, 1),
            "form": round(self.form, 1),
            "acwr": rounded(self.ratio, 3),
            "acwr_rolling": rounded(self.ratio_rolling, 3),
            "monotony": rounded(self.monotony, 2),
            "ramp": rounded(self.ramp, 2),
            "days_of_history": self.days_of_history,
        }


def dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with a python `day` column, whatever type `date` arrived as."""
    if frame.empty:
        return frame.assign(day=pd.Series(dtype=object))
    return frame.assign(day=pd.to_datetime(frame["date"]).dt.date)


def _number(row: pd.Series | None, column: str) -> float | None:
    raw = None if row is None else row.get(column)
    return None if raw is None or pd.isna(raw) else float(raw)


def yesterday_row(daily: pd.DataFrame, as_of: date) -> pd.Series | None:
    """The daily-metrics row of the day before `as_of`, or None before the first activity."""
    frame = daily if "day" in daily else dated(daily)
    rows = frame[frame["day"] == as_of - timedelta(days=1)]
    return None if rows.empty else rows.iloc[-1]


def _ewma_end(loads: list[float], days: int) -> float:
    """EWMA of a load series seeded with its first value, as training.fitness does."""
    if not loads:
        return 0.0
    lam = ewma_lambda(days)
    value = loads[0]
    for load in loads:
        value += lam * (load - value)
    return value


def morning_state(daily: pd.DataFrame, as_of: date, profile: AthleteProfile) -> MorningState:
    """Yesterday's end-of-day state and today's load so far, from a daily-metrics frame."""
    frame = dated(daily)
    before = frame[frame["day"] < as_of].sort_values("day") if not frame.empty else frame
    today = frame[frame["day"] == as_of] if not frame.empty else frame
    loads = pd.to_numeric(before["load"], errors="coerce").fillna(0.0).tolist()
    row = yesterday_row(frame, as_of) if not frame.empty else None
    ctl, atl = _number(row, "ctl"), _number(row, "atl")
    seed_atl = profile.starting_ctl if profile.starting_atl is None else profile.starting_atl
    return MorningState(
        day=as_of,
        ctl=profile.starting_ctl if ctl is None else ctl,
        atl=seed_atl if atl is None else atl,
        acute=_ewma_end(loads, ACWR_ACUTE_DAYS),
        chronic=_ewma_end(loads, ACWR_CHRONIC_DAYS),
        ratio=_number(row, "acwr"),
        ratio_rolling=_number(row, "acwr_rolling"),
        monotony=_number(row, "monotony"),
        ramp=_number(row, "ramp"),
        days_of_history=len(loads),
        done_today=float(pd.to_numeric(today["load"], errors="coerce").fillna(0.0).sum()),
        seeded=profile.starting_ctl > 0,
    )
