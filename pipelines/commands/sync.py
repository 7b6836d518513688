"""`stridewise sync [--full] [--wait]`: bring Strava activities into the database."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC

from pipelines.db import resolve_path
from pipelines.strava.config import StravaNotConfigured, load_settings
from pipelines.strava.errors import (
    RateLimited,
    StravaAuthError,
    StravaUnavailable,
    SyncInProgress,
)
from pipelines.strava.sync import summary, sync

EXIT_TEMPFAIL = 75  # sysexits EX_TEMPFAIL: try again later (rate limited, Strava down, busy)
EXIT_NOPERM = 77  # sysexits EX_NOPERM: the runner must reconnect or fix the API application
EXIT_CONFIG = 78  # sysexits EX_CONFIG: no Strava API application configured


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "sync",
        parents=[common],
        help="fetch new and changed activities from Strava",
        description="The first run fetches all history; later runs re-list the last two weeks "
        "(edits, late uploads, deletions). Stops before Strava's rate limit and "
        "exits 75 with the time to resume; the next run continues where it stopped.",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="re-list your whole Strava history (removes what you deleted there)",
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        help="when the rate limit is reached, wait and continue instead of exiting",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        report = sync(
            resolve_path(args.db), load_settings(), args.athlete, full=args.full, wait=args.wait
        )
    except RateLimited as limited:
        local = limited.resume_after.astimezone()
        print(
            f"Paused: {limited.reason}. Everything fetched so far is saved; "
            f"resume after {local:%H:%M} ({limited.resume_after.astimezone(UTC):%H:%M} UTC) "
            "with `stridewise sync`, or use --wait.",
            file=sys.stderr,
        )
        return EXIT_TEMPFAIL
    except (StravaUnavailable, SyncInProgress) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_TEMPFAIL
    except StravaAuthError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_NOPERM
    except StravaNotConfigured as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    print(f"Strava sync done: {summary(report)}.")
    return 0
