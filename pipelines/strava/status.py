"""What the Settings page shows about the Strava connection (never a token value)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pipelines.db import Connection
from pipelines.strava import runs
from pipelines.strava import tokens as token_store
from pipelines.strava.retention import StravaPreferences, preferences


@dataclass(frozen=True)
class ConnectionStatus:
    """One athlete's Strava connection as the runner sees it."""

    athlete_id: int
    athlete_name: str
    scopes: frozenset[str]
    connected_at: datetime
    last_success: datetime | None
    latest: runs.RunStatus | None
    preferences: StravaPreferences


def connection_status(con: Connection, athlete_id: int | None) -> ConnectionStatus | None:
    """The connection of `athlete_id` (else of the first connected athlete), or None."""
    connected = token_store.connected_athlete_ids(con)
    chosen = athlete_id if athlete_id in connected else (connected[0] if connected else None)
    if chosen is None:
        return None
    row = con.execute(
        "SELECT athlete_name, scopes, connected_at FROM strava_tokens WHERE athlete_id = ?",
        [chosen],
    ).fetchone()
    assert row is not None
    return ConnectionStatus(
        athlete_id=chosen,
        athlete_name=str(row[0]),
        scopes=token_store.parse_scopes(row[1]),
        connected_at=row[2],
        last_success=runs.last_success(con, chosen),
        latest=runs.latest_run(con, chosen),
        preferences=preferences(con, chosen),
    )
