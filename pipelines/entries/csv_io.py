"""CSV export of the runner's entries, and an all-or-nothing import that lists every bad row.

One file holds all three kinds (a `kind` column: checkin, pain, rpe), so an export read back
with import gives the same entries. Line numbers count the header as line 1.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, TextIO

import pandas as pd

from pipelines.db import Connection, transaction
from pipelines.entries import validation
from pipelines.entries.pain import PAIN_COLUMNS
from pipelines.errors import InvalidEntry
from pipelines.metrics import recompute

COLUMNS = (
    "kind",
    "date",
    "site",
    "side",
    "site_other",
    "moment",
    "score",
    "activity_id",
    "red_flags",
    "stress",
    "sleep_quality",
    "fatigue",
    "soreness",
    "mood",
    "sleep_hours",
    "resting_hr",
    "rpe",
    "note",
)
KINDS = ("checkin", "pain", "rpe")
SOURCE = "csv"


@dataclass(frozen=True)
class RowProblem:
    """Why one line of the file was refused."""

    line: int
    field: str
    allowed: str
    value: object = None

    def __str__(self) -> str:
        shown = "" if self.value in (None, "") else f" (got {self.value!r})"
        return f"line {self.line}: {self.field}: {self.allowed}{shown}"


class InvalidRows(InvalidEntry):
    """A CSV import with bad rows: nothing was written; every bad line is listed."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        noun = "row" if len(problems) == 1 else "rows"
        super().__init__("file", f"{len(problems)} bad {noun}, nothing was imported")

    def __str__(self) -> str:
        return "\n  ".join([f"{self.field}: {self.allowed}:", *map(str, self.problems)])


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote."""

    pain_added: int
    pain_unchanged: int
    checkins_added: int
    checkins_updated: int
    rpe_set: int


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_EXPORT_QUERIES = (
    """SELECT 'checkin' AS kind, date, stress, sleep_quality, fatigue, soreness, mood,
              sleep_hours, resting_hr, note, 0 AS seq
       FROM wellness_entries WHERE athlete_id = ?""",
    """SELECT 'pain' AS kind, date, site, side, site_other, moment, score, activity_id,
              red_flags, note, id AS seq
       FROM pain_entries WHERE athlete_id = ?""",
    """SELECT 'rpe' AS kind, CAST(a.start_date_local AS DATE) AS date, r.activity_id, r.rpe,
              r.activity_id AS seq
       FROM session_rpe r JOIN activities a ON a.id = r.activity_id
       WHERE r.athlete_id = ?""",
)


def _export_rows(con: Connection, athlete_id: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for query in _EXPORT_QUERIES:
        cursor = con.execute(query, [athlete_id])
        names = [column[0] for column in cursor.description]
        rows.extend(dict(zip(names, values, strict=True)) for values in cursor.fetchall())
    rows.sort(key=lambda row: (row["date"], KINDS.index(row["kind"]), row["seq"]))
    return rows


def export_csv(con: Connection, athlete_id: int, out: TextIO) -> int:
    """Write every check-in, pain entry and session RPE of the athlete; returns the row count."""
    rows = _export_rows(con, athlete_id)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in COLUMNS])
    return len(rows)


def _records(source: TextIO) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells); a quoted note may span several lines."""
    reader = csv.reader(source)
    last = 0
    for cells in reader:
        yield last + 1, cells
        last = reader.line_num


@dataclass
class _Parsed:
    pains: list[validation.PainEntry]
    checkins: list[validation.CheckIn]
    rpes: dict[int, float]
    problems: list[RowProblem]


def _activity_days(con: Connection, athlete_id: int) -> dict[int, date]:
    rows = con.execute(
        "SELECT id, CAST(start_date_local AS DATE) FROM activities WHERE athlete_id = ?",
        [athlete_id],
    ).fetchall()
    return {int(activity_id): day for activity_id, day in rows}


