"""Everything the Strength page shows, read in one short connection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pipelines.coach_inputs import active_red_flags
from pipelines.db import Connection
from pipelines.strength import inputs, logbook, store
from training.coach.warning import Warning
from training.strength.plan import PainProfile, WeekSchedule
from training.strength.tracking import SessionLog


@dataclass(frozen=True)
class StrengthOverview:
    """The active plan (if any), its logs, today's red flags (as Today shows them), the inputs."""

    plan: store.StoredPlan | None
    logs: tuple[SessionLog, ...]
    history: pd.DataFrame
    red_flags: tuple[Warning, ...]
    pain: PainProfile
    schedule: WeekSchedule


def read_overview(con: Connection, athlete_id: int, today: date) -> StrengthOverview:
    """Read the active plan with its logs, or just the generator inputs before a plan exists."""
    pain = inputs.pain_profile(con, athlete_id, today)
    schedule = inputs.week_schedule(con, athlete_id, today)
    flags = tuple(active_red_flags(con, athlete_id, today))
    stored = store.active_plan(con, athlete_id)
    if stored is None:
        return StrengthOverview(None, (), pd.DataFrame(), flags, pain, schedule)
    return StrengthOverview(
        stored,
        tuple(logbook.session_logs(con, stored)),
        logbook.exercise_history(con, stored.id),
        flags,
        pain,
        schedule,
    )
