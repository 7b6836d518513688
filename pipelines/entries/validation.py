"""The one place that checks pain, check-in and session-RPE values, for the app, CLI and CSV.

Every rejection is an InvalidEntry naming the field and what is allowed, so the same words reach
the runner whichever way the value came in. Vocabularies live here so other code imports them.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from pipelines.errors import InvalidEntry
from training.vocabulary import GROIN_SITES, MOMENTS, RED_FLAGS, SIDES, SITES

RED_FLAG_SITES = GROIN_SITES  # any groin pain asks the questions; docs/science.md#red-flags
RED_FLAG_MIN_SCORE = 5  # ask from the top of the "moderate" NRS band up; docs/science.md#red-flags

PAIN_MIN, PAIN_MAX = 0, 10  # NRS 0-10; docs/science.md#pain-scale
PAIN_ANCHORS = {0: "none", 5: "moderate", 10: "worst imaginable"}
PAIN_SCALE_TEXT = ", ".join(f"{score} {word}" for score, word in PAIN_ANCHORS.items())
HOOPER_MIN, HOOPER_MAX = 1, 7  # Hooper & Mackinnon 1995; docs/science.md#hooper
HOOPER_ITEMS = ("stress", "sleep_quality", "fatigue", "soreness")
HOOPER_LEVELS = {  # 1 = very, very low … 7 = very, very high (stress, fatigue, soreness)
    1: "very, very low",
    2: "very low",
    3: "low",
    4: "average",
    5: "high",
    6: "very high",
    7: "very, very high",
}
SLEEP_QUALITY_LEVELS = {  # 1 = very, very good … 7 = very, very bad
    1: "very, very good",
    2: "very good",
    3: "good",
    4: "average",
    5: "bad",
    6: "very bad",
    7: "very, very bad",
}
MOOD_MIN, MOOD_MAX = 1, 5  # McLean et al. 2010 mood item, 5 = best; docs/science.md#hooper
MOOD_LEVELS = {1: "down or irritable", 2: "low", 3: "normal", 4: "good", 5: "very positive"}
RPE_MIN, RPE_MAX, RPE_STEP = 0.0, 10.0, 0.5  # Foster CR-10 session RPE; docs/science.md#srpe
RPE_LEVELS = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}
SLEEP_HOURS_MIN, SLEEP_HOURS_MAX = 0.0, 24.0
RESTING_HR_MIN, RESTING_HR_MAX = 25, 120  # same bounds as the athletes table
EARLIEST_DATE = date(1970, 1, 1)
NOTE_MAX_CHARS = 500
SITE_OTHER_MAX_CHARS = 60


@dataclass(frozen=True)
class PainEntry:
    """A validated pain entry, ready to store."""

    date: date
    site: str
    side: str | None
    site_other: str | None
    moment: str
    score: int
    activity_id: int | None
    note: str | None
    red_flags: tuple[str, ...]


@dataclass(frozen=True)
class CheckIn:
    """A validated daily check-in, ready to store."""

    date: date
    stress: int
    sleep_quality: int
    fatigue: int
    soreness: int
    mood: int | None
    sleep_hours: float | None
    resting_hr: int | None
    note: str | None


def asks_red_flags(site: str | None, score: int | None) -> bool:
    """Whether the red-flag questions apply: moderate-or-worse pain, or front-of-hip/groin pain."""
    return site in RED_FLAG_SITES or (score is not None and score >= RED_FLAG_MIN_SCORE)


def is_blank(value: object) -> bool:
    """None, NaN or whitespace-only text: a value the runner left out."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def entry_date(value: object, today: date, field: str = "date") -> date:
    """A day from 1970-01-01 up to today (the athlete's today), from a date or YYYY-MM-DD text."""
    allowed = f"a date YYYY-MM-DD from {EARLIEST_DATE.isoformat()} to today ({today.isoformat()})"
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError as exc:
            raise InvalidEntry(field, allowed, value) from exc
    else:
        raise InvalidEntry(field, allowed, value)
    if not EARLIEST_DATE <= day <= today:
        raise InvalidEntry(field, allowed, value)
    return day


def _number(field: str, value: object, allowed: str) -> float:
    if isinstance(value, bool) or is_blank(value):
        raise InvalidEntry(field, allowed, value)
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError as exc:
            raise InvalidEntry(field, allowed, value) from exc
    else:
        raise InvalidEntry(field, allowed, value)
    if not math.isfinite(number):
        raise InvalidEntry(field, allowed, value)
    return number


def whole_number(field: str, value: object, low: int, high: int) -> int:
    """An integer in [low, high]; text like "4" is fine, "4.5", "four" or a blank are not."""
    allowed = f"a whole number from {low} to {high}"
    number = _number(field, value, allowed)
    if not number.is_integer() or not low <= number <= high:
        raise InvalidEntry(field, allowed, value)
    return int(number)


def _optional_whole_number(field: str, value: object, low: int, high: int) -> int | None:
    return None if is_blank(value) else whole_number(field, value, low, high)


