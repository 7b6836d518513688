"""A deterministic demo runner: ~18 months of training with a hip-pain story, tagged 'demo'.

The story: base building, a half-marathon block, an easy fortnight, then a ramp that is too fast
while work stress climbs and sleep suffers; left lateral hip pain grows into a flare-up; a
recovery block of cycling and strength work; then a walk-run return and a gradual rebuild.
Everything is generated from one seed and the end date, so the same day gives the same data.
"""

from __future__ import annotations

import json
import random
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd

from pipelines import demo_plans
from pipelines.db import Connection, transaction
from pipelines.metrics import recompute
from training.vocabulary import DEMO

DEMO_ATHLETE_ID = 1
DEMO_SOURCE = DEMO
DEMO_TIMEZONE = "Europe/London"
DEMO_WEEKS = 78
SEED = 20261124

# (first week, last week, phase, weekly km at the first and last week of the phase)
PHASES = [
    (0, 19, "base", 22.0, 42.0),
    (20, 31, "race_block", 42.0, 54.0),
    (32, 34, "post_race", 26.0, 30.0),
    (35, 40, "ramp", 30.0, 72.0),
    (41, 42, "rest", 0.0, 0.0),
    (43, 46, "walk_run", 8.0, 14.0),
    (47, DEMO_WEEKS - 1, "return", 16.0, 38.0),
]


@dataclass(frozen=True)
class DemoWeek:
    """What the generator plans for one week of the story."""

    index: int
    phase: str
    km: float
    stress: float
    sleep: float
    hip_pain: float


def plan_weeks() -> list[DemoWeek]:
    """The week-by-week storyline: volume, stress, sleep and hip pain level."""
    weeks = []
    for first, last, phase, km_from, km_to in PHASES:
        span = max(last - first, 1)
        for w in range(first, last + 1):
            progress = (w - first) / span
            km = km_from + (km_to - km_from) * progress
            if phase in {"base", "race_block", "return"} and (w - first) % 4 == 3:
                km *= 0.7  # every fourth week is a recovery week
            if phase == "race_block" and w >= last - 1:
                km *= 0.65  # taper
            stress, sleep, pain = 3.0, 3.0, 0.0
            if phase == "ramp":
                stress, sleep = 3.5 + progress * 2.5, 3.0 + progress * 2.5
                pain = max(0.0, (progress - 0.4) * 11.0)
            elif phase == "rest":
                stress, sleep, pain = 4.5, 4.0, 5.0 - (w - first) * 1.5
            elif phase == "walk_run":
                pain = 2.0 - (w - first) * 0.4
            weeks.append(DemoWeek(w, phase, km, stress, sleep, pain))
    return weeks


def _run_days(phase: str) -> list[tuple[int, str]]:
    """(weekday, kind) of the runs in a week of this phase; Monday is 0."""
    if phase == "walk_run":
        return [(1, "walk_run"), (3, "walk_run"), (5, "walk_run")]
    if phase == "rest":
        return []
    if phase == "ramp":
        return [(0, "easy"), (1, "workout"), (3, "easy"), (4, "easy"), (6, "long")]
    return [(1, "workout"), (3, "easy"), (5, "easy"), (6, "long")]


_SHARE = {"long": 0.34, "workout": 0.22, "easy": 0.2, "walk_run": 0.33}
_PACE_S_PER_KM = {"long": 355, "workout": 300, "easy": 345, "walk_run": 480, "race": 282}
_HR = {"long": 148, "workout": 166, "easy": 142, "walk_run": 122, "race": 172}


