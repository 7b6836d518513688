"""Routes of the fake Strava: OAuth, athlete, activities, streams, zones, limits and knobs."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tests.strava.fake_strava import (
    ATHLETE_ID,
    CLIENT_ID,
    CLIENT_SECRET,
    TOKEN_LIFETIME_S,
    Grant,
    _error,
    every,
    redirect,
)

if TYPE_CHECKING:
    from email.message import Message

    from tests.strava.fake_strava import FakeStrava

Response = tuple[int, Any, dict[str, str]]
INACTIVE = _error("Forbidden", "Application", "Status", "Inactive")
RATE_EXCEEDED = _error("Rate Limit Exceeded", "Application", "rate limit", "exceeded")
INVALID_TOKEN = _error("Authorization Error", "Athlete", "access_token", "invalid")


def _epoch(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Routes:
    """One request's handling against the shared fake state (called under the fake's lock)."""

    def __init__(self, fake: FakeStrava, headers: Message) -> None:
        self.fake = fake
        self.state = fake.state
        self.headers = headers

    def handle(self, method: str, path: str, params: dict[str, str]) -> Response:
        """Route by path; /api/v3 is optional so the 2027 api-v3 host style works too."""
        bare = path.removeprefix("/api/v3")
        if bare.startswith("/oauth/"):
            return self.oauth(method, bare, params)
        return self.api(method, bare, params)

    # ---- OAuth ------------------------------------------------------------------------------
    def oauth(self, method: str, path: str, params: dict[str, str]) -> Response:
        if path == "/oauth/authorize" and method == "GET":
            return self.authorize(params)
        if self.state.inactive:
            return 403, INACTIVE, {}
        if path == "/oauth/token" and method == "POST":
            return self.token(params)
        if path == "/oauth/deauthorize" and method == "POST":
            grant = self.bearer()
            if grant is None:
                return 401, INVALID_TOKEN, {}
            self.state.grants = [g for g in self.state.grants if g.athlete_id != grant.athlete_id]
            return 200, {"access_token": grant.access_token}, {}
        return 404, _error("Record Not Found", "Path", path, "invalid"), {}

    def authorize(self, params: dict[str, str]) -> Response:
        if (
            params.get("client_id") != str(CLIENT_ID)
            or params.get("response_type") != "code"
            or not params.get("redirect_uri")
        ):
            return 400, _error("Bad Request", "Application", "client_id", "invalid"), {}
        back = params["redirect_uri"]
        if self.state.deny:
            return redirect(back, {"state": params.get("state", ""), "error": "access_denied"})
        scopes = self.state.grant_scopes or params.get("scope", "read")
        code = secrets.token_hex(12)
        self.state.codes[code] = (ATHLETE_ID, set(scopes.split(",")))
        return redirect(back, {"state": params.get("state", ""), "code": code, "scope": scopes})

    def token(self, params: dict[str, str]) -> Response:
        if (
            params.get("client_id") != str(CLIENT_ID)
            or params.get("client_secret") != CLIENT_SECRET
        ):
            return 400, _error("Bad Request", "Application", "client_id", "invalid"), {}
        now = self.fake.now()
        if params.get("grant_type") == "authorization_code":
            found = self.state.codes.pop(params.get("code", ""), None)
            if found is None:
                return 400, _error("Bad Request", "RequestToken", "code", "invalid"), {}
            grant = Grant(
                found[0],
                found[1],
                secrets.token_hex(20),
                secrets.token_hex(20),
                now + TOKEN_LIFETIME_S,
            )
            self.state.grants.append(grant)
            return 200, {**self.token_body(grant), "athlete": self.state.athlete}, {}
        if params.get("grant_type") == "refresh_token":
            old = next(
                (g for g in self.state.grants if g.refresh_token == params.get("refresh_token")),
                None,
            )
            if old is None:
                return 400, _error("Bad Request", "RefreshToken", "refresh_token", "invalid"), {}
            # The old refresh token dies at once; the access token is reused while > 1 h left.
            old.refresh_token = secrets.token_hex(20)
            if old.expires_at - now <= 3600:
                old.access_token = secrets.token_hex(20)
                old.expires_at = now + TOKEN_LIFETIME_S
            return 200, self.token_body(old), {}
        return 400, _error("Bad Request", "GrantType", "grant_type", "invalid"), {}

    def token_body(self, grant: Grant) -> dict[str, Any]:
        return {
            "token_type": "Bearer",
            "access_token": grant.access_token,
            "refresh_token": grant.refresh_token,
            "expires_at": int(grant.expires_at),
            "expires_in": int(grant.expires_at - self.fake.now()),
        }

    def bearer(self) -> Grant | None:
        header = self.headers.get("Authorization") or ""
        token = header.removeprefix("Bearer ").strip()
        now = self.fake.now()
        return next(
            (g for g in self.state.grants if g.access_token == token and g.expires_at > now), None
        )

    # ---- API --------------------------------------------------------------------------------
    def rate_headers(self, short: int, long: int) -> dict[str, str]:
        overall, read = self.state.limits["overall"], self.state.limits["read"]
        return {
            "X-RateLimit-Limit": f"{overall[0]},{overall[1]}",
            "X-RateLimit-Usage": f"{short},{long}",
            "X-ReadRateLimit-Limit": f"{read[0]},{read[1]}",
            "X-ReadRateLimit-Usage": f"{short},{long}",
        }

    def api(self, method: str, path: str, params: dict[str, str]) -> Response:
        short, long = self.fake._count()
        headers = self.rate_headers(short, long)
        if any(part in path for part in self.state.bare_paths):
            headers = {}
        read = self.state.limits["read"]
        if short > read[0] or long > read[1]:
            return 429, RATE_EXCEEDED, headers
        if self.state.inactive:
            return 403, INACTIVE, headers
        if self.state.fail_next:
            status = self.state.fail_next.pop(0)
            return status, {"message": "Server Error", "errors": []}, headers
        grant = self.bearer()
        if grant is None:
            return 401, INVALID_TOKEN, headers
        if path == "/athlete":
            return 200, self.state.athlete, headers
        if path == "/athlete/zones":
            if "profile:read_all" not in grant.scopes:
                return (
                    401,
                    _error(
                        "Authorization Error", "AccessToken", "profile:read_permission", "missing"
                    ),
                    headers,
                )
            return 200, self.state.zones, headers
        if path == "/athlete/activities":
            if not grant.scopes & {"activity:read", "activity:read_all"}:
                return (
                    401,
                    _error(
                        "Authorization Error", "AccessToken", "activity:read_permission", "missing"
                    ),
                    headers,
                )
            return 200, self.list_activities(grant, params), headers
        streams = re.fullmatch(r"/activities/(\d+)/streams", path)
        if streams:
            return self.streams(int(streams.group(1)), params, headers)
        match = re.fullmatch(r"/activities/(\d+)", path)
        if match and int(match.group(1)) in self.state.activities:
            detail = {
                **self.state.activities[int(match.group(1))],
                "resource_state": 3,
                "perceived_exertion": 6,
                "description": "felt good",
            }
            return 200, detail, headers
        return 404, _error("Record Not Found", "Activity", "id", "invalid"), headers

    def list_activities(self, grant: Grant, params: dict[str, str]) -> list[dict[str, Any]]:
        before = float(params.get("before") or "inf")
        after = float(params.get("after") or "-inf")
        per_page = min(int(params.get("per_page") or 30), 200)
        page = int(params.get("page") or 1)
        private_ok = "activity:read_all" in grant.scopes
        chosen = [
            a
            for a in every(self.state.activities)
            if after < _epoch(a["start_date"]) < before
            and (private_ok or a.get("visibility") != "only_me")
        ]
        return chosen[(page - 1) * per_page : page * per_page]

    def streams(
        self, activity_id: int, params: dict[str, str], headers: dict[str, str]
    ) -> Response:
        """Only the requested streams that exist, keyed by type (docs/strava.md#streams)."""
        keys = [key for key in params.get("keys", "").split(",") if key]
        if not keys or params.get("key_by_type") not in ("true", "True"):
            return 400, _error("Bad Request", "Streams", "keys", "invalid"), headers
        activity = self.state.activities.get(activity_id)
        if activity is None or activity.get("manual"):
            return 404, _error("Record Not Found", "Activity", "id", "invalid"), headers
        available = self.state.streams.get(activity_id, made_up_streams(activity))
        if available is None:
            return 404, _error("Record Not Found", "Activity", "id", "invalid"), headers
        return (
            200,
            {
                kind: {
                    "data": data,
                    "series_type": "distance",
                    "original_size": len(data),
                    "resolution": "high",
                }
                for kind, data in available.items()
                if kind in keys
            },
            headers,
        )


def made_up_streams(activity: dict[str, Any]) -> dict[str, list[Any]]:
    """One sample a second; heart rate (if recorded) climbing from 130 to 169 bpm."""
    duration = int(activity.get("moving_time") or 0)
    seconds = list(range(duration))
    made: dict[str, list[Any]] = {
        "time": seconds,
        "distance": [round(s * 3.3, 1) for s in seconds],
    }
    if activity.get("has_heartrate"):
        made["heartrate"] = [130 + 40 * s // max(duration, 1) for s in seconds]
    return made
