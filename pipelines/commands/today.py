"""`stridewise today`: today's recommendation, its reasons, warnings and rest forecast."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta

from pipelines.athletes import get_profile
from pipelines.clock import runner_today
from pipelines.coach_inputs import advise
from pipelines.commands.context import athlete_id
from pipelines.db import connect
from pipelines.errors import InvalidEntry
from training.coach.advice import Advice


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "today",
        parents=[common],
        help="what today should be, and why",
        description="Print the coach's recommendation as of a day (default: today) from the "
        "data in the database: see a clinician / rest / cross-train / easy / train.",
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day to advise on")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run)


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date, or InvalidEntry naming --date."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidEntry("--date", "a date as YYYY-MM-DD, e.g. 2026-03-09", text) from exc


def _morning_line(advice: Advice) -> str:
    m = advice.morning

    def shown(value: float | None, fmt: str) -> str:
        return "n/a" if value is None else format(value, fmt)

    return (
        f"This morning (end of {m.day - timedelta(days=1):%a %d %b}): form {m.form:+.0f}, "
        f"load ratio {shown(m.ratio, '.2f')}, monotony {shown(m.monotony, '.1f')}, "
        f"ramp {shown(m.ramp, '+.1f')}/week."
    )


def render(advice: Advice) -> str:
    """The recommendation as plain text for a terminal."""
    lines = [f"{advice.day:%A %d %B %Y}: {advice.headline}.", _morning_line(advice), ""]
    lines += [f"- {reason}" for reason in advice.reasons]
    if advice.warnings:
        lines += ["", "Warnings:"]
        for warning in advice.warnings:
            lines.append(f"[{warning.severity}] {warning.id}: {warning.action}")
            lines.append(f"    source: {warning.source}")
    if advice.practices:
        lines += ["", "For a stressful stretch:"] + [f"- {p}" for p in advice.practices]
    lines += ["", "Outlook with complete rest (form / load ratio each morning):"]
    for day in advice.forecast.outlook:
        ratio = "n/a" if day.ratio is None else f"{day.ratio:.2f}"
        lines.append(f"  {day.day:%a %d %b}  form {day.form:+6.1f}  ratio {ratio}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    requested = parse_day(args.date) if args.date else None
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        day = requested or runner_today(get_profile(con, athlete).timezone)
        advice = advise(con, athlete, day)
    print(
        json.dumps(advice.to_dict(), ensure_ascii=False, indent=2) if args.json else render(advice)
    )
    return 0
