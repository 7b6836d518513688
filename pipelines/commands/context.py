"""Shared helpers for subcommands: which athlete a command is about."""

from __future__ import annotations

import argparse

from pipelines.athletes import default_athlete_id
from pipelines.db import Connection
from pipelines.errors import NotFound


def athlete_id(con: Connection, args: argparse.Namespace) -> int:
    """The --athlete given, else the default athlete; NotFound when the database has none."""
    if args.athlete is not None:
        return int(args.athlete)
    found = default_athlete_id(con)
    if found is None:
        raise NotFound(
            "the database has no athlete yet: run `stridewise demo`, `stridewise import FILE` "
            "or `stridewise sync` first"
        )
    return found
