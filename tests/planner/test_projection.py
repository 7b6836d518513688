"""The projection is the load engine run on the real history followed by the planned sessions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipelines import queries
from pipelines.athletes import get_profile
from pipelines.db import connect
from tests.conftest import DEMO_END
from training.fitness import METRIC_COLUMNS, daily_metrics
from training.planner.model import PlanWeek, monday_of
from training.planner.projection import planned_days, project
from training.planner.runner import RunnerModel, runner_model
from training.planner.sessions import planned_sessions
from training.profile import AthleteProfile

NUMERIC = [c for c in METRIC_COLUMNS if c not in ("athlete_id", "date")]


def _weeks(first: PlanWeek) -> list[PlanWeek]:
    """A 6-week mix of every week type and target kind, starting with the current week."""
    start = first.week_start
    return [
        first,
        PlanWeek(start + timedelta(weeks=1), "build", "time", 4.5 * 3600, 5),
        PlanWeek(start + timedelta(weeks=2), "recovery", "load", 180.0, 4, 9000.0),
        PlanWeek(start + timedelta(weeks=3), "build", "distance", 42_000.0, 4, 15_000.0),
        PlanWeek(start + timedelta(weeks=4), "rest", "distance", 0.0, 0),
        PlanWeek(start + timedelta(weeks=5), "race", "distance", 25_000.0, 3, 10_000.0, 5),
    ]


@pytest.mark.parametrize("first_type", ["build", "recovery"])
def test_projection_equals_engine_on_history_plus_planned_sessions(
    demo_db: Path, first_type: str
) -> None:
    with connect(demo_db) as con:
        profile = get_profile(con, 1)
        history = queries.daily_metrics(con, 1, end=DEMO_END)
        acts = queries.activities(con, 1).assign(athlete_id=1)
    weeks = _weeks(PlanWeek(monday_of(DEMO_END), first_type, "distance", 40_000.0, 4))
    end = weeks[-1].week_end
    model = runner_model(acts, DEMO_END)
    sessions = planned_sessions(weeks, model, after=DEMO_END)
    assert sessions["date"].min() > DEMO_END

    projected = project(history, planned_days(sessions, DEMO_END, end), profile)

    synthetic = sessions.assign(athlete_id=1, start_date_local=pd.to_datetime(sessions["date"]))
    engine = daily_metrics(pd.concat([acts, synthetic], ignore_index=True), {1: profile}, end)
    engine = engine[engine["date"] > pd.Timestamp(DEMO_END)].reset_index(drop=True)
    assert list(projected["date"]) == list(engine["date"])
    assert len(projected) == (end - DEMO_END).days
    for column in NUMERIC:
        np.testing.assert_allclose(
            projected[column].to_numpy(float),
            engine[column].to_numpy(float),
            rtol=1e-9,
            atol=1e-9,
            equal_nan=True,
            err_msg=column,
        )


def test_projection_without_history_starts_from_the_profile_seed() -> None:
    today = date(2026, 1, 5)  # a Monday: the first planned run (Tuesday) is the next day
    weeks = [
        PlanWeek(date(2026, 1, 5) + timedelta(weeks=i), "build", "distance", 20_000.0, 3)
        for i in range(5)
    ]
    sessions = planned_sessions(weeks, RunnerModel(), after=today)
    profile = AthleteProfile(starting_ctl=20.0)
    projected = project(pd.DataFrame(), planned_days(sessions, today, weeks[-1].week_end), profile)
    synthetic = sessions.assign(athlete_id=1, start_date_local=pd.to_datetime(sessions["date"]))
    engine = daily_metrics(synthetic, {1: profile}, weeks[-1].week_end)
    assert list(projected["date"]) == list(engine["date"])
    for column in NUMERIC:
        np.testing.assert_allclose(
            projected[column].to_numpy(float),
            engine[column].to_numpy(float),
            rtol=1e-9,
            atol=1e-9,
            equal_nan=True,
            err_msg=column,
        )