def text(field: str, value: object, max_chars: int) -> str | None:
    """Free text trimmed, None when empty, rejected when longer than max_chars."""
    if is_blank(value):
        return None
    if not isinstance(value, str):
        raise InvalidEntry(field, f"text of at most {max_chars} characters", value)
    cleaned = value.strip()
    if len(cleaned) > max_chars:
        raise InvalidEntry(field, f"text of at most {max_chars} characters", f"{cleaned[:20]}…")
    return cleaned


def _choice(field: str, value: object, options: Iterable[str]) -> str:
    allowed = tuple(options)
    cleaned = value.strip().lower() if isinstance(value, str) else value
    if cleaned not in allowed:
        raise InvalidEntry(field, "one of " + ", ".join(allowed), value)
    return str(cleaned)


def red_flags(value: object) -> tuple[str, ...]:
    """Red-flag keys from a list or from text separated by ';' or ','; unknown keys rejected."""
    if is_blank(value):
        return ()
    items: Iterable[object]
    if isinstance(value, str):
        items = value.replace(",", ";").split(";")
    elif isinstance(value, Iterable):
        items = value
    else:
        raise InvalidEntry("red_flags", "any of " + ", ".join(RED_FLAGS), value)
    keys: list[str] = []
    for item in items:
        if is_blank(item):
            continue
        key = item.strip().lower() if isinstance(item, str) else item
        if key not in RED_FLAGS:
            raise InvalidEntry("red_flags", "any of " + ", ".join(RED_FLAGS), item)
        if key not in keys:
            keys.append(key)
    return tuple(sorted(keys, key=list(RED_FLAGS).index))


ACTIVITY_ID_ALLOWED = "a non-zero whole number: the id of one of your activities"


def activity_id(value: object, field: str = "activity_id") -> int | None:
    """An activity id or None, parsed exactly.

    Ids use all 63 bits (beyond a float's precision) and may be negative: sessions imported
    from loose files and logged strength sessions carry negative ids.
    """
    if is_blank(value):
        return None
    number: int | None = None
    whole = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if whole or (isinstance(value, float) and value.is_integer()):
        number = int(value)  # type: ignore[call-overload]
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
        number = int(value.strip())
    if number is None or number == 0 or not -(2**63) < number < 2**63:
        raise InvalidEntry(field, ACTIVITY_ID_ALLOWED, value)
    return number


def pain_entry(values: Mapping[str, object], today: date) -> PainEntry:
    """Check every field of a pain entry; the first bad field raises InvalidEntry."""
    site = _choice("site", values.get("site"), SITES)
    side = None if is_blank(values.get("side")) else _choice("side", values.get("side"), SIDES)
    site_other = text("site_other", values.get("site_other"), SITE_OTHER_MAX_CHARS)
    if site == "other" and site_other is None:
        raise InvalidEntry("site_other", "a short description when the site is 'other'", None)
    return PainEntry(
        date=entry_date(values.get("date", today), today),
        site=site,
        side=side,
        site_other=site_other if site == "other" else None,
        moment=_choice("moment", values.get("moment"), MOMENTS),
        score=whole_number("score", values.get("score"), PAIN_MIN, PAIN_MAX),
        activity_id=activity_id(values.get("activity_id")),
        note=text("note", values.get("note"), NOTE_MAX_CHARS),
        red_flags=red_flags(values.get("red_flags")),
    )


def checkin(values: Mapping[str, object], today: date) -> CheckIn:
    """Check every field of a daily check-in; the first bad field raises InvalidEntry."""
    hooper = {
        item: whole_number(item, values.get(item), HOOPER_MIN, HOOPER_MAX) for item in HOOPER_ITEMS
    }
    sleep_hours = values.get("sleep_hours")
    hours = None
    if not is_blank(sleep_hours):
        allowed = f"a number of hours from {SLEEP_HOURS_MIN:g} to {SLEEP_HOURS_MAX:g}"
        hours = _number("sleep_hours", sleep_hours, allowed)
        if not SLEEP_HOURS_MIN <= hours <= SLEEP_HOURS_MAX:
            raise InvalidEntry("sleep_hours", allowed, sleep_hours)
        hours = round(hours, 2)
    return CheckIn(
        date=entry_date(values.get("date", today), today),
        mood=_optional_whole_number("mood", values.get("mood"), MOOD_MIN, MOOD_MAX),
        sleep_hours=hours,
        resting_hr=_optional_whole_number(
            "resting_hr", values.get("resting_hr"), RESTING_HR_MIN, RESTING_HR_MAX
        ),
        note=text("note", values.get("note"), NOTE_MAX_CHARS),
        **hooper,
    )


def rpe(value: object) -> float:
    """A CR-10 session rating from 0 to 10 in steps of 0.5."""
    allowed = f"a number from {RPE_MIN:g} to {RPE_MAX:g} in steps of {RPE_STEP:g} (CR-10)"
    number = _number("rpe", value, allowed)
    if not RPE_MIN <= number <= RPE_MAX or not (number / RPE_STEP).is_integer():
        raise InvalidEntry("rpe", allowed, value)
    return number
