"""`stridewise demo`: build (or remove) the demo runner's data."""

from __future__ import annotations

import argparse
from datetime import date

from pipelines import demo
from pipelines.clock import runner_today
from pipelines.db import connect, resolve_path


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help="build the demo runner's data (tagged 'demo')",
        description="Fill the database with ~18 months of a demo runner, ending today.",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--force", action="store_true", help="rebuild it even if it exists")
    group.add_argument(
        "--if-missing",
        action="store_true",
        help="only when the database has no athlete at all (used by `make run`)",
    )
    group.add_argument(
        "--remove", action="store_true", help="delete the demo data; your own entries stay"
    )
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="last day of the demo (default: today)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = resolve_path(args.db)
    with connect(path) as con:
        if args.remove:
            demo.remove(con)
            print(f"Removed the demo data from {path}.")
            return 0
        row = con.execute("SELECT count(*) FROM athletes").fetchone()
        athletes = row[0] if row else 0
        has_demo = con.execute(
            "SELECT count(*) FROM athletes WHERE id = ? AND source = 'demo'",
            [demo.DEMO_ATHLETE_ID],
        ).fetchone()
        if args.if_missing and athletes:
            return 0
        if has_demo and has_demo[0] and not args.force and not args.if_missing:
            print(f"{path} already has the demo runner; use --force to rebuild it.")
            return 0
        counts = demo.seed(con, args.end or runner_today(demo.DEMO_TIMEZONE))
    print(
        f"Demo runner written to {path}: {counts['activities']} activities, "
        f"{counts['pain_entries']} pain entries, {counts['wellness_entries']} check-ins."
    )
    return 0
