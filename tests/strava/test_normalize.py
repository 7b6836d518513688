"""Raw JSON → row: kept as sent, local wall-clock time, IANA zone, and max HR from zones."""

from __future__ import annotations

from datetime import datetime

import pytest

from pipelines.errors import InvalidEntry
from pipelines.strava.normalize import activity_row, hr_max_from_zones, iana_timezone

RAW = {
    "id": 16181800001,
    "name": "Morning Run",
    "distance": 12004.3,
    "moving_time": 3702,
    "elapsed_time": 3761,
    "total_elevation_gain": 64.0,
    "type": "Run",
    "sport_type": "Run",
    "start_date": "2025-10-18T12:49:52Z",
    "start_date_local": "2025-10-18T08:49:52Z",
    "timezone": "(GMT-05:00) America/New_York",
    "average_heartrate": 148.6,
    "max_heartrate": 171.0,
    "heartrate_opt_out": False,
}


def test_summary_activity_row() -> None:
    row = activity_row(RAW, 1)
    assert row["start_date"] == datetime(2025, 10, 18, 12, 49, 52)
    assert row["start_date_local"] == datetime(2025, 10, 18, 8, 49, 52)
    assert row["timezone"] == "America/New_York"
    assert (row["distance_m"], row["moving_time_s"], row["elevation_gain_m"]) == (
        12004.3,
        3702,
        64.0,
    )
    assert '"heartrate_opt_out":false' in row["raw"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "x"}, "id"),
        ({"sport_type": None, "type": None}, "sport_type"),
        ({"start_date": "yesterday"}, "start_date"),
    ],
    ids=["id", "sport", "date"],
)
def test_unusable_records_name_the_field(change: dict, field: str) -> None:
    with pytest.raises(InvalidEntry) as bad:
        activity_row({**RAW, **change}, 1)
    assert bad.value.field == field


def test_zones_and_timezones() -> None:
    zones = {
        "heart_rate": {
            "zones": [
                {"min": 0, "max": 111},
                {"min": 111, "max": 139},
                {"min": 139, "max": 152},
                {"min": 152, "max": 166},
                {"min": 166, "max": -1},
            ]
        }
    }
    assert hr_max_from_zones(zones) == 184
    assert hr_max_from_zones({"heart_rate": {"zones": []}}) is None
    assert iana_timezone("(GMT+01:00) Europe/Paris") == "Europe/Paris"
