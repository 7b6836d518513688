"""The token store: one row per connected athlete in `strava_tokens`.

Token values never appear in a repr, a log line or the UI; only the app and the sync read them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from pipelines.db import Connection

REFRESH_MARGIN_S = 300  # refresh when fewer than 5 minutes remain (docs/strava.md#tokens)


@dataclass(frozen=True)
class Tokens:
    """One athlete's OAuth tokens and what they grant."""

    athlete_id: int
    athlete_name: str
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: int
    scopes: frozenset[str] = frozenset()

    def needs_refresh(self, now: float | None = None, margin_s: int = REFRESH_MARGIN_S) -> bool:
        """True when the access token expires within the margin (or already has)."""
        return self.expires_at - (time.time() if now is None else now) <= margin_s

    def grants(self, scope: str) -> bool:
        """Whether the runner granted `scope` (`activity:read_all` implies `activity:read`)."""
        implied = {"activity:read_all": "activity:read", "read_all": "read"}
        return scope in self.scopes or any(implied.get(granted) == scope for granted in self.scopes)


def parse_scopes(text: str | None) -> frozenset[str]:
    """Scopes from Strava's comma list (the redirect's `scope` parameter)."""
    return frozenset(part.strip() for part in (text or "").split(",") if part.strip())


def save(con: Connection, tokens: Tokens) -> None:
    """Insert or replace the athlete's tokens (connect, reconnect or bootstrap)."""
    con.execute(
        """INSERT INTO strava_tokens
               (athlete_id, athlete_name, access_token, refresh_token, expires_at, scopes)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (athlete_id) DO UPDATE SET
               athlete_name = EXCLUDED.athlete_name, access_token = EXCLUDED.access_token,
               refresh_token = EXCLUDED.refresh_token, expires_at = EXCLUDED.expires_at,
               scopes = EXCLUDED.scopes, connected_at = now(),
               updated_at = now()""",
        [
            tokens.athlete_id,
            tokens.athlete_name,
            tokens.access_token,
            tokens.refresh_token,
            tokens.expires_at,
            ",".join(sorted(tokens.scopes)),
        ],
    )


def rotate(
    con: Connection, athlete_id: int, access_token: str, refresh_token: str, expires_at: int
) -> None:
    """Persist a refresh result at once: the previous refresh token is already dead."""
    con.execute(
        """UPDATE strava_tokens SET access_token = ?, refresh_token = ?, expires_at = ?,
                  updated_at = current_timestamp
           WHERE athlete_id = ?""",
        [access_token, refresh_token, expires_at, athlete_id],
    )


def load(con: Connection, athlete_id: int) -> Tokens | None:
    """The athlete's tokens, or None when not connected."""
    row = con.execute(
        """SELECT athlete_id, athlete_name, access_token, refresh_token, expires_at, scopes
           FROM strava_tokens WHERE athlete_id = ?""",
        [athlete_id],
    ).fetchone()
    if row is None:
        return None
    return Tokens(
        int(row[0]), str(row[1]), str(row[2]), str(row[3]), int(row[4]), parse_scopes(row[5])
    )


def connected_athlete_ids(con: Connection) -> list[int]:
    """Athletes with stored tokens, oldest connection first."""
    rows = con.execute("SELECT athlete_id FROM strava_tokens ORDER BY connected_at").fetchall()
    return [int(r[0]) for r in rows]


def delete(con: Connection, athlete_id: int) -> None:
    """Forget the athlete's tokens (disconnect)."""
    con.execute("DELETE FROM strava_tokens WHERE athlete_id = ?", [athlete_id])
