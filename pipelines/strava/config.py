"""Strava settings: environment variables override `.streamlit/secrets.toml` ([strava] or root).

Read with tomllib so the CLI and the sync subprocess see the same settings as the app,
without importing Streamlit.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipelines.errors import InvalidEntry, StridewiseError

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://www.strava.com"
DEFAULT_REDIRECT_URI = "http://localhost:8501"
SECRETS_ENV = "STRIDEWISE_SECRETS"
DEFAULT_SECRETS_PATH = Path(".streamlit") / "secrets.toml"
KEYS = (
    "STRAVA_CLIENT_ID",
    "STRAVA_CLIENT_SECRET",
    "STRAVA_REDIRECT_URI",
    "STRAVA_REFRESH_TOKEN",
    "STRAVA_API_URL",
)


class StravaNotConfigured(StridewiseError, RuntimeError):
    """No Strava API application is configured (client id and secret)."""


@dataclass(frozen=True)
class StravaSettings:
    """Where Strava is and which API application Stridewise acts as."""

    client_id: int | None
    client_secret: str | None
    redirect_uri: str
    refresh_token: str | None
    api_url: str

    @property
    def configured(self) -> bool:
        """True when an API application (id and secret) is set up."""
        return self.client_id is not None and bool(self.client_secret)

    @property
    def server(self) -> str:
        """host[:port] of STRAVA_API_URL, as stravalib's protocol wants it."""
        return urlsplit(self.api_url).netloc

    def require(self) -> tuple[int, str]:
        """The client id and secret, or StravaNotConfigured saying how to set them."""
        if self.client_id is None or not self.client_secret:
            raise StravaNotConfigured(
                "Strava is not set up: put STRAVA_CLIENT_ID and STRAVA_CLIENT_SECRET of your own "
                "Strava API application in .streamlit/secrets.toml under [strava] or in the "
                "environment (see the README, 'Connect Strava')."
            )
        return self.client_id, self.client_secret


def _secrets_file() -> dict[str, Any]:
    path = Path(os.environ.get(SECRETS_ENV) or DEFAULT_SECRETS_PATH)
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        log.warning("ignoring %s: it is not valid TOML (%s)", path, exc)
        return {}
    section = document.get("strava")
    values = {key: document[key] for key in KEYS if key in document}
    if isinstance(section, dict):
        values.update({key: section[key] for key in KEYS if key in section})
    return values


def _client_id(raw: object) -> int | None:
    if raw is None or raw == "":
        return None
    try:
        return int(str(raw).strip())
    except ValueError as exc:
        raise InvalidEntry(
            "STRAVA_CLIENT_ID", "the numeric Client ID of your Strava API application", raw
        ) from exc


def _api_url(raw: str) -> str:
    parts = urlsplit(raw.strip())
    if parts.scheme != "https" or not parts.netloc:
        raise InvalidEntry("STRAVA_API_URL", "an https://host[:port] address", raw)
    return f"https://{parts.netloc}"


def load_settings() -> StravaSettings:
    """The Strava settings: each value from the environment, else the secrets file, else default."""
    stored = _secrets_file()

    def value(key: str) -> str | None:
        found = os.environ.get(key) or stored.get(key)
        return None if found in (None, "") else str(found)

    return StravaSettings(
        client_id=_client_id(value("STRAVA_CLIENT_ID")),
        client_secret=value("STRAVA_CLIENT_SECRET"),
        redirect_uri=value("STRAVA_REDIRECT_URI") or DEFAULT_REDIRECT_URI,
        refresh_token=value("STRAVA_REFRESH_TOKEN"),
        api_url=_api_url(value("STRAVA_API_URL") or DEFAULT_API_URL),
    )
