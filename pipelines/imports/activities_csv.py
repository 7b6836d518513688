"""Read the export's activities.csv by position and occurrence, never by the first matching name.

Names repeat (the first "Distance" is in the runner's display units, the second in metres) and
are translated for non-English accounts, while the columns up to "Activity Count" keep the same
positions in every known layout: 86 columns (older), 92 (German), 94 (2023) and 103 (with
Recovery … Total Reps). English headers are matched by (name, occurrence), so a newer English
layout still works; other languages are read by position.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime

from pipelines.imports import sport_names
from pipelines.imports.dates import parse_activity_date
from pipelines.imports.models import Skipped, UnreadableExport

# field: (English header, occurrence, position in every known layout)
COLUMNS = {
    "id": ("Activity ID", 1, 0),
    "date": ("Activity Date", 1, 1),
    "name": ("Activity Name", 1, 2),
    "type": ("Activity Type", 1, 3),
    "description": ("Activity Description", 1, 4),
    "elapsed_display": ("Elapsed Time", 1, 5),
    "max_hr_display": ("Max Heart Rate", 1, 7),
    "filename": ("Filename", 1, 12),
    "elapsed": ("Elapsed Time", 2, 15),
    "moving": ("Moving Time", 1, 16),
    "distance_m": ("Distance", 2, 17),
    "elevation_gain": ("Elevation Gain", 1, 20),
    "max_hr": ("Max Heart Rate", 2, 30),
    "average_hr": ("Average Heart Rate", 1, 31),
    "perceived_exertion": ("Perceived Exertion", 1, 43),
}
REQUIRED = ("id", "date", "type")
KNOWN_WIDTHS = (86, 92, 94, 103)
MIN_LOCALIZED_WIDTH = COLUMNS["distance_m"][2] + 1  # positions we rely on must exist


@dataclass(frozen=True)
class ExportRow:
    """One activities.csv row, typed; `start_utc` is None when the date text could not be read."""

    activity_id: int
    start_utc: datetime | None
    date_text: str
    name: str | None
    display_type: str
    sport_type: str | None
    filename: str | None
    elapsed_time_s: float | None
    moving_time_s: float | None
    distance_m: float | None
    elevation_gain_m: float | None
    max_heartrate: float | None
    average_heartrate: float | None
    perceived_exertion: float | None
    raw: dict[str, str]


@dataclass(frozen=True)
class ActivitiesTable:
    """The rows we could read, the rows we could not (and why), and the layout we saw."""

    rows: list[ExportRow]
    skipped: list[Skipped]
    english: bool
    width: int


def number(text: str | None) -> float | None:
    """A number from an export cell: '2432.77', '2,81' (decimal comma) or '1.234,5'; else None."""
    if text is None or not text.strip():
        return None
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value else None  # NaN is "no value"


def _positions(header: list[str]) -> tuple[dict[str, int], bool]:
    english = header[0].strip() == "Activity ID"
    if english:
        seen: dict[str, int] = {}
        by_occurrence: dict[tuple[str, int], int] = {}
        for index, name in enumerate(header):
            key = name.strip()
            seen[key] = seen.get(key, 0) + 1
            by_occurrence[(key, seen[key])] = index
        found = {
            f: by_occurrence[(n, o)] for f, (n, o, _) in COLUMNS.items() if (n, o) in by_occurrence
        }
        missing = [COLUMNS[f][0] for f in REQUIRED if f not in found]
        if missing:
            raise UnreadableExport("activities.csv has no " + ", ".join(missing) + " column")
        return found, True
    if len(header) < MIN_LOCALIZED_WIDTH:
        raise UnreadableExport(
            f"activities.csv has {len(header)} columns and a header we do not recognise "
            f"(expected a Strava export with {', '.join(map(str, KNOWN_WIDTHS))} columns)"
        )
    return {f: pos for f, (_, _, pos) in COLUMNS.items() if pos < len(header)}, False


def _raw(header: list[str], cells: list[str]) -> dict[str, str]:
    raw: dict[str, str] = {}
    for name, value in zip(header, cells, strict=False):
        if value.strip():
            key = name.strip()
            suffix = 2
            while key in raw:
                key = f"{name.strip()} #{suffix}"
                suffix += 1
            raw[key] = value
    return raw


def _row(header: list[str], cells: list[str], at: dict[str, int], english: bool) -> ExportRow:
    def cell(field: str) -> str | None:
        index = at.get(field)
        if index is None or index >= len(cells):
            return None
        value = cells[index].strip()
        return value or None

    def first_number(*fields: str) -> float | None:
        for field in fields:
            value = number(cell(field))
            if value is not None:
                return value
        return None

    id_text = cell("id") or ""
    if not re.fullmatch(r"\d+", id_text):
        raise ValueError(f"Activity ID {id_text!r} is not a number")
    date_text = cell("date") or ""
    try:
        start: datetime | None = parse_activity_date(date_text)
    except ValueError:
        start = None
    display = cell("type") or ""
    exertion = number(cell("perceived_exertion"))
    return ExportRow(
        activity_id=int(id_text),
        start_utc=start,
        date_text=date_text,
        name=cell("name"),
        display_type=display,
        sport_type=sport_names.from_display(display, english=english),
        filename=cell("filename"),
        elapsed_time_s=first_number("elapsed", "elapsed_display"),
        moving_time_s=first_number("moving"),
        distance_m=first_number("distance_m"),
        elevation_gain_m=first_number("elevation_gain"),
        max_heartrate=first_number("max_hr", "max_hr_display"),
        average_heartrate=first_number("average_hr"),
        perceived_exertion=exertion if exertion is not None and 0 <= exertion <= 10 else None,
        raw=_raw(header, cells),
    )


def read_activities_csv(data: bytes) -> ActivitiesTable:
    """Parse activities.csv; UnreadableExport when the file as a whole cannot be read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableExport(f"activities.csv is not UTF-8 text ({exc.reason})") from exc
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise UnreadableExport(f"activities.csv is not valid CSV ({exc})") from exc
    if not table or not any(cell.strip() for cell in table[0]):
        raise UnreadableExport("activities.csv is empty")
    header = table[0]
    at, english = _positions(header)
    rows: list[ExportRow] = []
    skipped: list[Skipped] = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        try:
            rows.append(_row(header, cells, at, english))
        except ValueError as exc:
            skipped.append(Skipped(f"activities.csv row {line}", str(exc)))
    return ActivitiesTable(rows, skipped, english, len(header))