def _parse(source: TextIO, activities: dict[int, date], today: date) -> _Parsed:
    parsed = _Parsed([], [], {}, [])
    records = _records(source)
    header_line, header = next(records, (1, []))
    header = [name.strip().lower() for name in header]
    unknown = [name for name in header if name not in COLUMNS]
    if unknown or "kind" not in header or "date" not in header:
        allowed = "a header with kind and date, and otherwise only: " + ", ".join(COLUMNS)
        parsed.problems.append(RowProblem(header_line, "header", allowed, ",".join(header)))
        return parsed
    checkin_lines: dict[date, int] = {}
    rpe_lines: dict[int, int] = {}
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            parsed.problems.append(RowProblem(line, "columns", f"at most {len(header)} values"))
            continue
        row: dict[str, object] = dict(zip(header, cells, strict=False))
        try:
            kind = str(row.get("kind", "")).strip().lower()
            if kind == "pain":
                entry = validation.pain_entry(row, today)
                if entry.activity_id is not None and entry.activity_id not in activities:
                    raise InvalidEntry(
                        "activity_id",
                        "the id of one of your activities, or empty",
                        entry.activity_id,
                    )
                parsed.pains.append(entry)
            elif kind == "checkin":
                checkin = validation.checkin(row, today)
                if checkin.date in checkin_lines:
                    raise InvalidEntry(
                        "date",
                        f"one check-in per day (line {checkin_lines[checkin.date]} "
                        "has this day already)",
                        checkin.date.isoformat(),
                    )
                checkin_lines[checkin.date] = line
                parsed.checkins.append(checkin)
            elif kind == "rpe":
                activity_id = validation.activity_id(row.get("activity_id"))
                if activity_id is None or activity_id not in activities:
                    raise InvalidEntry(
                        "activity_id", "the id of one of your activities", row.get("activity_id")
                    )
                if activity_id in rpe_lines:
                    raise InvalidEntry(
                        "activity_id",
                        f"one RPE per session (line {rpe_lines[activity_id]} rates it already)",
                        activity_id,
                    )
                rating = validation.rpe(row.get("rpe"))
                if not validation.is_blank(row.get("date")):
                    day = validation.entry_date(row.get("date"), today)
                    if day != activities[activity_id]:
                        raise InvalidEntry(
                            "date",
                            "the activity's own date, " + activities[activity_id].isoformat(),
                            row.get("date"),
                        )
                rpe_lines[activity_id] = line
                parsed.rpes[activity_id] = rating
            else:
                raise InvalidEntry("kind", "one of " + ", ".join(KINDS), row.get("kind"))
        except InvalidEntry as exc:
            parsed.problems.append(RowProblem(line, exc.field, exc.allowed, exc.value))
    return parsed


_PAIN_MATCH = " AND ".join(
    f"p.{column} IS NOT DISTINCT FROM n.{column}" for column in ("athlete_id", *PAIN_COLUMNS)
)


def _write(
    con: Connection, athlete_id: int, parsed: _Parsed, activities: dict[int, date]
) -> ImportReport:
    with transaction(con):
        pain_added = pain_unchanged = updated = 0
        if parsed.pains:
            pains = pd.DataFrame([asdict(entry) for entry in parsed.pains])
            pains["red_flags"] = [list(flags) for flags in pains["red_flags"]]
            pains = pains.assign(athlete_id=athlete_id, source=SOURCE)
            con.register("csv_pains", pains)
            inserted = con.execute(
                f"""INSERT INTO pain_entries BY NAME
                    SELECT * REPLACE (CAST(red_flags AS VARCHAR[]) AS red_flags,
                                      CAST(date AS DATE) AS date)
                    FROM csv_pains n
                    WHERE NOT EXISTS (SELECT 1 FROM pain_entries p WHERE {_PAIN_MATCH})
                    RETURNING id"""
            ).fetchall()
            con.unregister("csv_pains")
            pain_added = len(inserted)
            pain_unchanged = len(parsed.pains) - pain_added
        if parsed.checkins:
            checkins = pd.DataFrame([asdict(entry) for entry in parsed.checkins])
            checkins = checkins.assign(athlete_id=athlete_id, source=SOURCE)
            con.register("csv_checkins", checkins)
            row = con.execute(
                """SELECT count(*) FROM wellness_entries w JOIN csv_checkins c
                   ON w.athlete_id = c.athlete_id AND w.date = CAST(c.date AS DATE)"""
            ).fetchone()
            updated = int(row[0]) if row else 0
            con.execute(
                """INSERT INTO wellness_entries BY NAME
                   SELECT * REPLACE (CAST(date AS DATE) AS date) FROM csv_checkins
                   ON CONFLICT (athlete_id, date) DO UPDATE SET
                   stress = EXCLUDED.stress, sleep_quality = EXCLUDED.sleep_quality,
                   fatigue = EXCLUDED.fatigue, soreness = EXCLUDED.soreness,
                   mood = EXCLUDED.mood, sleep_hours = EXCLUDED.sleep_hours,
                   resting_hr = EXCLUDED.resting_hr, note = EXCLUDED.note,
                   source = EXCLUDED.source, updated_at = now()"""
            )
            con.unregister("csv_checkins")
        if parsed.rpes:
            con.executemany(
                """INSERT INTO session_rpe (activity_id, athlete_id, rpe, source)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (activity_id) DO UPDATE SET rpe = EXCLUDED.rpe,
                       source = EXCLUDED.source, updated_at = now()""",
                [
                    [activity_id, athlete_id, rating, SOURCE]
                    for activity_id, rating in parsed.rpes.items()
                ],
            )
            recompute(con, [athlete_id], since=min(activities[i] for i in parsed.rpes))
    return ImportReport(
        pain_added, pain_unchanged, len(parsed.checkins) - updated, updated, len(parsed.rpes)
    )


def import_csv(con: Connection, athlete_id: int, source: TextIO, *, today: date) -> ImportReport:
    """Validate every row first; write all of them in one transaction, or none (InvalidRows)."""
    activities = _activity_days(con, athlete_id)
    parsed = _parse(source, activities, today)
    if parsed.problems:
        raise InvalidRows(parsed.problems)
    return _write(con, athlete_id, parsed, activities)
