"""Strava's raw JSON → our typed activity row (pure: no I/O, no stravalib models).

We read the raw dicts ourselves because stravalib's models replace unknown sport types with
"Workout", drop fields they don't know and label `start_date_local` as UTC
(docs/strava.md#stravalib-quirks).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pipelines.errors import InvalidEntry
from training.vocabulary import STRAVA_API

SOURCE = STRAVA_API
ROW_COLUMNS = [
    "id",
    "athlete_id",
    "source",
    "name",
    "sport_type",
    "start_date",
    "start_date_local",
    "timezone",
    "distance_m",
    "moving_time_s",
    "elapsed_time_s",
    "elevation_gain_m",
    "average_heartrate",
    "max_heartrate",
    "perceived_exertion",
    "raw",
]
_IANA = re.compile(r"^\(GMT[+-]\d{2}:\d{2}\)\s*(\S+)$")
# Zone 5 starts at 90 % of max HR in the common five-zone %HRmax scheme (Edwards 1993;
# docs/science.md#hr-max-from-zones); Strava's own default zone formula is not published, so
# this is an estimate.
ZONE5_FRACTION_OF_HR_MAX = 0.90


def _timestamp(value: object, field: str) -> datetime:
    if not isinstance(value, str):
        raise InvalidEntry(field, "an ISO-8601 time such as 2026-03-01T07:30:00Z", value)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InvalidEntry(field, "an ISO-8601 time such as 2026-03-01T07:30:00Z", value) from exc
    return parsed.replace(tzinfo=None)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _whole(value: object) -> int | None:
    number = _number(value)
    return None if number is None else round(number)


def iana_timezone(label: object) -> str | None:
    """'(GMT-05:00) America/New_York' → 'America/New_York' (the label's offset ignores DST)."""
    if not isinstance(label, str):
        return None
    match = _IANA.match(label.strip())
    return match.group(1) if match else (label.strip() or None)


def activity_row(raw: Mapping[str, Any], athlete_id: int) -> dict[str, Any]:
    """One activities row of the token's athlete from a Summary/DetailedActivity dict."""
    activity_id = raw.get("id")
    if isinstance(activity_id, bool) or not isinstance(activity_id, int):
        raise InvalidEntry("id", "an integer Strava activity id", activity_id)
    sport = raw.get("sport_type") or raw.get("type")
    if not isinstance(sport, str) or not sport:
        raise InvalidEntry("sport_type", "the sport type Strava sent", sport)
    exertion = _number(raw.get("perceived_exertion"))
    return {
        "id": activity_id,
        "athlete_id": athlete_id,
        "source": SOURCE,
        "name": raw.get("name") if isinstance(raw.get("name"), str) else None,
        "sport_type": sport,
        "start_date": _timestamp(raw.get("start_date"), "start_date"),
        # Strava appends a misleading Z: this is the wall-clock time where the activity was.
        "start_date_local": _timestamp(
            raw.get("start_date_local") or raw.get("start_date"), "start_date_local"
        ),
        "timezone": iana_timezone(raw.get("timezone")),
        "distance_m": _number(raw.get("distance")),
        "moving_time_s": _whole(raw.get("moving_time")),
        "elapsed_time_s": _whole(raw.get("elapsed_time")),
        "elevation_gain_m": _number(raw.get("total_elevation_gain")),
        "average_heartrate": _number(raw.get("average_heartrate")),
        "max_heartrate": _number(raw.get("max_heartrate")),
        "perceived_exertion": exertion if exertion is not None and 0 <= exertion <= 10 else None,
        "raw": json.dumps(raw, separators=(",", ":"), sort_keys=True),
    }


def hr_max_from_zones(zones: Mapping[str, Any]) -> int | None:
    """An estimated max HR from /athlete/zones (zone 5's lower bound / 0.90), or None."""
    heart = zones.get("heart_rate") if isinstance(zones, Mapping) else None
    buckets = heart.get("zones") if isinstance(heart, Mapping) else None
    if not isinstance(buckets, list) or len(buckets) != 5 or not isinstance(buckets[-1], Mapping):
        return None
    floor = _number(buckets[-1].get("min"))
    if floor is None or floor <= 0:
        return None
    estimate = round(floor / ZONE5_FRACTION_OF_HR_MAX)
    return estimate if 100 <= estimate <= 250 else None
