"""Everything the Plan page and `stridewise plan show` display, from one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from training.planner.model import PlanWeek
from training.planner.projection import planned_days, project
from training.planner.review import WeekReview, combined_daily, review_weeks
from training.planner.runner import RunnerModel, runner_model
from training.planner.sessions import planned_sessions
from training.profile import AthleteProfile
from training.sports import RUN_SPORTS


@dataclass(frozen=True)
class Outlook:
    """A plan seen from today: the runner model, planned sessions, projection and week reviews."""

    model: RunnerModel
    sessions: pd.DataFrame
    projection: pd.DataFrame
    daily: pd.DataFrame  # real history followed by the projection
    reviews: list[WeekReview]


def plan_outlook(
    weeks: list[PlanWeek],
    history: pd.DataFrame,
    activities: pd.DataFrame,
    today: date,
    profile: AthleteProfile,
) -> Outlook:
    """Project the plan from today's real state and review each week.

    `history` is the daily metrics up to today; `activities` the real sessions (with load).
    """
    model = runner_model(activities, today)
    end = max((w.week_end for w in weeks), default=today)
    sessions = planned_sessions(weeks, model, today)
    projection = project(history, planned_days(sessions, today, max(end, today)), profile)
    daily = combined_daily(history, projection)
    real_runs = activities[activities["sport_type"].isin(list(RUN_SPORTS))]
    runs = pd.concat(
        [
            pd.DataFrame(
                {
                    "date": pd.to_datetime(real_runs["start_date_local"]).dt.normalize(),
                    "distance_m": real_runs["distance_m"],
                }
            ),
            pd.DataFrame(
                {
                    "date": pd.to_datetime(
                        sessions.loc[sessions["sport_type"] != "Workout", "date"]
                    ),
                    "distance_m": sessions.loc[sessions["sport_type"] != "Workout", "distance_m"],
                }
            ),
        ],
        ignore_index=True,
    )
    reviews = review_weeks(weeks, model, daily, runs, today, profile)
    return Outlook(model, sessions, projection, daily, reviews)
