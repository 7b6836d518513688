"""`stridewise log pain|checkin|rpe`: record how a run or a day felt, in one line."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from datetime import date

from pipelines.athletes import get_profile
from pipelines.clock import runner_today
from pipelines.commands.context import athlete_id
from pipelines.db import Connection, connect
from pipelines.entries import checkins, pain, rpe, validation
from pipelines.entries.validation import PAIN_SCALE_TEXT, asks_red_flags
from pipelines.errors import InvalidEntry
from training.vocabulary import MOMENTS, RED_FLAGS, SITES

_DATE_HELP = "the day it refers to, YYYY-MM-DD (default: today)"
_FLAGS = {  # entry field -> the option that set it, so errors name what the runner typed
    "sleep_quality": "--sleep",
    "site_other": "--site-other",
    "activity_id": "--activity",
    "red_flags": "--red-flag",
    "sleep_hours": "--sleep-hours",
    "resting_hr": "--resting-hr",
}


@contextlib.contextmanager
def _as_options() -> Iterator[None]:
    """Re-raise InvalidEntry with the command-line option name instead of the column name."""
    try:
        yield
    except InvalidEntry as exc:
        option = _FLAGS.get(exc.field, "--" + exc.field.replace("_", "-"))
        raise InvalidEntry(option, exc.allowed, exc.value) from exc


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "log",
        help="log pain, a daily check-in or a session RPE",
        description="Record pain, how you feel today, or how hard a session was.",
    )
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")

    pain_parser = kinds.add_parser(
        "pain",
        parents=[common],
        help="pain at one body site (NRS 0-10)",
        description=f"Pain 0-10: {PAIN_SCALE_TEXT}.",
    )
    pain_parser.add_argument("--site", required=True, help="one of " + ", ".join(SITES))
    pain_parser.add_argument("--side", help="left, right or both")
    pain_parser.add_argument("--site-other", help="what hurts, when --site other")
    pain_parser.add_argument("--moment", required=True, help=", ".join(MOMENTS))
    pain_parser.add_argument("--score", required=True, help=PAIN_SCALE_TEXT)
    link = pain_parser.add_mutually_exclusive_group()
    link.add_argument(
        "--activity",
        metavar="ID",
        help="the activity it relates to (default: that day's run if exactly one)",
    )
    link.add_argument("--no-activity", action="store_true", help="do not link an activity")
    pain_parser.add_argument(
        "--red-flag",
        action="append",
        default=[],
        metavar="KEY",
        help="repeatable: " + ", ".join(RED_FLAGS),
    )
    pain_parser.add_argument("--note")
    pain_parser.add_argument("--date", help=_DATE_HELP)
    pain_parser.set_defaults(handler=run_pain)

    checkin_parser = kinds.add_parser(
        "checkin",
        parents=[common],
        help="the daily check-in (Hooper items 1-7, mood 1-5)",
        description="Stress, sleep quality, fatigue and soreness from 1 (very, very good/low) "
        "to 7 (very, very bad/high); mood from 1 (down) to 5 (very positive). Saving again "
        "for the same day replaces that day's check-in.",
    )
    for flag in ("--stress", "--sleep", "--fatigue", "--soreness"):
        checkin_parser.add_argument(flag, required=True, help="1-7")
    checkin_parser.add_argument("--mood", help="1-5, 5 = very positive")
    checkin_parser.add_argument("--sleep-hours", help="hours slept, e.g. 7.5")
    checkin_parser.add_argument("--resting-hr", help="morning resting heart rate, bpm")
    checkin_parser.add_argument("--note")
    checkin_parser.add_argument("--date", help=_DATE_HELP)
    checkin_parser.set_defaults(handler=run_checkin)

    rpe_parser = kinds.add_parser(
        "rpe",
        parents=[common],
        help="how hard a session was (CR-10, 0-10)",
        description="Session RPE on Foster's CR-10: 0 rest, 3 moderate, 5 hard, 7 very hard, "
        "10 maximal. Rate about 30 minutes after the session. It feeds the session load.",
    )
    rpe_parser.add_argument("activity_id", metavar="ACTIVITY_ID")
    rpe_parser.add_argument("rpe", metavar="RPE")
    rpe_parser.add_argument("--date", help="the activity's date, checked against the id")
    rpe_parser.set_defaults(handler=run_rpe)


def _today(con: Connection, athlete: int) -> date:
    return runner_today(get_profile(con, athlete).timezone)


def _day(args: argparse.Namespace, today: date) -> date:
    return today if args.date is None else validation.entry_date(args.date, today)


def run_pain(args: argparse.Namespace) -> int:
    with _as_options(), connect(args.db) as con:
        athlete = athlete_id(con, args)
        today = _today(con, athlete)
        day = _day(args, today)
        linked = args.activity
        if linked is None and not args.no_activity:
            linked = pain.run_on(con, athlete, day)
        values = {
            "date": day,
            "site": args.site,
            "side": args.side,
            "site_other": args.site_other,
            "moment": args.moment,
            "score": args.score,
            "activity_id": linked,
            "note": args.note,
            "red_flags": args.red_flag,
        }
        entry_id = pain.add_pain(con, athlete, values, today=today)
    entry = validation.pain_entry(values, today)
    where = " ".join(part for part in (entry.side, entry.site_other or entry.site) if part)
    link_text = f", linked to activity {entry.activity_id}" if entry.activity_id else ""
    print(
        f"Logged pain {entry.score}/10 at {where} ({entry.moment}) on {entry.date}"
        f" as entry {entry_id}{link_text}."
    )
    if asks_red_flags(entry.site, entry.score) and not entry.red_flags:
        print("Check for red flags; if any applies, see a clinician and log it with --red-flag:")
        for key, label in RED_FLAGS.items():
            print(f"  {key:18} {label}")
    return 0


def run_checkin(args: argparse.Namespace) -> int:
    with _as_options(), connect(args.db) as con:
        athlete = athlete_id(con, args)
        today = _today(con, athlete)
        values = {
            "date": _day(args, today),
            "stress": args.stress,
            "sleep_quality": args.sleep,
            "fatigue": args.fatigue,
            "soreness": args.soreness,
            "mood": args.mood,
            "sleep_hours": args.sleep_hours,
            "resting_hr": args.resting_hr,
            "note": args.note,
        }
        replaced = checkins.save_checkin(con, athlete, values, today=today)
    entry = validation.checkin(values, today)
    hooper = entry.stress + entry.sleep_quality + entry.fatigue + entry.soreness
    verb = "Updated" if replaced else "Saved"
    print(
        f"{verb} the check-in for {entry.date}: Hooper index {hooper} of 28 (4 = best, 28 = worst)."
    )
    return 0


def run_rpe(args: argparse.Namespace) -> int:
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        today = _today(con, athlete)
        on_date = None if args.date is None else validation.entry_date(args.date, today)
        day = rpe.set_rpe(con, athlete, args.activity_id, args.rpe, on_date=on_date)
    print(
        f"Saved RPE {validation.rpe(args.rpe):g} for activity {args.activity_id} ({day}); "
        "load rescored from that day."
    )
    return 0
