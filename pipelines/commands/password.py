"""`stridewise password-hash`: the line that lets the app ask for a password on a home network."""

from __future__ import annotations

import argparse
import getpass
import sys

from pipelines.errors import InvalidEntry
from pipelines.passwords import HASH_KEY, MIN_PASSWORD_CHARS, SECRETS_SECTION, hash_password


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "password-hash", parents=[common], help="make the sign-in password's hash for secrets.toml",
        description=(
            "Ask for a password (twice, not shown) and print the lines to paste into "
            ".streamlit/secrets.toml. The app then asks for that password; serving beyond this "
            "computer (make run HOST=0.0.0.0) needs it or an OpenID Connect login. Only the "
            "salted scrypt hash is printed, never the password."
        ),
    )  # fmt: skip
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    password = getpass.getpass(f"Password (at least {MIN_PASSWORD_CHARS} characters): ")
    encoded = hash_password(password)
    if getpass.getpass("The same password again: ") != password:
        raise InvalidEntry("password", "the same password twice")
    print(
        f"Paste these two lines into .streamlit/secrets.toml (replacing any [{SECRETS_SECTION}] "
        "section), then restart the app:",
        file=sys.stderr,
    )
    print(f'[{SECRETS_SECTION}]\n{HASH_KEY} = "{encoded}"')
    return 0
