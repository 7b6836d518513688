"""`stridewise strength plan|export-ics`: make a 12-week strength plan or export it as .ics."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from pipelines.athletes import get_profile
from pipelines.clock import runner_today
from pipelines.commands.context import athlete_id
from pipelines.db import connect
from pipelines.errors import NotFound
from pipelines.strength import inputs, logbook, store
from pipelines.strength.calendar import plan_calendar
from pipelines.strength.library import bundled_library
from training.strength.plan import TRENDS, Referral, generate_plan
from training.strength.tracking import replay


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "strength",
        parents=[common],
        help="hip and glute strength plan: make one or export it",
        description="A template, not a prescription. Pain inputs default to your pain entries.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    make = actions.add_parser("plan", parents=[common], help="make a new 12-week plan")
    make.add_argument("--site", help="pain site (e.g. hip-lateral) or 'none'")
    make.add_argument("--level", type=int, help="typical pain 0-10")
    make.add_argument("--trend", choices=TRENDS, help="how the pain has been going")
    make.add_argument("--sessions", type=int, default=3, help="sessions a week, 2 or 3")
    make.set_defaults(handler=run_plan)
    export = actions.add_parser("export-ics", parents=[common], help="write the plan as .ics")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=run_export)


def run_plan(args: argparse.Namespace) -> int:
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        today = runner_today(get_profile(con, athlete).timezone)
        found = inputs.pain_profile(con, athlete, today)
        site = found.site if args.site is None else (None if args.site == "none" else args.site)
        checked = store.validate_inputs(
            site,
            found.level if args.level is None else args.level,
            found.trend if args.trend is None else args.trend,
            args.sessions,
        )
        pain = replace(checked, red_flags=found.red_flags)
        made = generate_plan(
            bundled_library(), today, pain, inputs.week_schedule(con, athlete, today), args.sessions
        )
        if isinstance(made, Referral):
            print(made.advice + " Reported: " + "; ".join(made.reasons) + ".", file=sys.stderr)
            return 1
        plan_id = store.save_plan(con, athlete, made)
    names = {key: ex.name for key, ex in bundled_library().exercises.items()}
    print(f"Strength plan {plan_id}: {len(made.sessions)} sessions from {made.sessions[0].date}")
    for session in made.sessions[: made.sessions_per_week]:
        print(f"  {session.date:%a %d %b}: " + ", ".join(names[k] for k in session.exercises))
    for note in made.notes:
        print(note)
    return 0


def run_export(args: argparse.Namespace) -> int:
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        stored = store.active_plan(con, athlete)
        if stored is None:
            raise NotFound("no strength plan yet: run `stridewise strength plan` first")
        logs = logbook.session_logs(con, stored)
    library = bundled_library()
    data = plan_calendar(
        library,
        stored,
        replay(library, logs),
        skip=[log.number for log in logs],
        stamp=datetime.now(UTC),
    )
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        args.output.write_bytes(data)
        print(f"wrote {args.output}")
    return 0
