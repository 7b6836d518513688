"""Load warnings: load ratio, form, ramp, monotony and rest days, with the running rules.

Every rule reads one day of a daily-metrics frame (the columns of training.fitness.daily_metrics)
and, for the spike rule, the individual runs. `load_warnings` reads them as of this morning
(docs/science.md#fitness): the ratios, ramp, monotony and weekly totals at the end of yesterday,
form as yesterday's fitness minus fatigue, so every number agrees with the Today card. The
planner calls `load_warnings` on projected series too, so nothing here reads the clock.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from training.bands import ACWR_CAUTION, ACWR_CAVEAT, ACWR_HIGH, ACWR_LOW, FORM_OPTIMAL
from training.coach.morning import dated
from training.coach.running_rules import spike_warning, weekly_progression_warning
from training.coach.warning import Warning
from training.fitness import MONOTONY_CAP
from training.profile import AthleteProfile

RAMP_MAX_PER_WEEK = 8.0  # CTL points/week; Friel "5-8 about right" (SCIENCE.md 2.4)
MONOTONY_MAX = 2.0  # Foster 1998 (SCIENCE.md 4)
DETRAINING_DAYS = 14  # ratio below 0.8 this many days in a row before the detraining note
USUAL_DAYS = 28  # "usual" week = mean daily load of the chronic window × 7 (SCIENCE.md 3)

GABBETT_2016 = (
    "Gabbett 2016, The training-injury prevention paradox, BJSM 50:273-280 (bands); "
    "Williams et al. 2017 (EWMA); Impellizzeri et al. 2020 (limits of the ratio)"
)
PMC_FORM = "Coggan's Performance Manager (form = fitness - fatigue); intervals.icu form zones"
FRIEL_RAMP = "Friel, The CTL ramp rate (5-8 fitness points a week is about right for most)"
FOSTER_1998 = "Foster 1998, Monitoring training in athletes, Med Sci Sports Exerc 30(7):1164-1168"


def _row(daily: pd.DataFrame, as_of: date) -> pd.Series | None:
    rows = daily[daily["day"] == as_of]
    return None if rows.empty else rows.iloc[-1]


def _value(row: pd.Series | None, column: str) -> float | None:
    raw = None if row is None else row.get(column)
    if raw is None or pd.isna(raw):
        return None
    return float(raw)


def load_ratio_warning(daily: pd.DataFrame, day: date) -> Warning | None:
    """EWMA acute:chronic ratio above 1.3 (caution) or 1.5 (high) at the end of `day`.

    Worded as load against the runner's usual, and as a reason for easy days: on its own the
    ratio never grounds a runner (docs/science.md#acwr).
    """
    row = _row(daily, day)
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
            "Keep today to a short easy run or cross-training, and the next days easy, so the "
            "ratio settles back under 1.3."
            if well
            else "Keep today easy and within the cap, and the next days easy too, so the ratio "
            "stops climbing."
        ),
        source=GABBETT_2016,
    )


def small_base_note(warning: Warning) -> Warning:
    """The ratio warning on a running base too small for a ratio to mean anything: info only."""
    return Warning(
        id=warning.id,
        severity="info",
        message=(
            warning.message + " Your usual load is still very small, so a single easy run moves "
            "this ratio a lot; while you build back up the single-run limit guides you instead."
        ),
        numbers=warning.numbers,
        action="Keep to the return-to-run cap below; the ratio will settle as your base grows.",
        source=warning.source,
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


def form_warning(daily: pd.DataFrame, as_of: date, *, settling: bool = False) -> Warning | None:
    """Form this morning at or below −30: fatigue far above fitness (high-fatigue zone).

    While the numbers are settling (under ~6 weeks of history without a starting fitness)
    fitness still reads too low, so the rule is a caution rather than a reason to rest.
    """
    row = _row(daily, as_of)
    form = _value(row, "tsb")
    if form is None or form > FORM_OPTIMAL:
        return None
    settling_text = (
        " Your history is still short, so fitness starts near 0 and form reads lower than it "
        "really is; take this as a sign to keep today easy, not as a reason to rest."
        if settling
        else ""
    )
    return Warning(
        id="form_very_low",
        severity="caution" if settling else "high",
        message=(
            f"Form this morning is {form:+.0f} (fitness {_value(row, 'ctl') or 0:.0f}, fatigue "
            f"{_value(row, 'atl') or 0:.0f}): at −30 or below, fatigue is well above what your "
            "fitness absorbs. That is the high-fatigue zone, not a productive one." + settling_text
        ),
        numbers={
            "form": round(form, 1),
            "threshold": FORM_OPTIMAL,
            "ctl": round(_value(row, "ctl") or 0.0, 1),
            "atl": round(_value(row, "atl") or 0.0, 1),
        },
        action=(
            "Keep it easy and short today; a starting fitness (Settings) settles the numbers."
            if settling
            else "Rest or keep it very easy until form is back above −30; the forecast shows when."
        ),
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
            (
                f"Training monotony over the last 7 days is at its ceiling ({value:.0f}): every "
                "day carried the same load, with no contrast between hard and easy."
                if value >= MONOTONY_CAP
                else f"Training monotony over the last 7 days is {value:.2f} (above 2.0): your "
                "days are very alike, with little contrast between hard and easy."
            )
            + context
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


def training_days(daily: pd.DataFrame) -> pd.Series:
    """Per row, whether the day counts as a training day for the no-rest-day rule.

    Endurance sessions of 20 minutes or more (runs and cross-training) make a training day;
    walks, strength, mobility and yoga add load but keep a rest day. Frames without the
    in-memory `endurance_sessions` column (stored or projected metrics) count run days.
    """
    column = daily["endurance_sessions"] if "endurance_sessions" in daily else daily["run_count"]
    return pd.to_numeric(column, errors="coerce").fillna(0) > 0


def no_rest_warning(daily: pd.DataFrame, as_of: date, limit: int) -> Warning | None:
    """`limit` or more training days in a row; today counts only once it is a training day."""
    window = daily[daily["day"] <= as_of].sort_values("day")
    trained = training_days(window).tolist()
    days = window["day"].tolist()
    if days and days[-1] == as_of and not trained[-1]:
        trained, days = trained[:-1], days[:-1]
    streak = 0
    expected = days[-1] if days else None
    for day, was_training in zip(reversed(days), reversed(trained), strict=True):
        if not was_training or day != expected:
            break
        streak += 1
        expected = day - timedelta(days=1)
    if streak < limit:
        return None
    return Warning(
        id="no_rest_day",
        severity="caution",
        message=(
            f"You have trained {streak} days in a row (your limit is {limit}; walks, strength "
            "and mobility sessions do not count). Adaptation happens in recovery; a full rest "
            "day lets fatigue fall faster than any easy session."
        ),
        numbers={"days_in_a_row": streak, "limit": limit},
        action="Make today a rest day (walking and mobility are fine).",
        source="Your no-rest-day limit (Settings); " + FOSTER_1998,
    )


def load_warnings(
    daily: pd.DataFrame,
    as_of: date,
    profile: AthleteProfile,
    runs: pd.DataFrame,
    *,
    settling: bool = False,
) -> list[Warning]:
    """Every load warning active on the morning of `as_of`, most serious first.

    Ratios, ramp, monotony and weekly totals are read at the end of yesterday; form is this
    morning's; spikes and the rest-day streak include what today already holds.
    """
    frame = dated(daily)
    if frame.empty:
        found = [spike_warning(runs, as_of)]
    else:
        morning = as_of - timedelta(days=1)
        found = [
            spike_warning(runs, as_of),
            load_ratio_warning(frame, morning),
            form_warning(frame, as_of, settling=settling),
            ramp_warning(frame, morning),
            monotony_warning(frame, morning),
            no_rest_warning(frame, as_of, profile.no_rest_days_limit),
            weekly_progression_warning(frame, morning),
            detraining_warning(frame, morning),
        ]
    warnings = [w for w in found if w is not None]
    return sorted(warnings, key=lambda w: -w.rank)
