"""Runner situations as data, and the one path that plays them: a real database and the CLI.

Activities go in exactly as a Strava sync stores them (the API's JSON through the same
normaliser and upsert), the profile and the runner's entries through `stridewise profile` and
`stridewise log`, and the answer comes out of `stridewise today --json`.
"""

from __future__ import annotations

import contextlib
import io
import json
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from pipelines.athletes import ensure_athlete
from pipelines.cli import main
from pipelines.db import connect
from pipelines.plans import create_plan
from pipelines.strava.normalize import activity_row
from pipelines.strava.store import upsert
from tests.conftest import TODAY
from training.planner.model import PlanWeek, monday_of

ATHLETE = 1
PROFILE = ("sex=M", "hr_max=190", "hr_rest=50")  # every scenario's runner unless it says otherwise


@dataclass(frozen=True)
class Session:
    """One activity, `days_ago` days before TODAY (0 = today) at `hour` local time."""

    days_ago: int
    sport: str = "Run"
    minutes: float = 45.0
    km: float = 0.0
    hr: float | None = None
    hour: int = 7
    race: bool = False
    rpe: float | None = None
    minute: int = 0


@dataclass(frozen=True)
class Scenario:
    """A runner situation and what a coach would sign for it."""

    name: str
    history: tuple[Session, ...]
    kind: str
    present: frozenset[str] = frozenset()
    absent: frozenset[str] = frozenset()
    minutes: tuple[int, int] | None = None  # bounds on the cap, inclusive
    max_km: float | None = None
    headline: str | None = None
    entries: tuple[tuple[str, ...], ...] = ()
    profile: tuple[str, ...] = PROFILE
    timezone: str = "Europe/London"
    race_today_m: float | None = None  # an active plan with a race today
    sql: tuple[str, ...] = ()  # a database an older version left behind
    notes: str = field(default="", compare=False)


def runs(
    days_ago: Iterable[int], km: float, pace: float = 6.0, hr: float | None = 142
) -> list[Session]:
    """Easy runs of `km` at `pace` min/km on the given days."""
    return [Session(d, "Run", km * pace, km, hr) for d in days_ago]


def weeks_of(
    weeks: int,
    ending_days_ago: int = 1,
    pattern: Sequence[tuple[int, float]] = ((0, 8.0), (2, 8.0), (4, 10.0), (5, 14.0)),
    pace: float = 6.0,
    hr: float | None = 142,
    scale: float = 1.0,
) -> list[Session]:
    """`weeks` weeks of a weekly pattern (offset within the week, km), newest week last.

    Offsets count back from the last day of each 7-day block, so offset 0 is that block's last
    day and the history ends `ending_days_ago` days before TODAY.
    """
    out = []
    for week in range(weeks):
        block_end = ending_days_ago + 7 * week
        for offset, km in pattern:
            out.append(Session(block_end + offset, "Run", km * scale * pace, km * scale, hr))
    return out


def sessions(
    days_ago: Iterable[int], sport: str, minutes: float, hr: float | None = None
) -> list[Session]:
    """Non-running sessions (rides, walks, strength) on the given days."""
    return [Session(d, sport, minutes, 0.0, hr, hour=18) for d in days_ago]


def pain(site: str, moment: str, score: int, days_ago: int = 0, *flags: str) -> tuple[str, ...]:
    """`stridewise log pain` arguments for one reading."""
    day = (TODAY - timedelta(days=days_ago)).isoformat()
    args = ["pain", "--site", site, "--side", "left", "--moment", moment, "--score", str(score)]
    for flag in flags:
        args += ["--red-flag", flag]
    return (*args, "--date", day, "--no-activity")


def _strava_json(index: int, session: Session, zone: str) -> dict[str, Any]:
    local = datetime.combine(
        TODAY - timedelta(days=session.days_ago), time(session.hour, session.minute)
    )
    utc = local.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(UTC)
    raw: dict[str, Any] = {
        "id": 10_000 + index,
        "name": f"{session.sport} {index}",
        "sport_type": session.sport,
        "start_date": utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "start_date_local": local.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "timezone": f"(GMT+00:00) {zone}",
        "distance": session.km * 1000.0,
        "moving_time": round(session.minutes * 60),
        "elapsed_time": round(session.minutes * 62),
        "workout_type": 1 if session.race else 0,
    }
    if session.hr is not None:
        raw["average_heartrate"] = session.hr
    if session.rpe is not None:
        raw["perceived_exertion"] = session.rpe
    return raw


def _cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    assert code == 0, (args, out.getvalue())
    return out.getvalue()


def _race_plan(con: Any, distance_m: float) -> None:
    race_week = monday_of(TODAY)
    weeks = [
        PlanWeek(race_week - timedelta(weeks=3 - i), kind, "distance", target, 4)
        for i, (kind, target) in enumerate(
            [("build", 40_000.0), ("taper", 28_000.0), ("taper", 20_000.0)]
        )
    ]
    weeks.append(PlanWeek(race_week, "race", "distance", distance_m + 10_000, 3, distance_m,
                          TODAY.weekday()))  # fmt: skip
    create_plan(con, ATHLETE, "Race", weeks, goal_kind="race", goal_date=TODAY,
                goal_distance_m=distance_m)  # fmt: skip


def play(scenario: Scenario, db: Path) -> dict[str, Any]:
    """Build the scenario's database with the real write paths and return `today --json`."""
    with connect(db) as con:
        ensure_athlete(con, ATHLETE, "Runner", "strava")
        rows = [
            activity_row(_strava_json(i, s, scenario.timezone), ATHLETE)
            for i, s in enumerate(scenario.history)
        ]
        upsert(con, rows)
        if scenario.race_today_m is not None:
            _race_plan(con, scenario.race_today_m)
    settings = [*scenario.profile, f"timezone={scenario.timezone}"]
    _cli("profile", "--db", str(db), *[arg for s in settings for arg in ("--set", s)])
    with connect(db) as con:
        for statement in scenario.sql:
            con.execute(statement)
    for entry in scenario.entries:
        _cli("log", entry[0], "--db", str(db), *entry[1:])
    _cli("recompute", "--db", str(db))
    result: dict[str, Any] = json.loads(_cli("today", "--db", str(db), "--json"))
    return result
