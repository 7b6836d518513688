"""A stravalib Client pointed at STRAVA_API_URL, with a non-blocking rate budget and retries.

stravalib's default limiter sleeps (up to UTC midnight) inside the request; ours only records
the X-RateLimit-* / X-ReadRateLimit-* headers so the sync can stop early and checkpoint.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import requests
from stravalib import exc
from stravalib.client import Client
from stravalib.util.limiter import RateLimiter

from pipelines.strava.config import StravaSettings
from pipelines.strava.errors import RateLimited, StravaAuthError, StravaUnavailable

log = logging.getLogger(__name__)

REQUEST_TIMEOUT_S = 30.0
# Stop at 90 % of a window so other tools keep headroom (docs/strava.md#rate-limits).
BUDGET_STOP_FRACTION = 0.9
RETRY_DELAYS_S = (1.0, 4.0, 15.0)  # 5xx and timeouts; a 429 is never retried here
INACTIVE_APP = (
    "Strava has set your API application to Inactive (its owner needs an active Strava "
    "subscription since 30 June 2026). Subscribe with the account that owns the application, "
    "reactivate it at https://www.strava.com/settings/api, then sync again."
)
REVOKED = (
    "Strava no longer accepts Stridewise's access (it was revoked or expired). Open Settings "
    "and click 'Connect with Strava' again."
)

T = TypeVar("T")


class CountingSession(requests.Session):
    """A requests session with a default timeout that counts what it sends."""

    def __init__(self, timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        super().__init__()
        self.timeout_s = timeout_s
        self.sent = 0

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        """Send with our timeout unless one is given; count every attempt."""
        kwargs.setdefault("timeout", self.timeout_s)
        self.sent += 1
        return super().request(method, url, *args, **kwargs)


@dataclass
class Window:
    """Usage and limit of one rate-limit family, short (15 min) and long (day)."""

    short_usage: int
    long_usage: int
    short_limit: int
    long_limit: int


def _pair(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    try:
        first, second = (int(part.strip()) for part in value.split(",")[:2])
    except ValueError:
        return None
    return first, second


def next_quarter(now: datetime) -> datetime:
    """The next :00/:15/:30/:45 boundary after `now` (UTC), when the short window resets."""
    base = now.replace(minute=(now.minute // 15) * 15, second=0, microsecond=0)
    return base + timedelta(minutes=15)


def next_utc_midnight(now: datetime) -> datetime:
    """The next 00:00 UTC, when the daily window resets."""
    return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


class RateBudget(RateLimiter):
    """Records Strava's usage headers after each response; never sleeps."""

    def __init__(
        self,
        stop_fraction: float = BUDGET_STOP_FRACTION,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__()
        self.stop_fraction = stop_fraction
        self.clock = clock
        self.windows: dict[str, Window] = {}

    def __call__(self, args: dict[str, str], method: Any) -> None:
        """Take the usage headers of one API response; without them, count the call ourselves,
        so a run of such calls still reaches the stop line."""
        headers = {key.casefold(): value for key, value in args.items()}
        seen = False
        for family, prefix in (("overall", "x-ratelimit"), ("read", "x-readratelimit")):
            usage = _pair(headers.get(f"{prefix}-usage"))
            limit = _pair(headers.get(f"{prefix}-limit"))
            if usage and limit:
                self.windows[family] = Window(usage[0], usage[1], limit[0], limit[1])
                seen = True
        if not seen:
            self.count_unreported()

    def count_unreported(self) -> None:
        """Count one call whose response carried no usage headers against every known window.

        The token endpoint never sends them and stravalib skips its limiter there; streams have
        been seen without them; either way the call was made (docs/strava.md#rate-limits).
        """
        for window in self.windows.values():
            window.short_usage += 1
            window.long_usage += 1

    def check(self, stop_fraction: float | None = None) -> None:
        """Raise RateLimited before a request that would cross the stop line (or a lower one)."""
        now = self.clock()
        fraction = self.stop_fraction if stop_fraction is None else stop_fraction
        for window in self.windows.values():
            if window.long_usage >= window.long_limit * fraction:
                raise RateLimited(next_utc_midnight(now), "Strava's daily request budget is used")
        for window in self.windows.values():
            if window.short_usage >= window.short_limit * fraction:
                raise RateLimited(next_quarter(now), "Strava's 15-minute request budget is used")

    def on_429(self) -> RateLimited:
        """The pause that a 429 asks for: to midnight if the day is spent, else the quarter."""
        now = self.clock()
        if any(w.long_usage >= w.long_limit for w in self.windows.values()):
            return RateLimited(next_utc_midnight(now), "Strava answered 429 (daily limit)")
        return RateLimited(next_quarter(now), "Strava answered 429 (too many requests)")


def build_client(
    settings: StravaSettings,
    access_token: str | None = None,
    budget: RateBudget | None = None,
    session: requests.Session | None = None,
) -> Client:
    """A stravalib Client for STRAVA_API_URL; refreshing is ours (tokens.py), not stravalib's."""
    os.environ.setdefault("SILENCE_TOKEN_WARNINGS", "true")
    client = Client(
        access_token=access_token,
        rate_limiter=budget or RateBudget(),
        requests_session=session or CountingSession(),
    )
    client.protocol.server = settings.server
    # stravalib's own refresh has no margin and no persistence; ours has both.
    client.protocol.client_id = None
    client.protocol.client_secret = None
    return client


@dataclass(frozen=True)
class Meter:
    """One sync's request counter and rate budget, shared by every call it makes.

    Token refreshes and the headless bootstrap go through it too, so the count a runner sees
    is the count Strava sees, and the budget stops before limits that every call uses up.
    """

    session: CountingSession = field(default_factory=CountingSession)
    budget: RateBudget = field(default_factory=RateBudget)

    def client(self, settings: StravaSettings, access_token: str | None = None) -> Client:
        """A client whose requests this meter counts and budgets."""
        return build_client(settings, access_token, self.budget, self.session)


def _errors(error: requests.HTTPError) -> list[Mapping[str, Any]]:
    response = error.response
    try:
        body = response.json() if response is not None else {}
    except ValueError:
        return []
    found = body.get("errors") if isinstance(body, dict) else None
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def missing_scope(error: requests.HTTPError) -> str | None:
    """The permission a 401 says is missing (e.g. `activity:read_permission`), if any."""
    for item in _errors(error):
        if item.get("code") == "missing":
            return str(item.get("field"))
    return None


def call(
    budget: RateBudget,
    fn: Callable[[], T],
    *,
    sleep: Callable[[float], None] = time.sleep,
    delays: tuple[float, ...] = RETRY_DELAYS_S,
) -> T:
    """Run one API call within the budget; retry 5xx/timeouts; translate Strava's refusals."""
    attempt = 0
    while True:
        budget.check()
        try:
            return fn()
        except exc.ApplicationInactive as error:
            raise StravaAuthError(INACTIVE_APP) from error
        except (requests.Timeout, requests.ConnectionError) as error:
            failure: Exception = error
        except exc.Fault as error:
            status = error.response.status_code if error.response is not None else 0
            if status == 429:
                raise budget.on_429() from error
            if status == 403:
                raise StravaAuthError(
                    "Strava refused the request (403): "
                    + str(error).split("[")[0].strip()
                    + ". Check your API application at https://www.strava.com/settings/api."
                ) from error
            if status < 500:
                raise
            failure = error
        if attempt >= len(delays):
            raise StravaUnavailable(
                f"Strava kept failing ({type(failure).__name__}); nothing was lost, "
                "sync again later."
            ) from failure
        log.info(
            "Strava call failed (%s); retrying in %.0f s", type(failure).__name__, delays[attempt]
        )
        sleep(delays[attempt])
        attempt += 1