def generate(end: date, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Build the demo's activities, pain entries and check-ins ending on `end`."""
    rng = random.Random(seed)
    tz = zoneinfo.ZoneInfo(DEMO_TIMEZONE)
    first_monday = end - timedelta(days=end.weekday()) - timedelta(weeks=DEMO_WEEKS - 1)
    activities: list[dict[str, object]] = []
    pains: list[dict[str, object]] = []
    checkins: list[dict[str, object]] = []
    next_id = 1000

    def add(
        day: date,
        hour: int,
        sport: str,
        name: str,
        distance_m: float,
        seconds: int,
        hr: float | None,
        rpe: float | None,
    ) -> int:
        nonlocal next_id
        next_id += 1
        local = datetime.combine(day, time(hour, rng.choice([0, 10, 20, 30, 40])))
        utc = local.replace(tzinfo=tz).astimezone(zoneinfo.ZoneInfo("UTC")).replace(tzinfo=None)
        activities.append(
            {
                "id": next_id,
                "athlete_id": DEMO_ATHLETE_ID,
                "source": DEMO_SOURCE,
                "name": name,
                "sport_type": sport,
                "start_date": utc,
                "start_date_local": local,
                "timezone": DEMO_TIMEZONE,
                "distance_m": round(distance_m, 1),
                "moving_time_s": seconds,
                "elapsed_time_s": int(seconds * 1.04),
                "elevation_gain_m": round(distance_m / 1000 * rng.uniform(4, 14), 1),
                "average_heartrate": None if hr is None else round(hr, 1),
                "max_heartrate": None if hr is None else round(hr + rng.uniform(12, 22)),
                "perceived_exertion": rpe,
                "raw": json.dumps({"generator": "stridewise demo", "seed": seed}),
            }
        )
        return next_id

    for week in plan_weeks():
        monday = first_monday + timedelta(weeks=week.index)
        has_hr = week.index >= 12 or rng.random() < 0.3  # an old watch without HR early on
        for weekday, kind in _run_days(week.phase):
            day = monday + timedelta(days=weekday)
            if day > end:
                continue
            if week.phase == "race_block" and week.index == 31 and weekday == 6:
                kind, km = "race", 21.1
            elif week.phase == "ramp" and week.index == 39 and kind == "long":
                km = 26.0  # the long run that jumps far past anything in the last month
            else:
                km = week.km * _SHARE[kind] * rng.uniform(0.9, 1.1)
            seconds = int(km * _PACE_S_PER_KM[kind] * rng.uniform(0.96, 1.04))
            hr = _HR[kind] + rng.uniform(-4, 4) + (4 if week.stress > 5 else 0)
            name = {
                "race": "Half marathon",
                "long": "Long run",
                "workout": "Tempo intervals",
                "easy": "Easy run",
                "walk_run": "Walk-run",
            }[kind]
            activity_id = add(
                day,
                7 if weekday < 5 else 9,
                "Run",
                name,
                km * 1000,
                seconds,
                hr if has_hr else None,
                None,
            )
            if (week.hip_pain >= 1 and kind != "walk_run") or (
                kind == "walk_run" and week.hip_pain > 0
            ):
                during = max(0, min(10, round(week.hip_pain + rng.uniform(-1, 1))))
                pains.append(
                    {
                        "date": day,
                        "site": "hip-lateral",
                        "side": "left",
                        "moment": "during-run",
                        "score": during,
                        "activity_id": activity_id,
                    }
                )
                morning = max(0, min(10, round(week.hip_pain + rng.uniform(-0.5, 1.5))))
                if day + timedelta(days=1) <= end:
                    pains.append(
                        {
                            "date": day + timedelta(days=1),
                            "site": "hip-lateral",
                            "side": "left",
                            "moment": "next-morning",
                            "score": morning,
                            "activity_id": None,
                        }
                    )
        cross_days = [2] if week.phase in {"base", "return"} and week.index % 2 == 0 else []
        if week.phase in {"rest", "walk_run"}:
            cross_days = [0, 2, 4]
        for weekday in cross_days:
            day = monday + timedelta(days=weekday)
            if day <= end:
                minutes = rng.uniform(40, 70)
                add(
                    day,
                    18,
                    "Ride",
                    "Easy spin",
                    minutes * 60 * 7.0,
                    int(minutes * 60),
                    128 + rng.uniform(-5, 5) if has_hr else None,
                    None,
                )
        strength_days = [4] if week.phase not in {"rest", "walk_run"} else [1, 3, 5]
        for weekday in strength_days:
            day = monday + timedelta(days=weekday)
            if day <= end and (week.phase in {"rest", "walk_run", "return"} or week.index % 2):
                add(
                    day,
                    19,
                    "WeightTraining",
                    "Hip and core strength",
                    0.0,
                    int(rng.uniform(20, 30) * 60),
                    None,
                    float(rng.choice([4, 5, 5, 6])),
                )
        for offset in range(7):
            day = monday + timedelta(days=offset)
            if day > end or rng.random() > 0.85:
                continue
            jitter = rng.uniform(-0.8, 0.8)
            checkins.append(
                {
                    "date": day,
                    "stress": _scale7(week.stress + jitter),
                    "sleep_quality": _scale7(week.sleep + rng.uniform(-0.8, 0.8)),
                    "fatigue": _scale7(2.5 + week.km / 30 + rng.uniform(-0.8, 0.8)),
                    "soreness": _scale7(
                        2.0 + week.km / 35 + week.hip_pain / 3 + rng.uniform(-0.8, 0.8)
                    ),
                    "mood": max(1, min(5, round(4.2 - (week.stress - 3) * 0.6 + jitter / 2))),
                    "sleep_hours": round(8.0 - (week.sleep - 3) * 0.5 + rng.uniform(-0.6, 0.6), 1),
                    "resting_hr": round(50 + (week.stress - 3) * 1.5 + rng.uniform(-2, 2)),
                }
            )
    return {
        "activities": pd.DataFrame(activities),
        "pain_entries": pd.DataFrame(pains),
        "wellness_entries": pd.DataFrame(checkins),
    }


def _scale7(value: float) -> int:
    return max(1, min(7, round(value)))


def remove(con: Connection) -> None:
    """Delete everything tagged demo; entries the runner made themselves stay."""
    with transaction(con):
        demo_plans.remove_plans(con, DEMO_SOURCE)
        for table in ("activities", "pain_entries", "wellness_entries", "session_rpe"):
            con.execute(f"DELETE FROM {table} WHERE source = ?", [DEMO_SOURCE])
        con.execute("DELETE FROM daily_metrics WHERE athlete_id = ?", [DEMO_ATHLETE_ID])
        remaining = con.execute(
            "SELECT (SELECT count(*) FROM activities WHERE athlete_id = ?)"
            " + (SELECT count(*) FROM pain_entries WHERE athlete_id = ?)"
            " + (SELECT count(*) FROM wellness_entries WHERE athlete_id = ?)",
            [DEMO_ATHLETE_ID] * 3,
        ).fetchone()
        if remaining and remaining[0] == 0:
            con.execute(
                "DELETE FROM athletes WHERE id = ? AND source = ?", [DEMO_ATHLETE_ID, DEMO_SOURCE]
            )


def seed(con: Connection, end: date, *, with_plans: bool = True) -> dict[str, int]:
    """Replace the demo data with a fresh run of the generator ending on `end`.

    `with_plans` adds the training and strength plans the real code makes from that history.
    """
    data = generate(end)
    with transaction(con):
        remove(con)
        con.execute(
            """INSERT INTO athletes (id, name, sex, hr_max, hr_rest, lthr, threshold_pace_s_per_km,
                                     timezone, source)
               VALUES (?, 'Alex (demo runner)', 'F', 188, 52, 171, 285, ?, ?)
               ON CONFLICT (id) DO NOTHING""",
            [DEMO_ATHLETE_ID, DEMO_TIMEZONE, DEMO_SOURCE],
        )
        acts = data["activities"]
        con.register("demo_activities", acts)
        con.execute("INSERT INTO activities BY NAME SELECT * FROM demo_activities")
        pains = data["pain_entries"].assign(athlete_id=DEMO_ATHLETE_ID, source=DEMO_SOURCE)
        con.register("demo_pains", pains)
        con.execute("INSERT INTO pain_entries BY NAME SELECT * FROM demo_pains")
        checks = data["wellness_entries"].assign(athlete_id=DEMO_ATHLETE_ID, source=DEMO_SOURCE)
        con.register("demo_checkins", checks)
        con.execute(
            "INSERT INTO wellness_entries BY NAME SELECT * FROM demo_checkins"
            " ON CONFLICT (athlete_id, date) DO NOTHING"
        )
        for name in ("demo_activities", "demo_pains", "demo_checkins"):
            con.unregister(name)
        recompute(con, [DEMO_ATHLETE_ID], today=end)
        if with_plans:
            demo_plans.seed_training_plan(con, DEMO_ATHLETE_ID, end, DEMO_SOURCE)
            demo_plans.seed_strength_plan(con, DEMO_ATHLETE_ID, end, DEMO_SOURCE)
    return {name: len(frame) for name, frame in data.items()}
