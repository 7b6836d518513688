"""OAuth with Strava: authorize URL, signed one-time state, code exchange, refresh, disconnect.

The redirect back from Strava starts a new browser session, so the `state` carries its own
proof: a random nonce and a timestamp signed with a key derived from the client secret. The
nonce is redeemed once in the database, so a captured redirect cannot be replayed.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
from stravalib import exc
from stravalib.protocol import Scope

from pipelines.athletes import ensure_athlete
from pipelines.db import connect, resolve_path, transaction
from pipelines.identity import adopt_if_local
from pipelines.strava import tokens as token_store
from pipelines.strava.client import REVOKED, Meter, RateBudget, build_client, call
from pipelines.strava.config import StravaSettings
from pipelines.strava.errors import StravaAuthError
from pipelines.strava.tokens import Tokens, parse_scopes

log = logging.getLogger(__name__)

# Private runs and HR zones (docs/strava.md#oauth); the runner may untick any of them.
SCOPES: list[Scope] = ["read", "activity:read_all", "profile:read_all"]
STATE_MAX_AGE_S = 900
_STATE_LABEL = b"stridewise oauth state v1"


def _state_key(settings: StravaSettings) -> bytes:
    _, secret = settings.require()
    return hmac.new(secret.encode(), _STATE_LABEL, hashlib.sha256).digest()


def _sign(key: bytes, payload: str) -> str:
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def make_state(settings: StravaSettings, now: float | None = None) -> str:
    """An unguessable, signed, timestamped state value for one authorize round trip."""
    payload = f"{secrets.token_urlsafe(18)}.{int(time.time() if now is None else now)}"
    return f"{payload}.{_sign(_state_key(settings), payload)}"


def check_state(state: str, settings: StravaSettings, now: float | None = None) -> str:
    """The state's nonce if we signed it recently; StravaAuthError otherwise."""
    nonce, _, rest = state.partition(".")
    stamp, _, signature = rest.partition(".")
    expected = _sign(_state_key(settings), f"{nonce}.{stamp}")
    if not (nonce and stamp.isdigit() and hmac.compare_digest(signature, expected)):
        raise StravaAuthError(
            "This Strava connection link was not issued by this Stridewise (the state did not "
            "match), so nothing was stored. Click 'Connect with Strava' again."
        )
    age = (time.time() if now is None else now) - int(stamp)
    if not 0 <= age <= STATE_MAX_AGE_S:
        raise StravaAuthError(
            "This Strava connection link has expired, so nothing was stored. "
            "Click 'Connect with Strava' again."
        )
    return nonce


def authorize_url(settings: StravaSettings, state: str) -> str:
    """Strava's authorize page for our scopes, coming back to STRAVA_REDIRECT_URI."""
    client_id, _ = settings.require()
    client = build_client(settings)
    return client.authorization_url(
        client_id=client_id, redirect_uri=settings.redirect_uri, scope=SCOPES, state=state
    )


def athlete_name(athlete: Mapping[str, Any] | None, athlete_id: int) -> str:
    """A display name from Strava's athlete record."""
    athlete = athlete or {}
    full = f"{athlete.get('firstname') or ''} {athlete.get('lastname') or ''}".strip()
    return full or str(athlete.get("username") or f"Strava athlete {athlete_id}")


def _redeem(db_path: Path, nonce: str) -> None:
    with connect(db_path) as con, transaction(con):
        con.execute("DELETE FROM strava_oauth_nonces WHERE used_at < now() - INTERVAL 2 DAY")
        try:
            con.execute("INSERT INTO strava_oauth_nonces (nonce) VALUES (?)", [nonce])
        except duckdb.ConstraintException as error:
            raise StravaAuthError(
                "This Strava connection link was already used. Click 'Connect with Strava' again."
            ) from error


def store_connection(db_path: Path, tokens: Tokens, athlete: Mapping[str, Any] | None) -> None:
    """Create the athlete if new (keeping a profile the runner set) and save the tokens.

    One database holds at most one Strava connection: Strava's API Agreement lets a runner's
    API data be shown only to that runner, and anyone who opens this database's app sees it.
    """
    with connect(db_path) as con, transaction(con):
        others = [a for a in token_store.connected_athlete_ids(con) if a != tokens.athlete_id]
        if others:
            raise StravaAuthError(
                "This database is already connected to another Strava account. Strava's data "
                "may only be shown to its owner, so each runner needs their own database: "
                "start Stridewise with STRIDEWISE_DB pointing at a new file. Nothing was stored."
            )
        adopt_if_local(con, tokens.athlete_id)
        ensure_athlete(con, tokens.athlete_id, tokens.athlete_name, "strava")
        sex = (athlete or {}).get("sex")
        if sex in ("M", "F"):
            con.execute(
                "UPDATE athletes SET sex = ? WHERE id = ? AND sex IS NULL", [sex, tokens.athlete_id]
            )
        token_store.save(con, tokens)


