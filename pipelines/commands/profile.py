"""`stridewise profile`: show or set the athlete's physiology and model settings."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from pipelines.athletes import PROFILE_FIELDS, get_profile, profile_problem, update_profile
from pipelines.commands.context import athlete_id
from pipelines.db import connect
from pipelines.errors import InvalidEntry
from pipelines.metrics import recompute


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "profile",
        parents=[common],
        help="show or set sex, HR max/rest, thresholds, time zone",
        description="Without --set, print the profile. Fields: " + ", ".join(PROFILE_FIELDS),
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="change a field, e.g. --set hr_max=186 (repeatable)",
    )
    parser.set_defaults(handler=run)


def _parse_assignments(items: list[str]) -> dict[str, str]:
    changes = {}
    for item in items:
        field, sep, value = item.partition("=")
        if not sep:
            raise InvalidEntry("--set", "FIELD=VALUE, e.g. hr_max=186", item)
        changes[field.strip()] = value.strip()
    return changes


def run(args: argparse.Namespace) -> int:
    changes = _parse_assignments(args.set)
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        if changes:
            profile = update_profile(con, athlete, changes)
            recompute(con, [athlete])
        else:
            profile = get_profile(con, athlete)
    for field, value in asdict(profile).items():
        print(f"{field:26} {'' if value is None else value}")
    problem = profile_problem(profile)
    if problem:
        print(problem)
    return 0
