"""Athletes and their profiles: read, create, and validated profile updates."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

from pipelines.db import Connection
from pipelines.errors import InvalidEntry, NotFound
from training.profile import AthleteProfile
from training.starting_fitness import STARTING_CTL_MAX

PROFILE_FIELDS: dict[str, tuple[type, str, float | None, float | None]] = {
    # field: (type, allowed text, min, max)
    "sex": (str, "M or F", None, None),
    "hr_max": (int, "a whole number of beats per minute from 100 to 250", 100, 250),
    "hr_rest": (int, "a whole number of beats per minute from 25 to 120", 25, 120),
    "lthr": (int, "a whole number of beats per minute from 80 to 240", 80, 240),
    "threshold_pace_s_per_km": (
        float,
        "seconds per km from 120 (2:00/km) to 900 (15:00/km)",
        120,
        900,
    ),
    "timezone": (str, "an IANA time zone such as Europe/Paris", None, None),
    "starting_ctl": (float, f"a number from 0 to {STARTING_CTL_MAX:.0f}", 0, STARTING_CTL_MAX),
    "ctl_days": (int, "a whole number of days from 14 to 90", 14, 90),
    "atl_days": (int, "a whole number of days from 3 to 21", 3, 21),
    "trimp_female_a": (float, "0.64 (GoldenCheetah) to 0.86 (Morton 1990)", 0.64, 0.86),
    "no_rest_days_limit": (int, "a whole number of days from 3 to 30", 3, 30),
    "name": (str, "1 to 80 characters", None, None),
}
_PROFILE_COLUMNS = [
    "id",
    "name",
    "sex",
    "hr_max",
    "hr_rest",
    "lthr",
    "threshold_pace_s_per_km",
    "timezone",
    "starting_ctl",
    "ctl_days",
    "atl_days",
    "trimp_female_a",
    "no_rest_days_limit",
]


def validate_profile_value(field: str, value: Any) -> Any:
    """Check one profile value; returns it converted, or raises InvalidEntry naming the field."""
    if field not in PROFILE_FIELDS:
        raise InvalidEntry("field", "one of " + ", ".join(sorted(PROFILE_FIELDS)), field)
    kind, allowed, low, high = PROFILE_FIELDS[field]
    if value is None or value == "":
        if field == "name":
            raise InvalidEntry(field, allowed, value)
        return None
    if field == "sex":
        text = str(value).strip().upper()
        if text not in {"M", "F"}:
            raise InvalidEntry(field, allowed, value)
        return text
    if field == "timezone":
        try:
            zoneinfo.ZoneInfo(str(value))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidEntry(field, allowed, value) from exc
        return str(value)
    if field == "name":
        text = str(value).strip()
        if not 1 <= len(text) <= 80:
            raise InvalidEntry(field, allowed, value)
        return text
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise InvalidEntry(field, allowed, value) from exc
    if kind is int and not number.is_integer():
        raise InvalidEntry(field, allowed, value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise InvalidEntry(field, allowed, value)
    return int(number) if kind is int else number


def list_athletes(con: Connection) -> list[tuple[int, str, str]]:
    """(id, name, source) of every athlete, demo last."""
    rows = con.execute(
        "SELECT id, name, source FROM athletes ORDER BY source = 'demo', id"
    ).fetchall()
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def default_athlete_id(con: Connection) -> int | None:
    """The athlete the CLI and app use when none is named: the first non-demo one, else demo."""
    athletes = list_athletes(con)
    return athletes[0][0] if athletes else None


def get_profile(con: Connection, athlete_id: int) -> AthleteProfile:
    """The athlete's profile as the pure load formulas want it."""
    row = con.execute(
        f"SELECT {', '.join(_PROFILE_COLUMNS)} FROM athletes WHERE id = ?", [athlete_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"no athlete with id {athlete_id}")
    values = dict(zip(_PROFILE_COLUMNS, row, strict=True))
    values["athlete_id"] = int(values.pop("id"))
    return AthleteProfile(**values)


def profiles(con: Connection) -> dict[int, AthleteProfile]:
    """Every athlete's profile, by id."""
    return {athlete_id: get_profile(con, athlete_id) for athlete_id, _, _ in list_athletes(con)}


def ensure_athlete(con: Connection, athlete_id: int, name: str, source: str) -> None:
    """Create the athlete if missing; keep an existing profile as the runner set it."""
    con.execute(
        "INSERT INTO athletes (id, name, source) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
        [athlete_id, name, source],
    )


HR_ORDER_TEXT = "max HR above threshold HR above resting HR"


def validate_profile(profile: AthleteProfile) -> AthleteProfile:
    """Check the profile as a whole (max HR > threshold HR > resting HR); InvalidEntry if not.

    The one check the CLI and the Settings page share; single values are checked by
    validate_profile_value before they get here.
    """
    problem = profile.hr_problem
    if problem is not None:
        fields, what = problem
        raise InvalidEntry(", ".join(fields), f"{HR_ORDER_TEXT}; {what}")
    return profile


def profile_problem(profile: AthleteProfile) -> str | None:
    """What to fix in a stored profile (an older version accepted bad combinations), or None."""
    try:
        validate_profile(profile)
    except InvalidEntry as exc:
        return (
            f"Your profile needs fixing: {exc.field}: {exc.allowed}. Heart-rate scoring is off "
            "until then (Settings, or `stridewise profile --set FIELD=VALUE`)."
        )
    return None


def update_profile(con: Connection, athlete_id: int, changes: Mapping[str, Any]) -> AthleteProfile:
    """Validate every change and the resulting profile first, then write them together.

    Nothing is written on any error, so a bad combination (max HR at or below resting HR,
    threshold HR outside the two) never reaches the database.
    """
    clean = {field: validate_profile_value(field, value) for field, value in changes.items()}
    if not clean:
        return get_profile(con, athlete_id)
    validate_profile(get_profile(con, athlete_id).with_changes(**clean))
    assignments = ", ".join(f"{field} = ?" for field in clean)
    con.execute(
        f"UPDATE athletes SET {assignments}, updated_at = current_timestamp WHERE id = ?",
        [*clean.values(), athlete_id],
    )
    return get_profile(con, athlete_id)