def complete_connection(
    db_path: str | Path | None,
    settings: StravaSettings,
    params: Mapping[str, str],
    now: float | None = None,
) -> Tokens:
    """Handle Strava's redirect (?code&state&scope or ?error): verify, exchange, store."""
    path = resolve_path(db_path)
    if params.get("error"):
        raise StravaAuthError(
            "Strava access was not granted (you chose Cancel), so nothing was stored."
            if params["error"] == "access_denied"
            else f"Strava reported an error ({params['error']}); nothing was stored."
        )
    nonce = check_state(params.get("state", ""), settings, now)
    scopes = parse_scopes(params.get("scope"))
    if not scopes & {"activity:read", "activity:read_all"}:
        raise StravaAuthError(
            "Stridewise needs permission to view your activities. Connect again and leave "
            "the activity box ticked on Strava's page; nothing was stored."
        )
    client_id, client_secret = settings.require()
    _redeem(path, nonce)
    client = build_client(settings)
    try:
        info, athlete = call(
            RateBudget(),
            lambda: client.protocol.exchange_code_for_token(
                client_id=client_id,
                client_secret=client_secret,
                code=params.get("code", ""),
                return_athlete=True,
            ),
        )
    except exc.Fault as error:
        raise StravaAuthError(
            "Strava did not accept the authorization (the code expired or was already used). "
            "Click 'Connect with Strava' again."
        ) from error
    if not athlete or "id" not in athlete:
        raise StravaAuthError("Strava's answer had no athlete; click 'Connect with Strava' again.")
    athlete_id = int(athlete["id"])
    tokens = Tokens(
        athlete_id,
        athlete_name(athlete, athlete_id),
        info["access_token"],
        info["refresh_token"],
        int(info["expires_at"]),
        scopes,
    )
    store_connection(path, tokens, athlete)
    log.info("connected Strava athlete %s with scopes %s", athlete_id, sorted(scopes))
    return tokens


@contextlib.contextmanager
def refresh_lock(db_path: Path) -> Iterator[None]:
    """One refresh at a time across processes: a second one would use a dead refresh token."""
    lock_path = db_path.with_name(db_path.name + ".strava-lock")
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def refresh_tokens(
    settings: StravaSettings, refresh_token: str, meter: Meter | None = None
) -> dict[str, Any]:
    """One refresh_token grant, counted by `meter`; StravaAuthError when Strava refuses it."""
    client_id, client_secret = settings.require()
    meter = meter or Meter()
    client = meter.client(settings)

    def grant() -> dict[str, Any]:
        try:
            return dict(
                client.refresh_access_token(
                    client_id=client_id, client_secret=client_secret, refresh_token=refresh_token
                )
            )
        finally:
            meter.budget.count_unreported()

    try:
        return call(meter.budget, grant)
    except exc.Fault as error:
        raise StravaAuthError(REVOKED) from error


def fresh_tokens(
    db_path: str | Path | None,
    settings: StravaSettings,
    athlete_id: int,
    *,
    force: bool = False,
    now: float | None = None,
    meter: Meter | None = None,
) -> Tokens:
    """The athlete's tokens with at least 5 minutes left, refreshing (and persisting) if not."""
    path = resolve_path(db_path)
    with refresh_lock(path):
        with connect(path) as con:
            current = token_store.load(con, athlete_id)
        if current is None:
            raise StravaAuthError(
                "Strava is not connected for this athlete: open Settings and click "
                "'Connect with Strava' (or set STRAVA_REFRESH_TOKEN)."
            )
        if not force and not current.needs_refresh(now):
            return current
        info = refresh_tokens(settings, current.refresh_token, meter)
        with connect(path) as con:
            token_store.rotate(
                con,
                athlete_id,
                info["access_token"],
                info["refresh_token"],
                int(info["expires_at"]),
            )
        log.info("refreshed the Strava access token of athlete %s", athlete_id)
        return replace(
            current,
            access_token=info["access_token"],
            refresh_token=info["refresh_token"],
            expires_at=int(info["expires_at"]),
        )


def bootstrap(
    db_path: str | Path | None, settings: StravaSettings, meter: Meter | None = None
) -> tuple[Tokens, dict[str, Any]]:
    """Connect without a browser from STRAVA_REFRESH_TOKEN: refresh, then ask who we are.

    Returns the tokens and Strava's athlete record, so the sync need not ask for it again.
    """
    if not settings.refresh_token:
        raise StravaAuthError(
            "Strava is not connected: open Settings and click 'Connect with Strava', or set "
            "STRAVA_REFRESH_TOKEN for a headless setup."
        )
    path = resolve_path(db_path)
    meter = meter or Meter()
    with refresh_lock(path):
        info = refresh_tokens(settings, settings.refresh_token, meter)
        client = meter.client(settings, info["access_token"])
        athlete = call(meter.budget, lambda: client.protocol.get("/athlete"))
        athlete_id = int(athlete["id"])
        tokens = Tokens(
            athlete_id,
            athlete_name(athlete, athlete_id),
            info["access_token"],
            info["refresh_token"],
            int(info["expires_at"]),
            frozenset(),
        )
        store_connection(path, tokens, athlete)
    return tokens, athlete
