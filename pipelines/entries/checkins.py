"""Daily check-ins (one per athlete and day): validated save, edit and delete with undo."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date

from pipelines.db import Connection, transaction
from pipelines.entries import trash, validation
from pipelines.entries.validation import CheckIn
from pipelines.errors import InvalidEntry, NotFound
from training.vocabulary import MANUAL

CHECKIN_COLUMNS = (
    "date",
    "stress",
    "sleep_quality",
    "fatigue",
    "soreness",
    "mood",
    "sleep_hours",
    "resting_hr",
    "note",
)


def _exists(con: Connection, athlete_id: int, day: date) -> bool:
    return (
        con.execute(
            "SELECT 1 FROM wellness_entries WHERE athlete_id = ? AND date = ?", [athlete_id, day]
        ).fetchone()
        is not None
    )


def save_checkin(
    con: Connection,
    athlete_id: int,
    values: Mapping[str, object],
    *,
    today: date,
    source: str = MANUAL,
) -> bool:
    """Validate and store the day's check-in, replacing that day's one; True when it replaced."""
    entry = validation.checkin(values, today)
    row = asdict(entry)
    with transaction(con):
        replaced = _exists(con, athlete_id, entry.date)
        con.execute(
            f"""INSERT INTO wellness_entries (athlete_id, source, {", ".join(CHECKIN_COLUMNS)})
                VALUES (?, ?, {", ".join("?" for _ in CHECKIN_COLUMNS)})
                ON CONFLICT (athlete_id, date) DO UPDATE SET
                {", ".join(f"{c} = EXCLUDED.{c}" for c in CHECKIN_COLUMNS if c != "date")},
                source = EXCLUDED.source, updated_at = now()""",
            [athlete_id, source, *(row[column] for column in CHECKIN_COLUMNS)],
        )
    return replaced


def update_checkin(
    con: Connection,
    athlete_id: int,
    original_date: date,
    values: Mapping[str, object],
    *,
    today: date,
) -> CheckIn:
    """Edit one day's check-in; moving it onto a day that already has one is refused."""
    entry = validation.checkin(values, today)
    with transaction(con):
        if not _exists(con, athlete_id, original_date):
            raise NotFound(f"no check-in on {original_date} for athlete {athlete_id}")
        if entry.date != original_date and _exists(con, athlete_id, entry.date):
            raise InvalidEntry(
                "date", "a day without a check-in (one check-in per day)", entry.date.isoformat()
            )
        row = asdict(entry)
        con.execute(
            f"""UPDATE wellness_entries
                SET {", ".join(f"{column} = ?" for column in CHECKIN_COLUMNS)},
                    updated_at = current_timestamp
                WHERE athlete_id = ? AND date = ?""",
            [*(row[column] for column in CHECKIN_COLUMNS), athlete_id, original_date],
        )
    return entry


def delete_checkin(con: Connection, athlete_id: int, day: date) -> int:
    """Move the day's check-in to the trash; returns the id `trash.restore` takes to undo it."""
    return trash.discard(con, athlete_id, "checkin", "date = ?", [day])
