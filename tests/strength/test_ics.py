"""The generic .ics builder: what goes in parses back out of the bytes, unchanged."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from pipelines.errors import InvalidEntry
from pipelines.ics import CalendarEvent, build_calendar, event_uid

STAMP = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)


def test_all_day_and_timed_events_parse_back() -> None:
    london = ZoneInfo("Europe/London")
    events = [
        CalendarEvent(
            uid=event_uid("strength", 1, "2026-11-02"),
            summary="Hip strength A",
            start=dt.date(2026, 11, 2),
            description="Clamshell 3 × 12\nBridge 3 × 10",
            categories=("strength",),
        ),
        CalendarEvent(
            uid=event_uid("strength", 1, "2026-11-04"),
            summary="Hip strength B",
            start=dt.datetime(2026, 11, 4, 18, 30, tzinfo=london),
            duration=dt.timedelta(minutes=20),
        ),
    ]
    data = build_calendar(events, name="Strength plan", stamp=STAMP)

    calendar = icalendar.Calendar.from_ical(data)
    parsed = calendar.events
    assert [str(e["SUMMARY"]) for e in parsed] == ["Hip strength A", "Hip strength B"]
    assert parsed[0].start == dt.date(2026, 11, 2)
    assert parsed[0].end == dt.date(2026, 11, 3)
    assert "Bridge 3 × 10" in str(parsed[0]["DESCRIPTION"])
    assert parsed[1].start == dt.datetime(2026, 11, 4, 18, 30, tzinfo=london)
    assert parsed[1].duration == dt.timedelta(minutes=20)
    assert [str(tz["TZID"]) for tz in calendar.timezones] == ["Europe/London"]
    assert calendar.calendar_name == "Strength plan"
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_same_input_gives_identical_bytes() -> None:
    event = CalendarEvent(uid="a@x", summary="S", start=dt.date(2026, 1, 5))
    assert build_calendar([event], name="n", stamp=STAMP) == build_calendar(
        [event], name="n", stamp=STAMP
    )


@pytest.mark.parametrize(
    ("event", "field"),
    [
        pytest.param(
            CalendarEvent(uid=" ", summary="S", start=dt.date(2026, 1, 5)), "uid", id="blank-uid"
        ),
        pytest.param(
            CalendarEvent(uid="u", summary="", start=dt.date(2026, 1, 5)),
            "summary",
            id="blank-summary",
        ),
        pytest.param(
            CalendarEvent(uid="u", summary="S", start=dt.datetime(2026, 1, 5, 9)),
            "start",
            id="naive-datetime",
        ),
        pytest.param(
            CalendarEvent(
                uid="u", summary="S", start=dt.date(2026, 1, 5), duration=dt.timedelta(hours=2)
            ),
            "duration",
            id="all-day-partial-day",
        ),
    ],
)
def test_bad_events_are_refused(event: CalendarEvent, field: str) -> None:
    with pytest.raises(InvalidEntry) as raised:
        build_calendar([event], name="n", stamp=STAMP)
    assert raised.value.field == field


def test_duplicate_uids_are_refused() -> None:
    event = CalendarEvent(uid="same@x", summary="S", start=dt.date(2026, 1, 5))
    with pytest.raises(InvalidEntry, match="unique"):
        build_calendar([event, event], name="n", stamp=STAMP)
