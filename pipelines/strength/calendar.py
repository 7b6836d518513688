"""Export a strength plan's sessions to an .ics calendar file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pipelines.ics import CalendarEvent, build_calendar, event_uid
from pipelines.strength.store import StoredPlan
from training.strength.library import Library
from training.strength.plan import PlannedSession
from training.strength.tracking import Progress, prescribe

CALENDAR_NAME = "Stridewise strength plan"


def _description(library: Library, session: PlannedSession, progress: Progress) -> str:
    phase = library.phase(session.phase)
    lines = [f"Phase {phase.number}: {phase.name}. {phase.focus}", ""]
    for item in prescribe(library, session, progress):
        load = f" + {item.load_kg:g} kg" if item.load_kg else ""
        lines.append(f"- {item.exercise.name}: {item.level.name}, {item.level.dose_text()}{load}")
    lines += [
        "",
        "Progress only with pain at or below 3/10 that has settled by the next morning.",
        "A template, not a prescription.",
    ]
    return "\n".join(lines)


def plan_calendar(
    library: Library,
    stored: StoredPlan,
    progress: Progress,
    *,
    skip: Iterable[int] = (),
    stamp: datetime | None = None,
) -> bytes:
    """All-day events for the plan's sessions (minus `skip`), doses as logged so far."""
    skipped = set(skip)
    events = [
        CalendarEvent(
            uid=event_uid("strength", stored.id, session.number),
            summary=f"Hip & glute strength {session.template} (week {session.week})",
            start=session.date,
            description=_description(library, session, progress),
            categories=("Stridewise", "strength"),
        )
        for session in stored.sessions
        if session.number not in skipped
    ]
    return build_calendar(events, name=CALENDAR_NAME, stamp=stamp)
