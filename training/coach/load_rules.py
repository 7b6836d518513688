"""Load warnings: run spikes, weekly progression, load ratio, form, ramp, monotony, rest days.

Every rule reads one day (`as_of`) of a daily-metrics frame (the columns of
training.fitness.daily_metrics) and, for the spike rule, the individual runs. The recovery-week
planner calls `load_warnings` on projected series too, so nothing here reads the clock.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from training.bands import ACWR_CAUTION, ACWR_CAVEAT, ACWR_HIGH, ACWR_LOW, FORM_OPTIMAL
from training.coach.warning import Warning
from training.fitness import LONGEST_RUN_WINDOW_DAYS
from training.profile import AthleteProfile

SPIKE_REFERENCE_PCT = 110  # > 110 % of the longest run in 30 days; Frandsen et al. 2025 (5)
SPIKE_SMALL_MAX_PCT = 130  # "small spike" > 10-30 %; Frandsen et al. 2025 (SCIENCE.md 5)
SPIKE_MODERATE_MAX_PCT = 200  # "moderate spike" > 30-100 %; Frandsen et al. 2025 (SCIENCE.md 5)
SPIKE_ACTIVE_DAYS = 7  # a spike stays on the Today page for the acute week after the run
WEEKLY_PROGRESSION_MAX_PCT = 130  # > 30 % over two weeks; Nielsen et al. 2014 (SCIENCE.md 5)
RAMP_MAX_PER_WEEK = 8.0  # CTL points/week; Friel "5-8 about right" (SCIENCE.md 2.4)
MONOTONY_MAX = 2.0  # Foster 1998 (SCIENCE.md 4)
DETRAINING_DAYS = 14  # ratio below 0.8 this many days in a row before the detraining note
USUAL_DAYS = 28  # "usual" week = mean daily load of the chronic window × 7 (SCIENCE.md 3)

FRANDSEN_2025 = (
    "Frandsen et al. 2025, How much running is too much? BJSM 59(17):1203-1210, "
    "doi:10.1136/bjsports-2024-109380"
)
NIELSEN_2014 = (
    "Nielsen et al. 2014, Excessive progression in weekly running distance, JOSPT 44(10):739-747, "
    "doi:10.2519/jospt.2014.5164"
)
GABBETT_2016 = (
    "Gabbett 2016, The training-injury prevention paradox, BJSM 50:273-280 (bands); "
    "Williams et al. 2017 (EWMA); Impellizzeri et al. 2020 (limits of the ratio)"
)
PMC_FORM = "Coggan's Performance Manager (form = fitness - fatigue); intervals.icu form zones"
FRIEL_RAMP = "Friel, The CTL ramp rate (5-8 fitness points a week is about right for most)"
FOSTER_1998 = "Foster 1998, Monitoring training in athletes, Med Sci Sports Exerc 30(7):1164-1168"


def _dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with a python `day` column, whatever type `date` arrived as."""
    if frame.empty:
        return frame.assign(day=pd.Series(dtype=object))
    return frame.assign(day=pd.to_datetime(frame["date"]).dt.date)


def _short(day: date) -> str:
    return f"{day:%a %d %b}"


def _row(daily: pd.DataFrame, as_of: date) -> pd.Series | None:
    rows = daily[daily["day"] == as_of]
    return None if rows.empty else rows.iloc[-1]


def _value(row: pd.Series | None, column: str) -> float | None:
    raw = None if row is None else row.get(column)
    if raw is None or pd.isna(raw):
        return None
    return float(raw)


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
    dated = _dated(runs)
    metres = dated.assign(m=dated["distance_m"].fillna(0).round().astype("int64"))
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


def load_ratio_warning(daily: pd.DataFrame, as_of: date) -> Warning | None:
    """EWMA acute:chronic ratio above 1.3 (caution) or 1.5 (high), worded as load vs usual."""
    row = _row(daily, as_of)
    ratio = _value(row, "acwr")
    if ratio is None or ratio <= ACWR_CAUTION:
        return None
    well = ratio > ACWR_HIGH
    return Warning(
        id="load_ratio_high",
        severity="high" if well else "caution",
        message=(
            f"Your recent load is {'well ' if well else ''}above your usual: the last 7 days "
            f"weigh in at {ratio:.2f}× your 4-week level (usual range 0.8-1.3). " + ACWR_CAVEAT
        ),
        numbers={
            "acwr": round(ratio, 3),
            "usual_low": ACWR_LOW,
            "usual_high": ACWR_CAUTION,
            "well_above": ACWR_HIGH,
        },
        action=(
            "Keep the next days easy and shorter until the ratio is back under 1.3; "
            "the cap below shows how much fits today."
        ),
        source=GABBETT_2016,
    )


def detraining_warning(daily: pd.DataFrame, as_of: date) -> Warning | None:
    """Load ratio below 0.8 for two weeks running: fitness is drifting down (a note only)."""
    window = daily[
        (daily["day"] <= as_of) & (daily["day"] > as_of - timedelta(days=DETRAINING_DAYS))
    ]
    ratios = pd.to_numeric(window["acwr"], errors="coerce")
    if len(window) < DETRAINING_DAYS or ratios.isna().any() or not (ratios < ACWR_LOW).all():
        return None
    latest = float(ratios.iloc[-1])
    return Warning(
        id="load_ratio_low",
        severity="info",
        message=(
            f"Your load has been below your usual for {DETRAINING_DAYS} days (ratio "
            f"{latest:.2f}, usual range 0.8-1.3). Fitness fades slowly when load stays low: "
            "fine for a planned break or while something heals."
        ),
        numbers={"acwr": round(latest, 3), "days_below": DETRAINING_DAYS, "usual_low": ACWR_LOW},
        action="When you build again, add load gradually so the ratio stays under 1.3.",
        source=GABBETT_2016,
    )


