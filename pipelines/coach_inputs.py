"""Reads what the coach needs from DuckDB into plain frames, as of a given day (read-only).

Daily metrics are rebuilt in memory from the stored session loads up to `as_of` (milliseconds),
so a past or future `--date` never writes to the derived table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from pipelines.athletes import get_profile
from pipelines.db import Connection
from pipelines.plans import active_plan
from training.coach.advice import Advice, build_advice
from training.coach.red_flags import red_flag_warnings
from training.coach.warning import Warning
from training.fitness import daily_metrics
from training.profile import AthleteProfile
from training.sports import RUN_SPORTS

STRAVA_RACE_TYPES = ("1", "11")  # Strava workout_type: 1 race (run), 11 race (ride)


@dataclass(frozen=True)
class CoachInputs:
    """Everything the coach reads for one athlete and day."""

    profile: AthleteProfile
    daily: pd.DataFrame
    runs: pd.DataFrame
    pain: pd.DataFrame
    wellness: pd.DataFrame
    races: dict[date, float | None] = field(default_factory=dict)


def plan_races(con: Connection, athlete_id: int) -> dict[date, float | None]:
    """Race days of the active plan (its goal race and any race week's race day) → distance."""
    plan = active_plan(con, athlete_id)
    if plan is None:
        return {}
    races: dict[date, float | None] = {}
    for week in plan.weeks:
        if week.week_type == "race" and week.long_run_weekday is not None:
            races[week.week_start + timedelta(days=week.long_run_weekday)] = week.long_run_m
    if plan.goal_kind == "race" and plan.goal_date is not None:
        races[plan.goal_date] = plan.goal_distance_m
    return races


def load_inputs(con: Connection, athlete_id: int, as_of: date) -> CoachInputs:
    """Profile, daily metrics, runs, pain entries and check-ins up to and including `as_of`."""
    profile = get_profile(con, athlete_id)
    acts = con.execute(
        """SELECT id, athlete_id, sport_type, start_date_local, distance_m, moving_time_s, load,
                  coalesce(raw->>'$.workout_type' IN (SELECT unnest(?)), false) AS is_race
           FROM activities
           WHERE athlete_id = ? AND CAST(start_date_local AS DATE) <= ?
           ORDER BY start_date_local""",
        [list(STRAVA_RACE_TYPES), athlete_id, as_of],
    ).df()
    daily = daily_metrics(acts, {athlete_id: profile}, as_of)
    runs = (
        acts[acts["sport_type"].isin(list(RUN_SPORTS))]
        .assign(date=lambda f: pd.to_datetime(f["start_date_local"]).dt.normalize())[
            ["id", "date", "distance_m", "moving_time_s", "load", "is_race"]
        ]
        .reset_index(drop=True)
    )
    pain = con.execute(
        """SELECT id, date, site, side, site_other, moment, score, activity_id, red_flags, note
           FROM pain_entries WHERE athlete_id = ? AND date <= ? ORDER BY date, id""",
        [athlete_id, as_of],
    ).df()
    wellness = con.execute(
        """SELECT date, stress, sleep_quality, fatigue, soreness, mood, sleep_hours, resting_hr
           FROM wellness_entries WHERE athlete_id = ? AND date <= ? ORDER BY date""",
        [athlete_id, as_of],
    ).df()
    return CoachInputs(profile, daily, runs, pain, wellness, plan_races(con, athlete_id))


def advise(con: Connection, athlete_id: int, as_of: date) -> Advice:
    """Today's recommendation for one athlete as of a day, from the data in the database."""
    inputs = load_inputs(con, athlete_id, as_of)
    return build_advice(
        inputs.daily,
        inputs.runs,
        inputs.pain,
        inputs.wellness,
        inputs.profile,
        as_of,
        races=inputs.races,
    )


def active_red_flags(con: Connection, athlete_id: int, as_of: date) -> list[Warning]:
    """The red flags Today shows (reported and derived), for the Strength page to read too."""
    inputs = load_inputs(con, athlete_id, as_of)
    return [w for w in red_flag_warnings(inputs.pain, inputs.runs, as_of) if w.is_red_flag]
