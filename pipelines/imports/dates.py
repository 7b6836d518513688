"""The export's "Activity Date" text: UTC, but written in the account's language and format.

English exports write "Oct 6, 2022, 11:19:20 PM"; German ones "21.07.2026, 15:09:27"; other
languages use their own month abbreviations. We read the time, the month (a name in one of the
languages below, or a number) and the day and year, whatever their order.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

# Month-name prefixes (accents removed, lower case) in English, German, French, Spanish,
# Italian, Dutch and Portuguese. Longer prefixes win, so "juil" (July) beats "jui".
_MONTHS = {
    "jan": 1,
    "ene": 1,
    "gen": 1,
    "janv": 1,
    "feb": 2,
    "fev": 2,
    "febr": 2,
    "mar": 3,
    "mrt": 3,
    "apr": 4,
    "abr": 4,
    "avr": 4,
    "may": 5,
    "mai": 5,
    "mag": 5,
    "mei": 5,
    "jun": 6,
    "juin": 6,
    "giu": 6,
    "jul": 7,
    "juil": 7,
    "lug": 7,
    "aug": 8,
    "ago": 8,
    "aou": 8,
    "sep": 9,
    "set": 9,
    "oct": 10,
    "okt": 10,
    "ott": 10,
    "out": 10,
    "nov": 11,
    "dec": 12,
    "dez": 12,
    "dic": 12,
}
_TIME = re.compile(
    r"(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?(?=\W|$)", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _month(word: str) -> int | None:
    for length in range(min(len(word), 5), 2, -1):
        if word[:length] in _MONTHS:
            return _MONTHS[word[:length]]
    return None


def _split_time(text: str) -> tuple[str, int, int, int] | None:
    # the time is the last h:mm(:ss) group; a date never uses ':'
    matches = [m for m in _TIME.finditer(text) if ":" in m.group(0) or "h" in m.group(0).lower()]
    if not matches:
        return None
    m = matches[-1]
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    meridiem = (m.group(4) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return text[: m.start()] + text[m.end() :], hour, minute, second


def _date_parts(text: str) -> tuple[int, int, int] | None:
    numeric = _NUMERIC_DATE.search(text)
    if numeric:
        a, b, c = (int(g) for g in numeric.groups())
        if len(numeric.group(1)) == 4:
            return a, b, c  # ISO: year first
        separator = text[numeric.start(1) + len(numeric.group(1))]
        if separator == "/" and b > 12:
            return c, a, b  # US month/day/year
        return c, b, a  # day.month.year and day/month/year
    words = re.findall(r"[^\W\d_]+", _fold(text))
    months = [m for m in (_month(w) for w in words) if m is not None]
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if 1 <= n <= 31]
    if len(months) != 1 or len(years) != 1 or len(days) != 1:
        return None
    return years[0], months[0], days[0]


def parse_activity_date(text: str) -> datetime:
    """The naive UTC datetime of an "Activity Date" cell; ValueError when it cannot be read."""
    cleaned = text.strip()
    split = _split_time(cleaned)
    if split is None:
        raise ValueError(f"no time of day in {text!r}")
    rest, hour, minute, second = split
    parts = _date_parts(rest)
    if parts is None:
        raise ValueError(f"no day, month and year in {text!r}")
    year, month, day = parts
    return datetime(year, month, day, hour, minute, second)
