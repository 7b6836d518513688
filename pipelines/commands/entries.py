"""`stridewise entries export|import`: move the runner's own entries in and out as CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from pipelines.athletes import get_profile
from pipelines.clock import runner_today
from pipelines.commands.context import athlete_id
from pipelines.db import connect
from pipelines.entries import csv_io
from pipelines.errors import InvalidEntry


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "entries",
        help="export or import pain entries, check-ins and session RPE",
        description="One CSV holds every kind (column `kind`: checkin, pain, rpe).",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", parents=[common], help="write every entry as CSV")
    export.add_argument("--format", choices=["csv"], default="csv")
    export.add_argument("--output", metavar="FILE", help="file to write (default: stdout)")
    export.set_defaults(handler=run_export)
    imports = actions.add_parser(
        "import",
        parents=[common],
        help="read entries from CSV: all rows or none",
        description="Every row is checked first; with any bad row nothing is written and each "
        "bad line is listed (the header is line 1). A check-in for a day you already have "
        "replaces it; a pain entry you already have is skipped.",
    )
    imports.add_argument("--format", choices=["csv"], default="csv")
    imports.add_argument("file", metavar="FILE")
    imports.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        if args.output is None:
            csv_io.export_csv(con, athlete, sys.stdout)
            return 0
        with Path(args.output).open("w", encoding="utf-8", newline="") as out:
            rows = csv_io.export_csv(con, athlete, out)
    print(f"Wrote {rows} entries to {args.output}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise InvalidEntry("FILE", "an existing CSV file", args.file)
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        today = runner_today(get_profile(con, athlete).timezone)
        try:
            with path.open(encoding="utf-8-sig", newline="") as source:
                report = csv_io.import_csv(con, athlete, source, today=today)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InvalidEntry("FILE", "a UTF-8 CSV file", args.file) from exc
    print(
        f"Imported {path.name}: {report.pain_added} pain entries added "
        f"({report.pain_unchanged} already there), {report.checkins_added} check-ins added, "
        f"{report.checkins_updated} updated, {report.rpe_set} session RPEs set."
    )
    return 0
