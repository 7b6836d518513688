"""`stridewise strava status|disconnect|retention`: the Strava connection from the terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.db import Connection, connect, resolve_path
from pipelines.strava import runs
from pipelines.strava import tokens as token_store
from pipelines.strava.config import StravaNotConfigured, load_settings
from pipelines.strava.disconnect import disconnect
from pipelines.strava.retention import RETENTION_ALLOWED, preferences, set_preferences

EXIT_NOT_CONNECTED = 1


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "strava",
        parents=[common],
        help="show, tune or remove the Strava connection",
        description="Status of the connection, the retention of API data, and disconnecting.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("status", parents=[common], help="who is connected, scopes, last sync")
    gone = actions.add_parser(
        "disconnect", parents=[common], help="revoke Stridewise at Strava and delete the tokens"
    )
    gone.add_argument(
        "--delete-data",
        action="store_true",
        help="also delete every activity that came from the Strava API "
        "(your export imports and your own entries stay)",
    )
    keep = actions.add_parser(
        "retention", parents=[common], help="how long API-sourced activities are kept"
    )
    keep.add_argument("--days", metavar="N", help=f"{RETENTION_ALLOWED}; 0 keeps everything")
    keep.add_argument("--overlap-days", metavar="N", help="days re-listed by each sync (14)")
    keep.add_argument(
        "--details",
        choices=["on", "off"],
        help="read each new run's detail (perceived exertion): 1 request per run",
    )
    keep.add_argument(
        "--streams",
        choices=["on", "off"],
        help="read the heart-rate stream of each activity that has one, for heart-rate load: "
        "1 request per activity, newest first, within the rate budget",
    )
    parser.set_defaults(handler=run)


def _status(con: Connection, athlete: int) -> int:
    tokens = token_store.load(con, athlete)
    assert tokens is not None
    print(
        f"Connected as {tokens.athlete_name} (athlete {athlete}); "
        f"scopes: {', '.join(sorted(tokens.scopes)) or 'unknown'}."
    )
    latest = runs.latest_run(con, athlete)
    if latest is not None:
        when = latest.finished_at or latest.started_at
        print(f"Last sync: {latest.status} at {when:%Y-%m-%d %H:%M} UTC: {latest.message or ''}")
    prefs = preferences(con, athlete)
    kept = f"{prefs.retention_days} days" if prefs.retention_days else "everything"
    print(
        f"API activities kept: {kept}; run details {'on' if prefs.fetch_details else 'off'}; "
        f"heart-rate streams {'on' if prefs.fetch_streams else 'off'}."
    )
    return 0


def _retention(con: Connection, athlete: int, args: argparse.Namespace) -> int:
    current = preferences(con, athlete)
    prefs = set_preferences(
        con,
        athlete,
        retention_days=current.retention_days if args.days is None else args.days,
        overlap_days=current.overlap_days if args.overlap_days is None else args.overlap_days,
        fetch_details=current.fetch_details if args.details is None else args.details == "on",
        fetch_streams=current.fetch_streams if args.streams is None else args.streams == "on",
    )
    kept = f"{prefs.retention_days} days" if prefs.retention_days else "everything"
    print(
        f"API activities kept: {kept}; each sync re-lists {prefs.overlap_days} days; "
        f"run details {'on' if prefs.fetch_details else 'off'}; "
        f"heart-rate streams {'on' if prefs.fetch_streams else 'off'}."
    )
    return 0


def _disconnect(path: Path, athlete: int, delete_data: bool) -> int:
    try:
        settings = load_settings()
        settings.require()
    except StravaNotConfigured as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_NOT_CONNECTED
    result = disconnect(path, settings, athlete, delete_data=delete_data)
    told = (
        "Strava revoked Stridewise's access"
        if result.deauthorized
        else "Strava could not be reached: remove Stridewise at https://www.strava.com/settings/apps"
    )
    print(
        f"Disconnected. {told}; tokens deleted; {result.deleted_activities} API activities deleted."
    )
    return 0


def run(args: argparse.Namespace) -> int:
    path = resolve_path(args.db)
    with connect(path) as con:
        ids = token_store.connected_athlete_ids(con)
        athlete = args.athlete if args.athlete is not None else (ids[0] if ids else None)
        if athlete not in ids:
            print(
                "Strava is not connected: open Settings in the app and click "
                "'Connect with Strava'.",
                file=sys.stderr,
            )
            return EXIT_NOT_CONNECTED
        if args.action == "status":
            return _status(con, athlete)
        if args.action == "retention":
            return _retention(con, athlete, args)
    return _disconnect(path, athlete, args.delete_data)
