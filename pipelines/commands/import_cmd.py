"""`stridewise import PATH`: a Strava export (ZIP or folder) or single FIT/GPX/TCX files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.athletes import validate_profile_value
from pipelines.db import connect
from pipelines.imports.export import read_paths
from pipelines.imports.memo import load_memo
from pipelines.imports.models import ImportReport, ParsedImport, UnreadableExport
from pipelines.imports.store import profile_timezone, write_import
from pipelines.imports.timezones import machine_timezone

EXIT_UNREADABLE = 1
SHOWN_SKIPS = 20


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import", parents=[common], help="import a Strava export ZIP/folder or FIT/GPX/TCX files",
        description=(
            "Import your history: the archive from Strava's 'Download or delete your account' "
            "page (ZIP or unzipped folder), or single .fit, .fit.gz, .gpx or .tcx files. "
            "Re-importing is safe: known activities are updated, never duplicated."
        ),
    )  # fmt: skip
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="export ZIP, export folder, or activity files")  # fmt: skip
    parser.add_argument("--timezone", metavar="ZONE",
                        help="IANA time zone for activities whose file has no local time, saved "
                             "to the profile when it has none (default: ask, else this "
                             "computer's zone)")  # fmt: skip
    parser.set_defaults(handler=run)


class _Progress:
    """A one-line progress counter on stderr, only when a person is watching."""

    def __init__(self) -> None:
        self.shown = -1
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int, label: str) -> None:
        percent = 100 * done // total if total else 100
        if self.live and percent != self.shown:
            self.shown = percent
            sys.stderr.write(f"\rReading {done}/{total} ({percent}%)")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _timezone(args: argparse.Namespace, parsed: ParsedImport) -> str:
    """--timezone, else the profile's, else the runner's answer, else this computer's zone."""
    if args.timezone:
        return str(validate_profile_value("timezone", args.timezone))
    with connect(args.db) as con:
        existing = profile_timezone(con, parsed, args.athlete)
    if existing:
        return existing
    default = machine_timezone()
    if sys.stdin.isatty():
        answer = input(f"Time zone you usually train in [{default}]: ").strip()
        return str(validate_profile_value("timezone", answer or default))
    print(
        f"Using this computer's time zone, {default}, for activities without local time "
        "(change it with `stridewise profile --set timezone=ZONE`).",
        file=sys.stderr,
    )
    return default


def _summary(report: ImportReport, source: str) -> str:
    span = ""
    if report.first_date and report.last_date:
        span = f" from {report.first_date:%Y-%m-%d} to {report.last_date:%Y-%m-%d}"
    return (
        f"Imported {report.read} activities{span} for athlete {report.athlete_id} from {source}: "
        f"{report.added} new, {report.updated} updated, {report.unchanged} unchanged; "
        f"{report.with_heart_rate} with heart-rate samples. Time zone: {report.timezone}."
        + _files_line(report)
    )


def _files_line(report: ImportReport) -> str:
    """How many activity files were read, when some were skipped as unchanged."""
    if not report.files_unchanged:
        return ""
    return (
        f" Read {report.files_read} activity files; {report.files_unchanged} were unchanged "
        "since the last import and not read again."
    )


def run(args: argparse.Namespace) -> int:
    source = " ".join(str(p) for p in args.paths)
    try:
        parsed = read_paths(args.paths, _Progress(), load_memo(args.db))
    except UnreadableExport as exc:
        print(f"error: nothing imported: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    zone = _timezone(args, parsed)
    with connect(args.db) as con:
        report = write_import(con, parsed, athlete_id=args.athlete, timezone=zone)
    print(_summary(report, source))
    if report.skipped:
        print(f"Skipped {len(report.skipped)}:")
        shown = report.skipped if args.verbose else report.skipped[:SHOWN_SKIPS]
        for item in shown:
            print(f"  {item.item}: {item.reason}")
        if len(report.skipped) > len(shown):
            print(f"  … and {len(report.skipped) - SHOWN_SKIPS} more (run with -v for all)")
    return 0
