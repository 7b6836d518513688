"""A fake Strava over real HTTPS on 127.0.0.1, with a throwaway CA (trustme).

Behaviour follows the research notes (OAuth, paging, rate-limit headers, error bodies) and has
knobs for 429s, 5xx, expired and revoked tokens, an inactive app, edits and deletions.
"""

from __future__ import annotations

import json
import secrets
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import trustme

CLIENT_ID = 4242
CLIENT_SECRET = "fake-client-secret"
ATHLETE_ID = 7_000_001
TOKEN_LIFETIME_S = 21600  # Strava access tokens live six hours (docs/strava.md#tokens)


def _error(message: str, resource: str, field_name: str, code: str) -> dict[str, Any]:
    return {
        "message": message,
        "errors": [{"resource": resource, "field": field_name, "code": code}],
    }


@dataclass
class Grant:
    """One token pair the fake has issued."""

    athlete_id: int
    scopes: set[str]
    access_token: str
    refresh_token: str
    expires_at: float


@dataclass
class FakeState:
    """Everything the fake knows; tests change it directly."""

    athlete: dict[str, Any]
    activities: dict[int, dict[str, Any]] = field(default_factory=dict)
    codes: dict[str, tuple[int, set[str]]] = field(default_factory=dict)
    grants: list[Grant] = field(default_factory=list)
    zones: dict[str, Any] = field(
        default_factory=lambda: {
            "heart_rate": {
                "custom_zones": False,
                "zones": [
                    {"min": 0, "max": 111},
                    {"min": 111, "max": 139},
                    {"min": 139, "max": 152},
                    {"min": 152, "max": 166},
                    {"min": 166, "max": -1},
                ],
            }
        }
    )
    clock_offset_s: float = 0.0
    limits: dict[str, tuple[int, int]] = field(
        default_factory=lambda: {"overall": (200, 2000), "read": (100, 1000)}
    )
    usage: dict[str, dict[int, int]] = field(default_factory=lambda: {"short": {}, "long": {}})
    fail_next: list[int] = field(default_factory=list)  # statuses for the next API calls
    inactive: bool = False
    deny: bool = False
    grant_scopes: str | None = None  # the scopes the "runner" leaves ticked
    # Streams by activity id and type; None answers 404. Unset: made up from the activity.
    streams: dict[int, dict[str, list[Any]] | None] = field(default_factory=dict)
    bare_paths: tuple[str, ...] = ()  # paths (substrings) answered without rate-limit headers
    log: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)


