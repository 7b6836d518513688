"""Disconnect: tell Strava to revoke our access, forget the tokens, optionally delete API data."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import requests
from stravalib import exc

from pipelines.db import connect, resolve_path, transaction
from pipelines.metrics import recompute
from pipelines.strava import tokens as token_store
from pipelines.strava.auth import fresh_tokens
from pipelines.strava.client import RateBudget, build_client, call
from pipelines.strava.config import StravaSettings
from pipelines.strava.errors import StravaAuthError, StravaUnavailable
from pipelines.strava.retention import delete_api_data

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Disconnected:
    """What a disconnect did."""

    deauthorized: bool  # False: Strava could not be told; the runner removes us there
    deleted_activities: int


def disconnect(
    db_path: str | Path | None,
    settings: StravaSettings,
    athlete_id: int,
    *,
    delete_data: bool = False,
) -> Disconnected:
    """Deauthorize at Strava (best effort), delete the tokens, and API rows if asked."""
    path = resolve_path(db_path)
    deauthorized = False
    try:
        current = fresh_tokens(path, settings, athlete_id)
        client = build_client(settings, current.access_token)
        call(RateBudget(), client.deauthorize)
        deauthorized = True
    except (StravaAuthError, StravaUnavailable, exc.Fault, requests.RequestException) as error:
        log.warning("Strava could not be told about the disconnect: %s", type(error).__name__)
    with connect(path) as con, transaction(con):
        token_store.delete(con, athlete_id)
        deleted = delete_api_data(con, athlete_id) if delete_data else 0
        if deleted:
            recompute(con, [athlete_id])
    return Disconnected(deauthorized, deleted)
