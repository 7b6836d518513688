"""`stridewise plan show|export-ics`: the active training plan, its projection and calendar."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines import plans, queries
from pipelines.athletes import get_profile
from pipelines.clock import runner_today
from pipelines.commands.context import athlete_id
from pipelines.db import connect
from pipelines.errors import NotFound
from pipelines.metrics import refresh_if_stale
from pipelines.plan_calendar import plan_calendar
from training.bands import form_meaning
from training.planner.outlook import Outlook, plan_outlook


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "plan",
        parents=[common],
        help="show the active training plan or export it as .ics",
        description="Plans are drafted and edited on the app's Plan page.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser("show", parents=[common], help="weeks, projection and flags")
    show.set_defaults(handler=run_show)
    export = actions.add_parser("export-ics", parents=[common], help="planned sessions as .ics")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=run_export)


def _active(args: argparse.Namespace) -> tuple[plans.StoredPlan, Outlook]:
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        plan = plans.active_plan(con, athlete)
        if plan is None:
            raise NotFound("no active plan: draft one on the app's Plan page")
        profile = get_profile(con, athlete)
        today = runner_today(profile.timezone)
        refresh_if_stale(con, athlete, today)
        daily = queries.daily_metrics(con, athlete, end=today)
        activities = queries.activities(con, athlete).assign(athlete_id=athlete)
    return plan, plan_outlook(list(plan.weeks), daily, activities, today, profile)


def run_show(args: argparse.Namespace) -> int:
    plan, outlook = _active(args)
    print(f"{plan.name}: {len(plan.weeks)} weeks")
    for review in outlook.reviews:
        week = review.week
        line = (
            f"  {week.week_start:%a %d %b %Y}  {week.week_type:<8} "
            f"{review.planned_distance_m / 1000:5.1f} km planned"
        )
        if review.actual_distance_m is not None:
            line += f", {review.actual_distance_m / 1000:.1f} km run"
        if review.form_after is not None:
            line += f"; form after {review.form_after:+.0f} ({form_meaning(review.form_after)})"
        print(line)
        for warning in review.warnings:
            print(f"      {warning.severity}: {warning.message}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    plan, outlook = _active(args)
    calendar = plan_calendar(plan, outlook.sessions)
    if args.output is None:
        sys.stdout.write(calendar.decode("utf-8"))
    else:
        args.output.write_bytes(calendar)
        print(f"Wrote {len(outlook.sessions)} planned sessions to {args.output}.")
    return 0
