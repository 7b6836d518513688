"""`stridewise plan draft|show|export-ics`: draft a plan, see it with its projection, export it."""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date
from pathlib import Path

from pipelines import plans
from pipelines.athletes import get_profile
from pipelines.clock import runner_today
from pipelines.commands.context import athlete_id
from pipelines.db import connect
from pipelines.errors import InvalidEntry, NotFound
from pipelines.plan_calendar import plan_calendar
from pipelines.plan_drafts import (
    check_goal_day,
    check_km,
    default_name,
    draft_plan,
    plan_shortfall,
    real_state,
    unused_name,
)
from pipelines.plan_report import plan_document, plan_lines
from training.planner.model import (
    RECOVERY_CUT_MAX,
    RECOVERY_CUT_MIN,
    Goal,
    PlanSettings,
    RaceGoal,
    VolumeGoal,
)
from training.planner.outlook import Outlook, plan_outlook
from training.planner.shortfall import Shortfall

PATTERNS = {"3:1": 3, "2:1": 2}  # build weeks per recovery week
GOAL_CHOICE = "--race DATE with --distance-km KM, or --weekly-km KM with --by DATE"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "plan",
        parents=[common],
        help="draft a training plan, show the active one, or export it as .ics",
        description="Draft a plan from today's real state (as the app's Plan page does), "
        "show the active plan week by week, or export its sessions.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    draft = actions.add_parser(
        "draft",
        parents=[common],
        help="draft a plan for a race or a weekly distance and make it the active plan",
        description="Goal: " + GOAL_CHOICE + ". The goal date is 4-16 weeks away.",
    )
    draft.add_argument("--race", metavar="YYYY-MM-DD", help="race day")
    draft.add_argument("--distance-km", metavar="KM", help="race distance")
    draft.add_argument("--weekly-km", metavar="KM", help="weekly running distance to reach")
    draft.add_argument("--by", metavar="YYYY-MM-DD", help="when to reach the weekly distance")
    draft.add_argument("--pattern", default="3:1", metavar="3:1|2:1", help="build:recovery weeks")
    draft.add_argument("--cut", default="30", metavar="PCT", help="recovery-week cut, 20-40 %%")
    draft.add_argument("--name", help="plan name (default: from the goal)")
    draft.add_argument("--json", action="store_true", help="print the plan as JSON")
    draft.set_defaults(handler=run_draft)
    show = actions.add_parser("show", parents=[common], help="weeks, projection and flags")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=run_show)
    export = actions.add_parser("export-ics", parents=[common], help="planned sessions as .ics")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=run_export)


def _day(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidEntry(option, "a real date as YYYY-MM-DD, e.g. 2027-03-14", text) from None


def _km(option: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InvalidEntry(option, "a distance in km, e.g. 21.1", text) from None
    return check_km(option, value)


def _percent(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InvalidEntry("--cut", "a recovery-week cut from 20 to 40 %", text) from None


def _settings(pattern: str, cut_pct: float) -> PlanSettings:
    """Block settings from a pattern ('3:1' or '2:1') and a recovery cut in percent."""
    if pattern not in PATTERNS:
        raise InvalidEntry("--pattern", " or ".join(PATTERNS), pattern)
    low, high = RECOVERY_CUT_MIN * 100, RECOVERY_CUT_MAX * 100
    if not math.isfinite(cut_pct) or not low <= cut_pct <= high:
        raise InvalidEntry("--cut", f"a recovery-week cut from {low:g} to {high:g} %", cut_pct)
    return PlanSettings(build_weeks=PATTERNS[pattern], recovery_cut=cut_pct / 100)


def _goal(args: argparse.Namespace, today: date) -> Goal:
    """The goal the options describe; InvalidEntry naming the option that is wrong or missing."""
    race, weekly = args.race is not None, args.weekly_km is not None
    if race == weekly:
        raise InvalidEntry("--race/--weekly-km", "one goal: " + GOAL_CHOICE)
    if race:
        if args.distance_km is None or args.by is not None:
            raise InvalidEntry("--distance-km", "the race distance with --race (and no --by)")
        day = check_goal_day("--race", _day("--race", args.race), today)
        return RaceGoal(day, _km("--distance-km", args.distance_km) * 1000)
    if args.by is None or args.distance_km is not None:
        raise InvalidEntry("--by", "the date to reach --weekly-km by (and no --distance-km)")
    day = check_goal_day("--by", _day("--by", args.by), today)
    return VolumeGoal(_km("--weekly-km", args.weekly_km) * 1000, day)


def run_draft(args: argparse.Namespace) -> int:
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        today = runner_today(get_profile(con, athlete).timezone)
        goal = _goal(args, today)
        settings = _settings(args.pattern, _percent(args.cut))
        name = args.name if args.name is not None else unused_name(con, athlete, default_name(goal))
        try:
            draft_plan(con, athlete, today, goal, settings, name)
        except InvalidEntry as exc:
            if exc.field == "name":
                raise InvalidEntry("--name", exc.allowed, exc.value) from exc
            raise
    return run_show(args)


def _active(args: argparse.Namespace) -> tuple[plans.StoredPlan, Outlook, Shortfall | None]:
    with connect(args.db) as con:
        athlete = athlete_id(con, args)
        plan = plans.active_plan(con, athlete)
        if plan is None:
            raise NotFound(
                "no active plan: draft one with `stridewise plan draft` or on the app's Plan page"
            )
        profile = get_profile(con, athlete)
        today = runner_today(profile.timezone)
        daily, activities = real_state(con, athlete, today)
    outlook = plan_outlook(list(plan.weeks), daily, activities, today, profile)
    return plan, outlook, plan_shortfall(plan, daily, activities, today)


def run_show(args: argparse.Namespace) -> int:
    plan, outlook, short = _active(args)
    if getattr(args, "json", False):
        print(json.dumps(plan_document(plan, outlook, short), indent=2))
    else:
        print("\n".join(plan_lines(plan, outlook, short)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    plan, outlook, _ = _active(args)
    calendar = plan_calendar(plan, outlook.sessions)
    if args.output is None:
        sys.stdout.write(calendar.decode("utf-8"))
    else:
        args.output.write_bytes(calendar)
        print(f"Wrote {len(outlook.sessions)} planned sessions to {args.output}.")
    return 0
