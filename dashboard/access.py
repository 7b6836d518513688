"""Who may reach the dashboard: this computer only, or other computers after a sign-in.

Pure decisions over the serving address and the secrets, shared by the launcher (serve.py),
which refuses to start, and the app (sign_in.py), which refuses to show anything.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipelines.errors import InvalidEntry
from pipelines.passwords import HASH_KEY, SECRETS_SECTION, parse_hash

HOST_FIELD = "HOST (server.address)"
ALLOWED_HOSTS = (
    "an IP address of this computer: 127.0.0.1 (this computer only, the default), "
    "0.0.0.0 (every network, needs a sign-in) or one network's address such as 192.168.1.20"
)
LOOPBACK_NAMES = ("localhost",)
AUTH_SECTION = "auth"
AUTH_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
AUTH_FIELD = f"[{AUTH_SECTION}] in .streamlit/secrets.toml"
AUTH_ALLOWED = (
    f"{' and '.join(AUTH_KEYS)}, and {', '.join(PROVIDER_KEYS)} for the login provider, either "
    f"in [{AUTH_SECTION}] itself or in [{AUTH_SECTION}.NAME] (README: Privacy and security)"
)


@dataclass(frozen=True)
class SignIn:
    """The sign-ins the secrets configure: OpenID Connect providers and a password hash."""

    providers: tuple[str | None, ...] = ()  # None is the provider set in [auth] itself
    password_hash: str | None = None

    @property
    def configured(self) -> bool:
        """True when visitors must sign in."""
        return bool(self.providers) or self.password_hash is not None


def validate_host(text: str) -> str:
    """The address to listen on, or InvalidEntry naming the setting and what it may be."""
    host = text.strip()
    if host.lower() in LOOPBACK_NAMES:
        return host
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        raise InvalidEntry(HOST_FIELD, ALLOWED_HOSTS, text) from None


def is_loopback(host: str | None) -> bool:
    """True when only this computer can connect; an empty address means every interface."""
    if not host:
        return False
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _providers(auth: object) -> tuple[str | None, ...]:
    if not isinstance(auth, Mapping) or not all(auth.get(key) for key in AUTH_KEYS):
        raise InvalidEntry(AUTH_FIELD, AUTH_ALLOWED)
    found: list[str | None] = []
    if all(auth.get(key) for key in PROVIDER_KEYS):
        found.append(None)
    found += [
        name
        for name, section in auth.items()
        if isinstance(section, Mapping) and all(section.get(key) for key in PROVIDER_KEYS)
    ]
    if not found:
        raise InvalidEntry(AUTH_FIELD, AUTH_ALLOWED)
    return tuple(found)


def read_sign_in(secrets: Mapping[str, Any]) -> SignIn:
    """The sign-ins in the secrets; InvalidEntry when one is there but set up wrongly."""
    providers = _providers(secrets[AUTH_SECTION]) if AUTH_SECTION in secrets else ()
    section = secrets.get(SECRETS_SECTION)
    encoded = section.get(HASH_KEY) if isinstance(section, Mapping) else None
    if encoded is not None:
        parse_hash(str(encoded))
    return SignIn(providers, None if encoded is None else str(encoded))


def refusal(host: str | None) -> str | None:
    """Why serving on `host` without a sign-in is refused, or None when only this computer can."""
    if is_loopback(host):
        return None
    where = f"on {host}" if host else "on every network (server.address is not set)"
    return (
        f"Stridewise will not serve {where} without a sign-in: anyone on the same network could "
        "read your pain log and your training. Either set a password (run `stridewise "
        "password-hash` and paste the lines it prints into .streamlit/secrets.toml), or an "
        f"OpenID Connect login under [{AUTH_SECTION}] in that file (README: Privacy and "
        "security), or serve this computer only (leave out HOST; server.address = 127.0.0.1)."
    )
