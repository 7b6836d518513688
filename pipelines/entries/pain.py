"""Pain entries: validated add, edit and delete (with undo), each one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date

import pandas as pd

from pipelines.db import Connection, transaction
from pipelines.entries import trash, validation
from pipelines.entries.validation import PainEntry
from pipelines.errors import InvalidEntry, NotFound
from training.sports import RUN_SPORTS
from training.vocabulary import MANUAL

PAIN_COLUMNS = (
    "date",
    "site",
    "side",
    "site_other",
    "moment",
    "score",
    "activity_id",
    "note",
    "red_flags",
)


def single_run(sessions: pd.DataFrame) -> int | None:
    """The id of the only run among a day's sessions (columns id, sport_type), else None."""
    runs = sessions[sessions["sport_type"].isin(list(RUN_SPORTS))]
    return int(runs["id"].iloc[0]) if len(runs) == 1 else None


def run_on(con: Connection, athlete_id: int, day: date) -> int | None:
    """The day's run when there was exactly one, the default activity a pain entry links to."""
    sessions = con.execute(
        "SELECT id, sport_type FROM activities"
        " WHERE athlete_id = ? AND CAST(start_date_local AS DATE) = ?",
        [athlete_id, day],
    ).df()
    return single_run(sessions)


def _check_activity(con: Connection, athlete_id: int, entry: PainEntry) -> None:
    if entry.activity_id is None:
        return
    found = con.execute(
        "SELECT 1 FROM activities WHERE id = ? AND athlete_id = ?",
        [entry.activity_id, athlete_id],
    ).fetchone()
    if found is None:
        raise InvalidEntry(
            "activity_id", "the id of one of your activities, or empty", entry.activity_id
        )


def _values(entry: PainEntry) -> list[object]:
    row = asdict(entry)
    row["red_flags"] = list(entry.red_flags)
    return [row[column] for column in PAIN_COLUMNS]


def add_pain(
    con: Connection,
    athlete_id: int,
    values: Mapping[str, object],
    *,
    today: date,
    source: str = MANUAL,
) -> int:
    """Validate and store one pain entry; returns its id. Nothing is written on any error."""
    entry = validation.pain_entry(values, today)
    with transaction(con):
        _check_activity(con, athlete_id, entry)
        row = con.execute(
            f"""INSERT INTO pain_entries (athlete_id, source, {", ".join(PAIN_COLUMNS)})
                VALUES (?, ?, {", ".join("?" for _ in PAIN_COLUMNS)}) RETURNING id""",
            [athlete_id, source, *_values(entry)],
        ).fetchone()
    assert row is not None
    return int(row[0])


def update_pain(
    con: Connection, athlete_id: int, entry_id: int, values: Mapping[str, object], *, today: date
) -> PainEntry:
    """Replace every field of one pain entry with validated values.

    A link to an activity that has since been removed (Strava retention, a deletion) may stay.
    """
    entry = validation.pain_entry(values, today)
    with transaction(con):
        linked = con.execute(
            "SELECT activity_id FROM pain_entries WHERE id = ? AND athlete_id = ?",
            [entry_id, athlete_id],
        ).fetchone()
        if linked is None or entry.activity_id != linked[0]:
            _check_activity(con, athlete_id, entry)
        row = con.execute(
            f"""UPDATE pain_entries
                SET {", ".join(f"{column} = ?" for column in PAIN_COLUMNS)},
                    updated_at = current_timestamp
                WHERE id = ? AND athlete_id = ? RETURNING id""",
            [*_values(entry), entry_id, athlete_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no pain entry {entry_id} for athlete {athlete_id}")
    return entry


def delete_pain(con: Connection, athlete_id: int, entry_id: int) -> int:
    """Move one pain entry to the trash; returns the id that `trash.restore` takes to undo it."""
    return trash.discard(con, athlete_id, "pain", "id = ?", [entry_id])


def pain_history(con: Connection, athlete_id: int) -> pd.DataFrame:
    """Pain entries newest first, with the linked activity's name for display."""
    return con.execute(
        """SELECT p.id, p.date, p.site, p.side, p.site_other, p.moment, p.score, p.red_flags,
                  p.activity_id, a.name AS activity_name, p.note, p.source
           FROM pain_entries p LEFT JOIN activities a ON a.id = p.activity_id
           WHERE p.athlete_id = ?
           ORDER BY p.date DESC, p.id DESC""",
        [athlete_id],
    ).df()
