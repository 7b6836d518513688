"""One authenticated API session for a sync: budget checks, retries, token upkeep, 401 handling."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from stravalib import exc
from stravalib.client import Client

from pipelines.strava.auth import athlete_name
from pipelines.strava.client import (
    RETRY_DELAYS_S,
    REVOKED,
    CountingSession,
    RateBudget,
    call,
    missing_scope,
)
from pipelines.strava.errors import StravaAuthError
from pipelines.strava.tokens import Tokens

Refresher = Callable[[bool], Tokens]
T = TypeVar("T")


class ApiSession:
    """Calls stravalib with our budget, retries and tokens."""

    def __init__(
        self,
        client: Client,
        budget: RateBudget,
        tokens: Tokens,
        refresh: Refresher,
        *,
        sleep: Callable[[float], None] = time.sleep,
        delays: tuple[float, ...] = RETRY_DELAYS_S,
    ) -> None:
        self.client = client
        self.budget = budget
        self.tokens = tokens
        self.refresh = refresh
        self.sleep = sleep
        self.delays = delays
        self.forced_refresh = False

    @property
    def requests(self) -> int:
        """HTTP requests this sync sent: retries and token refreshes included."""
        session = self.client.protocol.rsession
        return session.sent if isinstance(session, CountingSession) else 0

    def _use(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self.client.access_token = tokens.access_token

    def get(self, path: str, **params: Any) -> Any:
        """GET an API path as raw JSON (nothing stravalib's models would drop or coerce)."""
        return self.run(lambda client: client.protocol.get(path, **params))

    def run(self, request: Callable[[Client], T]) -> T:
        """One stravalib call; refresh ahead of expiry; one forced refresh on a 401, then stop."""
        if self.tokens.needs_refresh():
            self._use(self.refresh(False))
        while True:
            try:
                return call(
                    self.budget,
                    lambda: request(self.client),
                    sleep=self.sleep,
                    delays=self.delays,
                )
            except exc.AccessUnauthorized as error:
                scope = missing_scope(error)
                if scope and "activity" in scope:
                    raise StravaAuthError(
                        "Stridewise was not given permission to read your activities. Open "
                        "Settings, click 'Connect with Strava' and leave the activity box ticked."
                    ) from error
                if scope:
                    raise
                if self.forced_refresh:
                    raise StravaAuthError(REVOKED) from error
                self.forced_refresh = True
                self._use(self.refresh(True))

    def name_of(self, athlete: Mapping[str, Any]) -> str:
        """A display name for the athlete record."""
        return athlete_name(athlete, self.tokens.athlete_id)

    def may_read_zones(self) -> bool:
        """Zones need profile:read_all; unknown scopes (headless bootstrap) are tried."""
        return not self.tokens.scopes or self.tokens.grants("profile:read_all")
