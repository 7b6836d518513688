"""Weekly totals and 'this week vs usual' comparisons for the headline numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

USUAL_WEEKS = 4  # "usual" = mean of the 4 full weeks before this one, as the chronic window
DAYS_PER_WEEK = 7


@dataclass(frozen=True)
class WeekComparison:
    """This week so far against the mean of the previous four full weeks."""

    week_start: date
    days_elapsed: int
    distance_m: float
    moving_time_s: float
    load: float
    runs: int
    usual_distance_m: float
    usual_moving_time_s: float
    usual_load: float

    @property
    def distance_change_pct(self) -> float | None:
        """This week's distance against the usual week pro-rated to the days elapsed, in percent.

        Pro-rating keeps a Tuesday from reading as "70 % below usual" just because the week is
        young.
        """
        expected = self.usual_distance_m * self.days_elapsed / 7
        if expected <= 0:
            return None
        return (self.distance_m / expected - 1.0) * 100.0


def week_start(day: date) -> date:
    """Monday of the ISO week containing `day`."""
    return day - timedelta(days=day.weekday())


def weekly_totals(daily: pd.DataFrame) -> pd.DataFrame:
    """Sum a daily metrics frame by ISO week (Monday start): distance, time, load, runs, longest."""
    if daily.empty:
        return pd.DataFrame(
            columns=["week", "distance_m", "moving_time_s", "load", "runs", "longest_run_m"]
        )
    frame = daily.assign(week=pd.to_datetime(daily["date"]).dt.to_period("W-SUN").dt.start_time)
    return (
        frame.groupby("week", as_index=False)
        .agg(
            distance_m=("distance_m", "sum"),
            moving_time_s=("moving_time_s", "sum"),
            load=("load", "sum"),
            runs=("run_count", "sum"),
            longest_run_m=("longest_run_m", "max"),
        )
        .sort_values("week")
        .reset_index(drop=True)
    )


def compare_week(daily: pd.DataFrame, today: date) -> WeekComparison:
    """This week (Monday to `today`) against the weekly mean of the four weeks before it.

    With a shorter history the mean is over the days actually covered (8 days of history make
    a usual week from those days, not a quarter of them).
    """
    start = week_start(today)
    dates = pd.to_datetime(daily["date"]).dt.date if not daily.empty else pd.Series(dtype=object)
    window_start = start - timedelta(weeks=USUAL_WEEKS)
    this = daily[(dates >= start) & (dates <= today)] if not daily.empty else daily
    before = daily[(dates >= window_start) & (dates < start)] if not daily.empty else daily
    first = dates.min() if not daily.empty else None
    covered_days = 0 if first is None else (start - max(first, window_start)).days
    weeks = max(covered_days, 0) / DAYS_PER_WEEK

    def total(frame: pd.DataFrame, column: str) -> float:
        return float(frame[column].sum()) if not frame.empty else 0.0

    return WeekComparison(
        week_start=start,
        days_elapsed=(today - start).days + 1,
        distance_m=total(this, "distance_m"),
        moving_time_s=total(this, "moving_time_s"),
        load=total(this, "load"),
        runs=int(total(this, "run_count")),
        usual_distance_m=total(before, "distance_m") / weeks if weeks else 0.0,
        usual_moving_time_s=total(before, "moving_time_s") / weeks if weeks else 0.0,
        usual_load=total(before, "load") / weeks if weeks else 0.0,
    )
