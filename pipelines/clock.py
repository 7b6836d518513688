"""The runner's today: the one place the program reads the calendar.

Every "today" (the CLI, the pages, sync and retention windows, the demo's last day, a plan's
start, the strength schedule) comes from `runner_today`, so a runner can look back at a past day
and the tests can pin the date with one environment variable. Wall-clock *moments* used for
timestamps, logging and token expiry are not the runner's date and may read the clock directly;
so does deleting Strava data after its retention window, which must follow the real calendar and
never a date the runner pretends is today.
"""

from __future__ import annotations

import os
import zoneinfo
from datetime import UTC, date, datetime

from pipelines.errors import InvalidEntry

TODAY_ENV = "STRIDEWISE_TODAY"  # "pretend today is this date" (YYYY-MM-DD)
_ALLOWED = "a date as YYYY-MM-DD, or unset to use the calendar"


def pinned_today() -> date | None:
    """The date set in STRIDEWISE_TODAY, or None when it is unset or empty."""
    text = os.environ.get(TODAY_ENV, "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidEntry(TODAY_ENV, _ALLOWED, text) from None


def runner_today(timezone: str | None = None) -> date:
    """Today in the runner's time zone (the machine's when unset), or the date pinned in the env."""
    pinned = pinned_today()
    if pinned is not None:
        return pinned
    if timezone:
        return datetime.now(UTC).astimezone(zoneinfo.ZoneInfo(timezone)).date()
    return datetime.now().astimezone().date()
