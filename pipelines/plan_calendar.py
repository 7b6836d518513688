"""The planned sessions of a training plan as an .ics calendar (Plan page and CLI)."""

from __future__ import annotations

import pandas as pd

from pipelines.ics import CalendarEvent, build_calendar, event_uid
from pipelines.plans import StoredPlan


def plan_calendar(plan: StoredPlan, sessions: pd.DataFrame) -> bytes:
    """One all-day event per planned session; ids are stable so a re-import updates them."""
    events = [
        CalendarEvent(
            uid=event_uid("plan", plan.id, row["date"].isoformat(), row["kind"]),
            summary=row["title"],
            start=row["date"],
            description=f"{plan.name}: week of {row['week_start']:%d %b}",
        )
        for row in sessions.to_dict("records")
    ]
    return build_calendar(events, name=plan.name)