def form_warning(daily: pd.DataFrame, as_of: date) -> Warning | None:
    """Form this morning at or below −30: fatigue far above fitness (high-fatigue zone)."""
    row = _row(daily, as_of)
    form = _value(row, "tsb")
    if form is None or form > FORM_OPTIMAL:
        return None
    return Warning(
        id="form_very_low",
        severity="high",
        message=(
            f"Form this morning is {form:+.0f} (fitness {_value(row, 'ctl') or 0:.0f}, fatigue "
            f"{_value(row, 'atl') or 0:.0f}): at −30 or below, fatigue is well above what your "
            "fitness absorbs. That is the high-fatigue zone, not a productive one."
        ),
        numbers={
            "form": round(form, 1),
            "threshold": FORM_OPTIMAL,
            "ctl": round(_value(row, "ctl") or 0.0, 1),
            "atl": round(_value(row, "atl") or 0.0, 1),
        },
        action="Rest or keep it very easy until form is back above −30; the forecast shows when.",
        source=PMC_FORM,
    )


def ramp_warning(daily: pd.DataFrame, as_of: date) -> Warning | None:
    """Fitness (CTL) rising by more than 8 points in 7 days."""
    row = _row(daily, as_of)
    ramp = _value(row, "ramp")
    if ramp is None or ramp <= RAMP_MAX_PER_WEEK:
        return None
    return Warning(
        id="ramp_fast",
        severity="caution",
        message=(
            f"Your fitness rose {ramp:.1f} points in the last 7 days. Coaches consider 5-8 a "
            "week about right; faster builds rarely hold for long (coaching guidance, not trials)."
        ),
        numbers={"ramp": round(ramp, 2), "threshold": RAMP_MAX_PER_WEEK},
        action="Flatten the build: repeat this week's load next week, or plan a lighter week.",
        source=FRIEL_RAMP,
    )


def monotony_warning(daily: pd.DataFrame, as_of: date) -> Warning | None:
    """Foster monotony above 2.0 over the last 7 days: days too alike to recover between."""
    row = _row(daily, as_of)
    value = _value(row, "monotony")
    if value is None or value <= MONOTONY_MAX:
        return None
    loads = pd.to_numeric(daily.loc[daily["day"] <= as_of, "load"], errors="coerce").fillna(0.0)
    week_load = float(loads.tail(7).sum())
    usual_week = float(loads.tail(USUAL_DAYS).mean()) * 7 if len(loads) else 0.0
    light = week_load < usual_week
    context = (
        " This week is lighter than your usual, so it matters less: Foster linked illness to "
        "monotony combined with high strain."
        if light
        else " In Foster's athletes, monotonous, high-strain weeks came before many illnesses."
    )
    return Warning(
        id="monotony_high",
        severity="info" if light else "caution",
        message=(
            f"Training monotony over the last 7 days is {value:.2f} (above 2.0): your days are "
            "very alike, with little contrast between hard and easy." + context
        ),
        numbers={
            "monotony": round(value, 2),
            "threshold": MONOTONY_MAX,
            "strain": round(_value(row, "strain") or 0.0, 0),
            "week_load": round(week_load, 1),
            "usual_week_load": round(usual_week, 1),
        },
        action="Make easy days easier (or rest) and keep hard days distinct.",
        source=FOSTER_1998,
    )


def no_rest_warning(daily: pd.DataFrame, as_of: date, limit: int) -> Warning | None:
    """`limit` or more training days in a row; today counts only once it has load."""
    window = daily[daily["day"] <= as_of].sort_values("day")
    loads = pd.to_numeric(window["load"], errors="coerce").fillna(0.0).tolist()
    days = window["day"].tolist()
    if days and days[-1] == as_of and loads[-1] <= 0:
        loads, days = loads[:-1], days[:-1]
    streak = 0
    expected = days[-1] if days else None
    for day, load in zip(reversed(days), reversed(loads), strict=True):
        if load <= 0 or day != expected:
            break
        streak += 1
        expected = day - timedelta(days=1)
    if streak < limit:
        return None
    return Warning(
        id="no_rest_day",
        severity="caution",
        message=(
            f"You have trained {streak} days in a row (your limit is {limit}). Adaptation "
            "happens in recovery; a full rest day lets fatigue fall faster than any easy session."
        ),
        numbers={"days_in_a_row": streak, "limit": limit},
        action="Make today a rest day (walking and mobility are fine).",
        source="Your no-rest-day limit (Settings); " + FOSTER_1998,
    )


def load_warnings(
    daily: pd.DataFrame, as_of: date, profile: AthleteProfile, runs: pd.DataFrame
) -> list[Warning]:
    """Every load warning active on `as_of`, most serious first within the load rules' order."""
    dated = _dated(daily)
    found = [
        spike_warning(runs, as_of),
        load_ratio_warning(dated, as_of) if not dated.empty else None,
        form_warning(dated, as_of) if not dated.empty else None,
        ramp_warning(dated, as_of) if not dated.empty else None,
        monotony_warning(dated, as_of) if not dated.empty else None,
        no_rest_warning(dated, as_of, profile.no_rest_days_limit) if not dated.empty else None,
        weekly_progression_warning(dated, as_of) if not dated.empty else None,
        detraining_warning(dated, as_of) if not dated.empty else None,
    ]
    warnings = [w for w in found if w is not None]
    return sorted(warnings, key=lambda w: -w.rank)
