"""The `stridewise` command line: one subcommand per module in pipelines/commands."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from pipelines.errors import DatabaseBusy, InvalidEntry, NotFound

COMMAND_MODULES = [
    "pipelines.commands.demo",
    "pipelines.commands.recompute",
    "pipelines.commands.profile",
    "pipelines.commands.today",
    "pipelines.commands.import_cmd",
    "pipelines.commands.sync",
    "pipelines.commands.strava",
    "pipelines.commands.log",
    "pipelines.commands.entries",
    "pipelines.commands.strength",
    "pipelines.commands.plan",
    "pipelines.commands.password",
]

EXIT_USAGE = 2
EXIT_FAILURE = 1


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand accepts, so `stridewise demo --db x.duckdb` works."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $STRIDEWISE_DB, else data/stridewise.duckdb)",
    )
    common.add_argument(
        "--athlete",
        type=int,
        metavar="ID",
        help="athlete id (default: the only athlete, or the first that is not the demo)",
    )
    common.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="stridewise", description="Training load and recovery for runners, kept locally."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = common_options()
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `stridewise` console script."""
    args = build_parser().parse_args(argv)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        code: int = args.handler(args)
    except InvalidEntry as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (DatabaseBusy, NotFound) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return code


if __name__ == "__main__":
    sys.exit(main())
