"""What the generator needs to know about the runner's real history up to today."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from training.fitness import ACWR_ACUTE_DAYS, ACWR_CHRONIC_DAYS, ewma_lambda
from training.planner.model import monday_of

USUAL_WEEKS = 4  # "current volume" = mean of the last 4 full weeks, as the chronic window


@dataclass(frozen=True)
class StartState:
    """What the generator needs from the real history up to today."""

    today: date
    week_loads: tuple[float, ...]  # full weeks before the current one, oldest first
    base_distance_m: float  # mean weekly running distance of the last 4 full weeks
    current_week_load: float  # real load from this Monday up to today
    longest_by_day: dict[date, float] = field(default_factory=dict)  # last 30 days
    acute: float = 0.0  # EWMA 7-day load today (Williams 2017, as training.fitness)
    chronic: float = 0.0  # EWMA 28-day load today
    history_days: int = 0  # days of history, for the 28-day rule before a ratio exists


def start_state(history: pd.DataFrame, today: date) -> StartState:
    """Summarise daily metrics rows (date, load, distance_m, longest_run_m) up to `today`."""
    monday = monday_of(today)
    if history.empty:
        return StartState(today, (), 0.0, 0.0, {})
    days = history.assign(day=pd.to_datetime(history["date"]).dt.date)
    days = days[days["day"] <= today]
    before = days[days["day"] < monday]
    week = before["day"].map(monday_of)
    loads = before.groupby(week)["load"].sum()
    distances = before.groupby(week)["distance_m"].sum()
    full = [monday - timedelta(weeks=i) for i in range(USUAL_WEEKS, 0, -1)]
    recent = days[days["day"] >= today - timedelta(days=31)]
    loads_all = days.sort_values("day")["load"].astype(float).tolist()
    acute = chronic = loads_all[0] if loads_all else 0.0
    for load in loads_all:
        acute += ewma_lambda(ACWR_ACUTE_DAYS) * (load - acute)
        chronic += ewma_lambda(ACWR_CHRONIC_DAYS) * (load - chronic)
    return StartState(
        today=today,
        week_loads=tuple(float(loads.get(w, 0.0)) for w in full),
        base_distance_m=sum(float(distances.get(w, 0.0)) for w in full) / USUAL_WEEKS,
        current_week_load=float(days.loc[days["day"] >= monday, "load"].sum()),
        longest_by_day={
            d: float(m)
            for d, m in zip(recent["day"], recent["longest_run_m"], strict=True)
            if m > 0
        },
        acute=acute,
        chronic=chronic,
        history_days=len(loads_all),
    )