class FakeStrava:
    """The server plus helpers to seed activities and inspect requests."""

    def __init__(self, tmp_dir: Path) -> None:
        self.ca = trustme.CA()
        self.ca_path = tmp_dir / "fake-strava-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_path))
        self.lock = threading.RLock()
        self.state = FakeState(
            athlete={
                "id": ATHLETE_ID,
                "username": "ada_runs",
                "resource_state": 2,
                "firstname": "Ada",
                "lastname": "Runner",
                "sex": "F",
                "premium": True,
                "created_at": "2024-01-01T00:00:00Z",
            }
        )
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = int(self.server.server_address[1])
        self.url = f"https://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeStrava:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ---- clock and rate limits ------------------------------------------------------------
    def now(self) -> float:
        """The fake's clock (real time plus an offset tests can advance)."""
        return time.time() + self.state.clock_offset_s

    def advance(self, seconds: float) -> None:
        """Move the fake clock forward."""
        self.state.clock_offset_s += seconds

    def set_usage(self, short: int, long: int | None = None) -> None:
        """Pretend the app already used this many requests in the current windows."""
        now = self.now()
        self.state.usage["short"][int(now // 900)] = short
        self.state.usage["long"][int(now // 86400)] = short if long is None else long

    def _count(self) -> tuple[int, int]:
        now = self.now()
        short_key, long_key = int(now // 900), int(now // 86400)
        usage = self.state.usage
        usage["short"][short_key] = usage["short"].get(short_key, 0) + 1
        usage["long"][long_key] = usage["long"].get(long_key, 0) + 1
        return usage["short"][short_key], usage["long"][long_key]

    # ---- requests seen ----------------------------------------------------------------------
    def requests(self, path_part: str = "") -> list[tuple[str, str, dict[str, str]]]:
        """Requests received so far (method, path, params), optionally filtered by path."""
        with self.lock:
            return [entry for entry in self.state.log if path_part in entry[1]]

    def reset_log(self) -> None:
        """Forget the requests seen so far."""
        with self.lock:
            self.state.log.clear()

    # ---- data -------------------------------------------------------------------------------
    def add_activity(self, activity_id: int, start: datetime, **overrides: Any) -> dict[str, Any]:
        """Add one activity (a 10 km run by default) starting at `start` (UTC)."""
        local = start + timedelta(hours=1)
        activity = {
            "resource_state": 2,
            "athlete": {"id": ATHLETE_ID, "resource_state": 1},
            "name": "Morning Run",
            "distance": 10000.0,
            "moving_time": 3000,
            "elapsed_time": 3100,
            "total_elevation_gain": 42.0,
            "type": "Run",
            "sport_type": "Run",
            "workout_type": 0,
            "id": activity_id,
            "start_date": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "start_date_local": local.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "timezone": "(GMT+00:00) Europe/London",
            "utc_offset": 3600.0,
            "visibility": "everyone",
            "has_heartrate": True,
            "average_heartrate": 148.5,
            "max_heartrate": 171.0,
            "average_temp": 12,
            "heartrate_opt_out": False,
            "device_name": "Garmin Forerunner 965",
            "suffer_score": 61.0,
        }
        activity.update(overrides)
        with self.lock:
            self.state.activities[activity_id] = activity
        return activity

    def add_series(
        self, count: int, first_id: int, end: datetime, spacing: timedelta = timedelta(hours=20)
    ) -> list[int]:
        """`count` runs ending at `end`, one every `spacing`, ids counting up with time."""
        ids = []
        for index in range(count):
            start = end - spacing * (count - 1 - index)
            ids.append(first_id + index)
            self.add_activity(first_id + index, start)
        return ids

    def edit(self, activity_id: int, **changes: Any) -> None:
        """Change an activity as the runner would on Strava."""
        with self.lock:
            self.state.activities[activity_id].update(changes)

    def delete(self, activity_id: int) -> None:
        """Delete an activity on Strava (it simply disappears from lists)."""
        with self.lock:
            del self.state.activities[activity_id]

    def set_streams(self, activity_id: int, streams: dict[str, list[Any]] | None) -> None:
        """What /activities/{id}/streams serves for one activity (None: a 404)."""
        with self.lock:
            self.state.streams[activity_id] = streams

    def revoke(self) -> None:
        """The runner removes the app on strava.com: every token dies."""
        with self.lock:
            self.state.grants.clear()

    def grant(self, scopes: str = "read,activity:read_all,profile:read_all") -> Grant:
        """Issue a token pair directly (as if the runner had connected earlier)."""
        with self.lock:
            grant = Grant(
                ATHLETE_ID,
                set(scopes.split(",")),
                secrets.token_hex(20),
                secrets.token_hex(20),
                self.now() + TOKEN_LIFETIME_S,
            )
            self.state.grants.append(grant)
            return grant

    def current_grant(self) -> Grant | None:
        """The newest live grant."""
        with self.lock:
            return self.state.grants[-1] if self.state.grants else None


def _handler(fake: FakeStrava) -> type[BaseHTTPRequestHandler]:
    from tests.strava.fake_routes import Routes

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: tests read `fake.requests()` instead."""

        def _params(self) -> dict[str, str]:
            query = parse_qs(urlsplit(self.path).query)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            form = parse_qs(body) if "json" not in (self.headers.get("Content-Type") or "") else {}
            return {key: values[-1] for key, values in {**query, **form}.items()}

        def _dispatch(self, method: str) -> None:
            path = urlsplit(self.path).path
            params = self._params()
            with fake.lock:
                fake.state.log.append((method, path, params))
                status, body, headers = Routes(fake, self.headers).handle(method, path, params)
            payload = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if body is not None:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            self._dispatch("GET")

        def do_POST(self) -> None:
            self._dispatch("POST")

        def do_DELETE(self) -> None:
            self._dispatch("DELETE")

    return Handler


def redirect(url: str, params: dict[str, str]) -> tuple[int, None, dict[str, str]]:
    """A 302 to `url` with `params` added to its query string."""
    joiner = "&" if urlsplit(url).query else "?"
    return 302, None, {"Location": f"{url}{joiner}{urlencode(params)}"}


def iso(epoch: float) -> str:
    """Epoch seconds as Strava's UTC timestamp text."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def every(items: dict[int, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Activities, newest first."""
    return iter(sorted(items.values(), key=lambda a: a["start_date"], reverse=True))
