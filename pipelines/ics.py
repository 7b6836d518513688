"""A small generic iCalendar (.ics) builder: plain events in, RFC 5545 bytes out.

Used by the strength plan and the recovery-week planner so a runner can put sessions in the
calendar they already use. Events carry stable UIDs, so re-importing an updated plan replaces
the old events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import icalendar

from pipelines.errors import InvalidEntry

PRODID = "-//Stridewise//Training plans//EN"
UID_DOMAIN = "stridewise.local"


@dataclass(frozen=True)
class CalendarEvent:
    """One calendar entry: an all-day event (date start) or a timed one (aware datetime)."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    duration: dt.timedelta = dt.timedelta(days=1)
    description: str = ""
    categories: tuple[str, ...] = field(default_factory=tuple)


def event_uid(*parts: object) -> str:
    """A stable UID from the parts that identify an event (e.g. 'strength', plan id, date)."""
    return "-".join(str(part) for part in parts) + f"@{UID_DOMAIN}"


def _validate(event: CalendarEvent) -> None:
    if not event.uid.strip():
        raise InvalidEntry("uid", "a non-empty unique id per event", event.uid)
    if not event.summary.strip():
        raise InvalidEntry("summary", "a non-empty title", event.summary)
    if event.duration <= dt.timedelta(0):
        raise InvalidEntry("duration", "a positive length", event.duration)
    if isinstance(event.start, dt.datetime):
        if event.start.tzinfo is None:
            raise InvalidEntry("start", "a time-zone-aware datetime or a plain date", event.start)
    elif event.duration % dt.timedelta(days=1):
        raise InvalidEntry("duration", "whole days for an all-day event", event.duration)


def build_calendar(
    events: Iterable[CalendarEvent],
    *,
    name: str,
    stamp: dt.datetime | None = None,
) -> bytes:
    """Serialise events into one VCALENDAR; `stamp` fixes DTSTAMP so output is reproducible."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    calendar = icalendar.Calendar.new(prodid=PRODID, name=name, uid=event_uid("calendar", name))
    seen: set[str] = set()
    for event in events:
        _validate(event)
        if event.uid in seen:
            raise InvalidEntry("uid", "unique across the calendar", event.uid)
        seen.add(event.uid)
        component = icalendar.Event.new(
            uid=event.uid,
            summary=event.summary,
            start=event.start,
            end=event.start + event.duration,
            description=event.description or None,
            categories=event.categories,
            stamp=stamp,
        )
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar.to_ical()
