"""The day after a race or a hard effort is an easy day, whatever the other numbers say.

A run counts as race-like when the runner marked it as a race (Strava's race flag, or a race day
of the active plan), when it was much harder than their easy running, or when it carried much
more load than any run of the 30 days before (a run far longer than usual is the spike rule's
business, not counted twice here). "Much harder" means either 30 % above their easy intensity and
at least tempo effort, or, for 20 minutes or more, at least 10 % faster than their easy pace:
without heart rate or a threshold pace every run is scored at one default intensity, and pace is
then the only sign of a hard day. Hard days
followed by easy ones is the oldest
rule in coaching; Foster's monotony work shows why the contrast matters
(docs/science.md#monotony). The two thresholds are our convention, not trial results.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pandas as pd

from training.coach.cap import EasyRun
from training.coach.morning import dated
from training.coach.warning import Warning
from training.fitness import LONGEST_RUN_WINDOW_DAYS

RACE_LIKE_INTENSITY = 1.3  # load per hour 30 % above the runner's easy runs (our convention)
HARD_LOAD_PER_HOUR = 70.0  # IF ≈ 0.84, tempo or faster (IF² × 100; docs/science.md#pace-load)
RACE_LIKE_SIZE = 1.5  # 50 % more load than any run in the 30 days before (our convention)
HARD_EFFORT_MIN_S = 20 * 60  # strides and short pick-ups do not make a hard day (convention)
HARD_PACE_FACTOR = 0.9  # 10 % faster than the runner's easy pace: tempo, not easy (convention)

HARD_EASY_SOURCE = (
    "Hard days followed by easy ones (coaching practice); Foster 1998, Monitoring training in "
    "athletes, Med Sci Sports Exerc 30(7):1164-1168; our thresholds for 'race-like'"
)


def _num(value: object) -> float:
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return 0.0 if pd.isna(number) else float(number)


def _why_race_like(run: pd.Series, marked: bool, easy: EasyRun, biggest_before: float) -> list[str]:
    load, moving = _num(run["load"]), _num(run["moving_time_s"])
    distance = _num(run["distance_m"])
    reasons = ["you marked it as a race"] if marked else []
    per_hour = load / (moving / 3600.0) if moving > 0 else 0.0
    hard = max(RACE_LIKE_INTENSITY * easy.load_per_hour, HARD_LOAD_PER_HOUR)
    pace = moving / (distance / 1000.0) if distance > 0 else 0.0
    if moving >= HARD_EFFORT_MIN_S and per_hour >= hard:
        reasons.append(
            f"its intensity ({per_hour:.0f} load an hour) was well above your easy running "
            f"({easy.load_per_hour:.0f})"
        )
    elif moving >= HARD_EFFORT_MIN_S and 0 < pace <= HARD_PACE_FACTOR * easy.pace_s_per_km:
        reasons.append(
            f"its pace ({_clock(pace)}/km) was well under your easy pace "
            f"({_clock(easy.pace_s_per_km)}/km)"
        )
    if biggest_before > 0 and load >= RACE_LIKE_SIZE * biggest_before:
        reasons.append(
            f"its load ({load:.0f}) was far above any run of the month before "
            f"({biggest_before:.0f})"
        )
    return reasons


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{round(seconds % 60):02d}"


def hard_effort_warning(
    runs: pd.DataFrame, as_of: date, easy: EasyRun, races: Mapping[date, float | None]
) -> Warning | None:
    """Yesterday's run looked like a race or a hard effort: today is an easy day."""
    if runs.empty or not {"load", "moving_time_s", "distance_m"} <= set(runs.columns):
        return None
    frame = dated(runs)
    yesterday = as_of - timedelta(days=1)
    before = frame[
        (frame["day"] < yesterday)
        & (frame["day"] >= yesterday - timedelta(days=LONGEST_RUN_WINDOW_DAYS))
    ]
    biggest = _num(pd.to_numeric(before["load"], errors="coerce").max()) if len(before) else 0.0
    for _, run in frame[frame["day"] == yesterday].iterrows():
        marked = bool(run.get("is_race", False)) or yesterday in races
        reasons = _why_race_like(run, marked, easy, biggest)
        if not reasons:
            continue
        return Warning(
            id="hard_effort_yesterday",
            severity="caution",
            message=(
                f"Yesterday's {_num(run['distance_m']) / 1000:.1f} km run looks like a "
                f"race or a hard effort: {'; '.join(reasons)}. The days after a hard effort "
                "are for recovery."
            ),
            numbers={
                "run_date": yesterday.isoformat(),
                "distance_m": round(_num(run["distance_m"])),
                "load": round(_num(run["load"]), 1),
                "easy_load_per_hour": round(easy.load_per_hour, 1),
                "biggest_run_load_30d": round(biggest, 1),
            },
            action=(
                "Make today easy or a rest day: an easy run within the cap, or cross-training. "
                "After a long race give it several easy days."
            ),
            source=HARD_EASY_SOURCE,
        )
    return None
