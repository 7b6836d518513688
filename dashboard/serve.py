"""Start the dashboard: on this computer only by default, beyond it only with a sign-in.

`make run` and the Docker image start the app through here, so a server that other computers
could reach without a sign-in never starts; the app checks again on every run (sign_in.py), for
anyone who starts `streamlit run` by hand.

    python -m dashboard.serve [--host ADDRESS] [--port PORT]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from streamlit import config

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


def main(argv: Sequence[str] | None = None) -> int:
    """Check the address and the sign-in, then become the Streamlit server."""
    parser = argparse.ArgumentParser(prog="python -m dashboard.serve", description=__doc__)
    parser.add_argument("--host", help="address to listen on (default: server.address in "
                        ".streamlit/config.toml, 127.0.0.1)")  # fmt: skip
    parser.add_argument("--port", default=str(config.get_option("server.port")))
    args = parser.parse_args(argv)
    try:
        port = _port(args.port)
        host = access.validate_host(args.host) if args.host else config.get_option("server.address")
        sign_in = access.read_sign_in(read_secrets())
    except InvalidEntry as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    problem = None if sign_in.configured else access.refusal(host)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_REFUSED
    run = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port)]
    os.execv(run[0], run + (["--server.address", host] if args.host else []))


if __name__ == "__main__":
    sys.exit(main())
