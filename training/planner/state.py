"""What the generator needs to know about the runner's real history up to today."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from training.planner.model import monday_of

USUAL_WEEKS = 4  # "current volume" = mean of the last 4 full weeks, as the chronic window


@dataclass(frozen=True)
class StartState:
    """What the generator needs from the real history up to today."""

    today: date
    week_loads: tuple[float, ...]  # recorded full weeks before the current one, oldest first
    base_distance_m: float  # mean weekly running distance of the last 4 recorded full weeks
    current_week_load: float  # real load from this Monday up to today
    longest_by_day: dict[date, float] = field(default_factory=dict)  # last 30 days


def start_state(history: pd.DataFrame, today: date) -> StartState:
    """Summarise daily metrics rows (date, load, distance_m, longest_run_m) up to `today`.

    Weeks before the first recorded day are unknown, not empty: a runner who started (or
    started recording) two weeks ago has a usual week of those two weeks, and no load ratio
    until three weeks exist.
    """
    monday = monday_of(today)
    if history.empty:
        return StartState(today, (), 0.0, 0.0, {})
    days = history.assign(day=pd.to_datetime(history["date"]).dt.date)
    days = days[days["day"] <= today]
    before = days[days["day"] < monday]
    week = before["day"].map(monday_of)
    loads = before.groupby(week)["load"].sum()
    distances = before.groupby(week)["distance_m"].sum()
    first = monday_of(min(days["day"])) if not days.empty else monday
    full = [monday - timedelta(weeks=i) for i in range(USUAL_WEEKS, 0, -1)]
    recorded = [w for w in full if w >= first]
    recent = days[days["day"] >= today - timedelta(days=31)]
    return StartState(
        today=today,
        week_loads=tuple(float(loads.get(w, 0.0)) for w in recorded),
        base_distance_m=sum(float(distances.get(w, 0.0)) for w in recorded) / max(len(recorded), 1),
        current_week_load=float(days.loc[days["day"] >= monday, "load"].sum()),
        longest_by_day={
            d: float(m)
            for d, m in zip(recent["day"], recent["longest_run_m"], strict=True)
            if m > 0
        },
    )
