"""What the generator needs, read from the runner's history: current pain and usual week."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pandas as pd

from pipelines.coach_inputs import active_red_flags
from pipelines.db import Connection
from training.coach.red_flags import flag_key
from training.sports import RUN_SPORTS
from training.strength.pain import trend, weekly_means
from training.strength.plan import PainProfile, WeekSchedule

PAIN_LOOKBACK_DAYS = 28  # four weeks: enough for a two-week trend and a typical level
TYPICAL_PAIN_DAYS = 14  # the typical level is the median of the last two weeks
SCHEDULE_WEEKS = 6  # the usual week is read from the last six weeks of runs
RUN_DAY_SHARE = 0.5  # a weekday is a run day when it had a run in at least half the weeks


def pain_profile(con: Connection, athlete_id: int, today: date) -> PainProfile:
    """Site, typical level and trend from the last four weeks of pain entries.

    The red flags are the ones Today shows (reported and derived, same window), by key.
    """
    since = today - timedelta(days=PAIN_LOOKBACK_DAYS - 1)
    entries = con.execute(
        """SELECT date, site, score FROM pain_entries
           WHERE athlete_id = ? AND date BETWEEN ? AND ?""",
        [athlete_id, since, today],
    ).df()
    flags = [flag_key(w) for w in active_red_flags(con, athlete_id, today)]
    painful = entries[entries["score"] > 0] if len(entries) else entries
    if painful.empty:
        return PainProfile(red_flags=tuple(flags))
    site = str(Counter(painful["site"]).most_common(1)[0][0])
    at_site = entries[entries["site"] == site]
    days = pd.to_datetime(at_site["date"]).dt.date
    recent = at_site[days >= today - timedelta(days=TYPICAL_PAIN_DAYS - 1)]
    level = round(float(recent["score"].median())) if len(recent) else 0
    by_week: dict[int, list[float]] = {}
    for day, score in zip(days, at_site["score"], strict=True):
        by_week.setdefault((day - since).days // 7, []).append(float(score))
    weeks = weekly_means(by_week, range(PAIN_LOOKBACK_DAYS // 7))
    return PainProfile(site, level, trend(weeks), tuple(flags))


def week_schedule(con: Connection, athlete_id: int, today: date) -> WeekSchedule:
    """Run days and the long-run day of the runner's usual week, from the last six weeks."""
    since = today - timedelta(weeks=SCHEDULE_WEEKS)
    runs = con.execute(
        """SELECT CAST(start_date_local AS DATE) AS day, distance_m FROM activities
           WHERE athlete_id = ? AND sport_type IN (SELECT unnest(?))
             AND CAST(start_date_local AS DATE) BETWEEN ? AND ?""",
        [athlete_id, sorted(RUN_SPORTS), since, today - timedelta(days=1)],
    ).df()
    if runs.empty:
        return WeekSchedule()
    days = pd.to_datetime(runs["day"])
    runs = runs.assign(weekday=days.dt.day_of_week, week=(days - pd.Timestamp(since)).dt.days // 7)
    weeks_with_run = runs.groupby("weekday")["week"].nunique()
    run_days = frozenset(
        int(d)
        for d, n in zip(weeks_with_run.index, weeks_with_run.to_numpy(), strict=True)
        if n >= RUN_DAY_SHARE * SCHEDULE_WEEKS
    )
    longest = runs.loc[runs.groupby("week")["distance_m"].idxmax(), "weekday"]
    long_day = int(Counter(longest.tolist()).most_common(1)[0][0])
    return WeekSchedule(run_days=run_days, hard_days=frozenset({long_day}))
