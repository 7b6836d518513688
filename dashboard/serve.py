"""Start the dashboard: on this computer only by default, beyond it only with a sign-in.

`make run` and the Docker image start the app through here, so a server that other computers
could reach without a sign-in never starts; the app checks again on every run (sign_in.py), for
anyone who starts `streamlit run` by hand.

    python -m dashboard.serve [--host ADDRESS] [--port PORT]
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from streamlit import config, net_util

from dashboard import access
from dashboard.sign_in import read_secrets
from pipelines.errors import InvalidEntry

APP = Path(__file__).with_name("streamlit_app.py")
EXIT_REFUSED = 2
PORT_FIELD = "PORT"
PORT_ALLOWED = "a whole number from 1 to 65535"


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise InvalidEntry(PORT_FIELD, PORT_ALLOWED, text)
    return int(text)


def _shown_address(host: str | None) -> str:
    """The address Streamlit's start-up message shows for a network server.

    Left to itself, Streamlit asks a web service for this computer's public address; this
    computer's own network address is the one people at home type, and asking reveals nothing.
    """
    if host and not ipaddress.ip_address(host).is_unspecified:
        return host
    return str(net_util.get_internal_ip())


def main(argv: Sequence[str] | None = None) -> int:
    """Check the address and the sign-in, then become the Streamlit server."""
    parser = argparse.ArgumentParser(prog="python -m dashboard.serve", description=__doc__)
    parser.add_argument("--host", help="address to listen on (default: server.address in "
                        ".streamlit/config.toml, 127.0.0.1)")  # fmt: skip
    parser.add_argument("--port", default=str(config.get_option("server.port")))
    args = parser.parse_args(argv)
    try:
        port = _port(args.port)
        chosen = args.host or config.get_option("server.address")
        host = access.validate_host(chosen) if chosen else None  # None: every network
        sign_in = access.read_sign_in(read_secrets())
    except InvalidEntry as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    problem = None if sign_in.configured else access.refusal(host)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_REFUSED
    run = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port)]
    if args.host:
        run += ["--server.address", host]
    if not access.is_loopback(host) and not config.is_manually_set("browser.serverAddress"):
        run += ["--browser.serverAddress", _shown_address(host)]
    os.execv(run[0], run)


if __name__ == "__main__":
    sys.exit(main())
