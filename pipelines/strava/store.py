"""Writes of Strava activities: upsert by id, and removal of activities deleted on Strava.

Rows the runner imported from their own export keep their source and raw record when the API
sends the same id; only the typed columns follow Strava's latest values. A run the runner had
imported as a loose watch file is merged into the API row in the same transaction
(pipelines.duplicates), its session RPE and pain links following it; otherwise the runner's own
entries are never touched here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from pipelines.db import Connection
from pipelines.duplicates import absorb_file_twins
from pipelines.strava.normalize import ROW_COLUMNS, SOURCE

# Columns a re-listing may change; ids, source, perceived exertion (merged separately, since
# the list may lack it) and the raw record (merged as JSON) are handled on their own.
_TYPED = [
    c for c in ROW_COLUMNS if c not in {"id", "athlete_id", "source", "perceived_exertion", "raw"}
]
_CHANGED = " OR ".join(f"a.{col} IS DISTINCT FROM p.{col}" for col in _TYPED)
_AFFECTED = f"""
    SELECT list(p.id), min(CAST(least(p.start_date_local,
                                     coalesce(a.start_date_local, p.start_date_local)) AS DATE))
    FROM strava_page p LEFT JOIN activities a ON a.id = p.id
    WHERE a.id IS NULL OR {_CHANGED}
       OR (p.perceived_exertion IS NOT NULL
           AND a.perceived_exertion IS DISTINCT FROM p.perceived_exertion)
"""
_UPSERT = f"""
    INSERT INTO activities ({", ".join(ROW_COLUMNS)})
    SELECT {", ".join(ROW_COLUMNS)} FROM strava_page
    ON CONFLICT (id) DO UPDATE SET
        {", ".join(f"{col} = EXCLUDED.{col}" for col in _TYPED)},
        perceived_exertion = coalesce(EXCLUDED.perceived_exertion, activities.perceived_exertion),
        raw = CASE WHEN activities.source = '{SOURCE}'
                   THEN json_merge_patch(activities.raw, EXCLUDED.raw) ELSE activities.raw END,
        updated_at = now()
    WHERE activities.athlete_id = EXCLUDED.athlete_id
"""


def upsert(con: Connection, rows: Sequence[dict[str, Any]]) -> tuple[int, date | None]:
    """Insert or update one page of rows, merging loose-file copies of the same runs into them.

    Returns (rows new or changed, earliest affected day); a merge counts as a change and its
    day covers the file row's own local date.
    """
    if not rows:
        return 0, None
    unique = {row["id"]: row for row in rows}
    frame = pd.DataFrame(list(unique.values()), columns=ROW_COLUMNS)
    for column in ("start_date", "start_date_local"):
        frame[column] = pd.to_datetime(frame[column])
    con.register("strava_page", frame)
    try:
        found = con.execute(_AFFECTED).fetchall()
        con.execute(_UPSERT)
    finally:
        con.unregister("strava_page")
    changed = {int(i) for i in found[0][0] or []}
    days = [found[0][1]]
    for athlete_id in sorted({int(row["athlete_id"]) for row in unique.values()}):
        ids = [i for i, row in unique.items() if row["athlete_id"] == athlete_id]
        for merge in absorb_file_twins(con, athlete_id, ids):
            changed.add(merge.strava_id)
            days.append(merge.first_day)
    return len(changed), min((day for day in days if day is not None), default=None)


def delete_unlisted(
    con: Connection, athlete_id: int, window_start: datetime | None, window_end: datetime
) -> tuple[int, date | None]:
    """Remove API rows in the listed window that Strava no longer lists (deleted there)."""
    where = """athlete_id = ? AND source = ? AND start_date < ?
               AND (CAST(? AS TIMESTAMP) IS NULL OR start_date > ?)
               AND id NOT IN (SELECT activity_id FROM strava_listed_ids WHERE athlete_id = ?)"""
    params = [athlete_id, SOURCE, window_end, window_start, window_start, athlete_id]
    found = con.execute(
        f"SELECT count(*), min(CAST(start_date_local AS DATE)) FROM activities WHERE {where}",
        params,
    ).fetchone()
    if not found or not found[0]:
        return 0, None
    con.execute(f"DELETE FROM activities WHERE {where}", params)
    return int(found[0]), found[1]


def newest_start(con: Connection, athlete_id: int) -> datetime | None:
    """The newest stored start time (UTC) of the athlete's activities that came from Strava."""
    row = con.execute(
        "SELECT max(start_date) FROM activities WHERE athlete_id = ? AND source LIKE 'strava%'",
        [athlete_id],
    ).fetchone()
    return row[0] if row else None
