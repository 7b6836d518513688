"""A runner who starts locally (watch files, entries) keeps one identity once Strava names them.

Loose files and manual use create a local athlete (a small id). When the runner later imports
their Strava export or connects Strava, that source names them with their Strava athlete id.
Without this step the runner would be split in two: their files, pain and check-ins under the
local id, their Strava history under the new one, and no run matched across the two.
"""

from __future__ import annotations

import logging

from pipelines.athletes import list_athletes
from pipelines.db import Connection, transaction
from training.vocabulary import DEMO

log = logging.getLogger(__name__)

LOCAL_ID_LIMIT = 1000  # local athletes get ids below this; Strava athlete ids are far larger


def adoptable_local_athlete(con: Connection, strava_id: int) -> int | None:
    """The local athlete who should take `strava_id`: the database's only own athlete, when the
    Strava id is not stored yet and that athlete has a local id. None when it is ambiguous."""
    athletes = list_athletes(con)
    if any(athlete_id == strava_id for athlete_id, _, _ in athletes):
        return None
    own = [athlete_id for athlete_id, _, source in athletes if source != DEMO]
    if len(own) == 1 and own[0] < LOCAL_ID_LIMIT:
        return own[0]
    return None


def _athlete_tables(con: Connection) -> list[str]:
    rows = con.execute(
        """SELECT DISTINCT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
           WHERE c.column_name = 'athlete_id' AND t.table_type = 'BASE TABLE'
           ORDER BY 1"""
    ).fetchall()
    return [str(row[0]) for row in rows]


def adopt_strava_id(con: Connection, local_id: int, strava_id: int) -> None:
    """Renumber the local athlete to their Strava id in every table, in one transaction."""
    with transaction(con):
        con.execute("UPDATE athletes SET id = ? WHERE id = ?", [strava_id, local_id])
        for table in _athlete_tables(con):
            con.execute(
                f"UPDATE {table} SET athlete_id = ? WHERE athlete_id = ?", [strava_id, local_id]
            )
        # deleted entries keep a copy of the row; its athlete id must follow for undo
        con.execute(
            "UPDATE deleted_entries SET entry = json_merge_patch(entry, ?::JSON)"
            " WHERE athlete_id = ?",
            [f'{{"athlete_id": {strava_id}}}', strava_id],
        )
    log.info("local athlete %s is Strava athlete %s: renumbered", local_id, strava_id)


def adopt_if_local(con: Connection, strava_id: int) -> int | None:
    """Give `strava_id` to the only local athlete if there is one; returns the old local id."""
    local = adoptable_local_athlete(con, strava_id)
    if local is not None:
        adopt_strava_id(con, local, strava_id)
    return local
