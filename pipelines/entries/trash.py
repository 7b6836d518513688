"""Deleting an entry moves it to `deleted_entries`, so any delete can be undone later."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pipelines.db import Connection, transaction
from pipelines.errors import InvalidEntry, NotFound
from pipelines.metrics import recompute

KIND_TABLES = {"pain": "pain_entries", "checkin": "wellness_entries", "rpe": "session_rpe"}


def discard(con: Connection, athlete_id: int, kind: str, where: str, params: list[Any]) -> int:
    """Move the one row of `kind` matching `where` into the trash; returns the trash id."""
    table = KIND_TABLES[kind]
    with transaction(con):
        row = con.execute(
            f"""INSERT INTO deleted_entries (athlete_id, kind, entry)
                SELECT athlete_id, ?, to_json(t) FROM {table} t
                WHERE athlete_id = ? AND {where}
                RETURNING id""",
            [kind, athlete_id, *params],
        ).fetchone()
        if row is None:
            raise NotFound(f"no such {kind} entry for athlete {athlete_id}")
        con.execute(f"DELETE FROM {table} WHERE athlete_id = ? AND {where}", [athlete_id, *params])
    return int(row[0])


def _conflict(con: Connection, kind: str, entry: dict[str, Any]) -> str | None:
    if kind == "checkin":
        found = con.execute(
            "SELECT 1 FROM wellness_entries WHERE athlete_id = ? AND date = ?",
            [entry["athlete_id"], entry["date"]],
        ).fetchone()
        if found:
            return f"a day without a check-in (edit the one on {entry['date']} instead)"
        return None
    if kind == "rpe":
        exists = con.execute(
            "SELECT 1 FROM activities WHERE id = ?", [entry["activity_id"]]
        ).fetchone()
        if exists is None:
            return "an activity that still exists (this one was removed)"
        found = con.execute(
            "SELECT 1 FROM session_rpe WHERE activity_id = ?", [entry["activity_id"]]
        ).fetchone()
        return "an activity without an RPE (a new one was saved since)" if found else None
    return None


def restore(con: Connection, athlete_id: int, trash_id: int) -> str:
    """Put a deleted entry back exactly as it was; returns its kind ('pain', 'checkin', 'rpe')."""
    row = con.execute(
        "SELECT kind, entry FROM deleted_entries"
        " WHERE id = ? AND athlete_id = ? AND restored_at IS NULL",
        [trash_id, athlete_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"nothing to undo with id {trash_id}")
    kind, entry = str(row[0]), json.loads(row[1])
    problem = _conflict(con, kind, entry)
    if problem:
        raise InvalidEntry("undo", problem)
    columns = list(entry)
    with transaction(con):
        con.execute(
            f"INSERT INTO {KIND_TABLES[kind]} ({', '.join(columns)})"
            f" VALUES ({', '.join('?' for _ in columns)})",
            [entry[column] for column in columns],
        )
        con.execute(
            "UPDATE deleted_entries SET restored_at = current_timestamp WHERE id = ?", [trash_id]
        )
        if kind == "rpe":
            day = con.execute(
                "SELECT CAST(start_date_local AS DATE) FROM activities WHERE id = ?",
                [entry["activity_id"]],
            ).fetchone()
            recompute(con, [athlete_id], since=day[0] if day else date.min)
    return kind
