"""Running-distance rules: single-run spikes and weekly distance progression.

A run is compared with the longest run in the 30 days before it (Frandsen et al. 2025;
docs/science.md#single-run-spike), in whole metres so that exactly +10 % is not a spike.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from training.coach.morning import dated
from training.coach.warning import Warning
from training.fitness import LONGEST_RUN_WINDOW_DAYS

SPIKE_REFERENCE_PCT = 110  # > 110 % of the longest run in 30 days; Frandsen et al. 2025 (5)
SPIKE_SMALL_MAX_PCT = 130  # "small spike" > 10-30 %; Frandsen et al. 2025 (SCIENCE.md 5)
SPIKE_MODERATE_MAX_PCT = 200  # "moderate spike" > 30-100 %; Frandsen et al. 2025 (SCIENCE.md 5)
SPIKE_ACTIVE_DAYS = 7  # a spike stays on the Today page for the acute week after the run
WEEKLY_PROGRESSION_MAX_PCT = 130  # > 30 % over two weeks; Nielsen et al. 2014 (SCIENCE.md 5)

FRANDSEN_2025 = (
    "Frandsen et al. 2025, How much running is too much? BJSM 59(17):1203-1210, "
    "doi:10.1136/bjsports-2024-109380"
)
NIELSEN_2014 = (
    "Nielsen et al. 2014, Excessive progression in weekly running distance, JOSPT 44(10):739-747, "
    "doi:10.2519/jospt.2014.5164"
)


def _short(day: date) -> str:
    return f"{day:%a %d %b}"


def spike_band(distance_m: int, longest_m: int) -> str | None:
    """Frandsen band of one run against the 30-day longest, in whole metres; None if ≤ 10 %."""
    if longest_m <= 0 or distance_m * 100 <= longest_m * SPIKE_REFERENCE_PCT:
        return None
    if distance_m * 100 <= longest_m * SPIKE_SMALL_MAX_PCT:
        return "small"
    if distance_m * 100 <= longest_m * SPIKE_MODERATE_MAX_PCT:
        return "moderate"
    return "large"


def spike_warning(runs: pd.DataFrame, as_of: date) -> Warning | None:
    """The biggest single-run spike of the last 7 days (each run against its own 30 days before)."""
    if runs.empty:
        return None
    dated_runs = dated(runs)
    metres = dated_runs.assign(m=dated_runs["distance_m"].fillna(0).round().astype("int64"))
    worst: tuple[float, date, int, int, str] | None = None
    recent = metres[
        (metres["day"] <= as_of) & (metres["day"] > as_of - timedelta(days=SPIKE_ACTIVE_DAYS))
    ]
    for day, distance in zip(recent["day"], recent["m"], strict=True):
        before = metres[
            (metres["day"] < day) & (metres["day"] >= day - timedelta(days=LONGEST_RUN_WINDOW_DAYS))
        ]
        longest = int(before["m"].max()) if not before.empty else 0
        band = spike_band(int(distance), longest)
        if band is None:
            continue
        ratio = distance / longest
        if worst is None or ratio > worst[0]:
            worst = (ratio, day, int(distance), longest, band)
    if worst is None:
        return None
    _, day, distance, longest, band = worst
    pct = (distance / longest - 1.0) * 100.0
    ceiling_m = longest * SPIKE_REFERENCE_PCT // 100
    return Warning(
        id="run_spike",
        severity="caution" if band == "small" else "high",
        message=(
            f"Your {distance / 1000:.1f} km run on {_short(day)} was {pct:.0f}% longer than your "
            f"longest run in the 30 days before it ({longest / 1000:.1f} km): a {band} spike. "
            "In a study of 5,200 runners, single runs more than 10% past the recent longest "
            "were followed by more overuse injuries."
        ),
        numbers={
            "run_date": day.isoformat(),
            "distance_m": distance,
            "longest_30d_m": longest,
            "increase_pct": round(pct, 1),
            "band": band,
        },
        action=(
            f"Give it a few easy days, and keep single runs within 10% of your recent longest "
            f"(about {ceiling_m / 1000:.1f} km for now) while you build."
        ),
        source=FRANDSEN_2025,
    )


def weekly_progression_warning(daily: pd.DataFrame, as_of: date) -> Warning | None:
    """Running distance of the last 7 days more than 30 % above the 7 days before (context)."""
    window = daily[(daily["day"] <= as_of) & (daily["day"] > as_of - timedelta(days=14))]
    if window["day"].nunique() < 14:
        return None
    split = as_of - timedelta(days=7)
    this_m = round(float(window.loc[window["day"] > split, "distance_m"].sum()))
    prev_m = round(float(window.loc[window["day"] <= split, "distance_m"].sum()))
    if prev_m <= 0 or this_m * 100 <= prev_m * WEEKLY_PROGRESSION_MAX_PCT:
        return None
    pct = (this_m / prev_m - 1.0) * 100.0
    return Warning(
        id="weekly_distance_jump",
        severity="info",
        message=(
            f"You ran {this_m / 1000:.1f} km in the last 7 days, {pct:.0f}% more than the 7 days "
            f"before ({prev_m / 1000:.1f} km). Novice runners who added more than 30% over two "
            "weeks had more distance-related injuries (hip, knee and shin among them); the "
            "evidence is modest, so treat this as context."
        ),
        numbers={"last_7d_m": this_m, "previous_7d_m": prev_m, "increase_pct": round(pct, 1)},
        action="Hold this week's volume rather than adding more next week.",
        source=NIELSEN_2014,
    )
