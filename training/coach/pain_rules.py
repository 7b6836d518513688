"""Pain-monitoring rules after Silbernagel et al. (2007): during runs, the morning after, the trend.

Pain entries have date, site, side, site_other, moment, score (NRS 0-10) and red_flags. A day with
no entry for a site counts as no pain there: runners log pain when they have it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise

import pandas as pd

from training.coach.warning import Warning

RUN_PAIN_OK_MAX = 3  # ≤ 3/10 "safe" (clinical adaptation of Silbernagel 2007; SCIENCE.md 6.6)
RUN_PAIN_ACCEPTABLE_MAX = 5  # 4-5/10 acceptable, > 5 not (Silbernagel et al. 2007; 6.6)
MORNING_SAFE_MAX = 2  # 0-2/10 is the model's "safe" zone (Silbernagel 2007 figure; SCIENCE.md 6.6)
PAIN_ACTIVE_DAYS = 7  # a pain reading guides the coming week's runs
TREND_WEEKS = 3  # "must not rise week to week": three 7-day windows, two rises (6.6)
TREND_MIN_RISE = 2.0  # 2 points on 0-10 is a clinically important change; Farrar et al. 2001
MORNING_MOMENTS = ("next-morning", "at-rest")  # readings taken away from a run

SILBERNAGEL_2007 = (
    "Silbernagel et al. 2007, pain-monitoring model, Am J Sports Med 35(6):897-906 "
    "(trial in Achilles tendinopathy; used for other running pain by clinical convention)"
)
SITE_WORDS = {
    "hip-lateral": "outer hip",
    "hip-front": "front of the hip (groin)",
    "buttock": "buttock",
    "lower-back": "lower back",
    "knee": "knee",
    "shin": "shin",
    "calf-achilles": "calf or Achilles",
    "foot": "foot",
}


def describe_site(site: str, side: object = None, site_other: object = None) -> str:
    """'left outer hip', 'knee', or the runner's own words for 'other'."""
    words = SITE_WORDS.get(site) or (str(site_other) if isinstance(site_other, str) else site)
    return f"{side} {words}" if isinstance(side, str) and side in {"left", "right"} else words


def dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with a python `day` column, whatever type `date` arrived as."""
    if frame.empty:
        return frame.assign(day=pd.Series(dtype=object))
    return frame.assign(day=pd.to_datetime(frame["date"]).dt.date)


def _with_place(pain: pd.DataFrame) -> pd.DataFrame:
    side = pain["side"] if "side" in pain else pd.Series(None, index=pain.index, dtype=object)
    other = (
        pain["site_other"]
        if "site_other" in pain
        else pd.Series(None, index=pain.index, dtype=object)
    )
    return pain.assign(
        place=[describe_site(s, d, o) for s, d, o in zip(pain["site"], side, other, strict=True)]
    )


def _latest_per_place(pain: pd.DataFrame, moment: str, as_of: date) -> pd.DataFrame:
    recent = pain[
        (pain["moment"] == moment)
        & (pain["day"] <= as_of)
        & (pain["day"] > as_of - timedelta(days=PAIN_ACTIVE_DAYS))
    ]
    return recent.sort_values("day").groupby("place", sort=False).tail(1)


def during_run_warning(pain: pd.DataFrame, as_of: date) -> Warning | None:
    """The latest during-run pain per site this week: > 5 is high, 4-5 means hold."""
    latest = _latest_per_place(pain, "during-run", as_of)
    latest = latest[latest["score"] > RUN_PAIN_OK_MAX]
    if latest.empty:
        return None
    worst = latest.sort_values(["score", "day"]).iloc[-1]
    score, place, day = int(worst["score"]), str(worst["place"]), worst["day"]
    too_much = score > RUN_PAIN_ACCEPTABLE_MAX
    return Warning(
        id="pain_during_run",
        severity="high" if too_much else "caution",
        message=(
            f"Your {place} hurt {score}/10 during your run on {day:%a %d %b}. "
            + (
                "Above 5/10 the pain-monitoring model says the run was too much for it."
                if too_much
                else "4-5/10 is the upper end of acceptable in the pain-monitoring model."
            )
        ),
        numbers={
            "site": place,
            "score": score,
            "date": day.isoformat(),
            "acceptable_max": RUN_PAIN_ACCEPTABLE_MAX,
        },
        action=(
            "Stop progressing: cut the next runs back (shorter, flatter, slower) or cross-train "
            "until runs stay at 5/10 or less."
            if too_much
            else "Hold: repeat this load rather than adding to it until it stays at 3/10 or less."
        ),
        source=SILBERNAGEL_2007,
    )


def mornings_after_runs(pain: pd.DataFrame, runs: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """For each run day up to yesterday: per site, the pre-run morning and the morning after.

    The baseline is the last morning reading in the week before the run (on the run day itself
    if logged), else 0. 'Settled' means the morning after is back at or below it, or within the
    0-2 'safe' zone.
    """
    columns = ["run_day", "place", "baseline", "morning", "settled"]
    if runs.empty or pain.empty:
        return pd.DataFrame(columns=columns)
    mornings = pain[pain["moment"].isin(MORNING_MOMENTS)]
    rows = []
    for run_day in sorted(set(dated(runs)["day"])):
        if run_day + timedelta(days=1) > as_of:
            continue
        after = mornings[mornings["day"] == run_day + timedelta(days=1)]
        before = mornings[
            (mornings["day"] <= run_day)
            & (mornings["day"] > run_day - timedelta(days=PAIN_ACTIVE_DAYS))
        ]
        for place, group in after.groupby("place"):
            earlier = before[before["place"] == place]
            last_day = earlier["day"].max() if not earlier.empty else None
            baseline = (
                int(earlier.loc[earlier["day"] == last_day, "score"].max())
                if last_day is not None
                else 0
            )
            morning = int(group["score"].max())
            settled = morning <= baseline or morning <= MORNING_SAFE_MAX
            rows.append((run_day, place, baseline, morning, settled))
    return pd.DataFrame(rows, columns=columns)


def next_morning_warning(mornings: pd.DataFrame, as_of: date) -> Warning | None:
    """The morning after the latest run: above the pre-run level, or above 5/10."""
    recent = mornings[mornings["run_day"] >= as_of - timedelta(days=PAIN_ACTIVE_DAYS)]
    if recent.empty:
        return None
    last_day = recent["run_day"].max()
    unsettled = recent[
        (recent["run_day"] == last_day)
        & ((~recent["settled"]) | (recent["morning"] > RUN_PAIN_ACCEPTABLE_MAX))
    ]
    if unsettled.empty:
        return None
    worst = unsettled.sort_values("morning").iloc[-1]
    morning, baseline = int(worst["morning"]), int(worst["baseline"])
    high = morning > RUN_PAIN_ACCEPTABLE_MAX
    return Warning(
        id="pain_next_morning",
        severity="high" if high else "caution",
        message=(
            f"The morning after your run on {last_day:%a %d %b}, your {worst['place']} was "
            f"{morning}/10 (before the run: {baseline}/10). Pain should settle back by the "
            "next morning; this has not."
        ),
        numbers={
            "site": str(worst["place"]),
            "run_date": last_day.isoformat(),
            "morning_score": morning,
            "baseline_score": baseline,
        },
        action=(
            "Skip running today; rest or cross-train pain-free, and come back a step lower."
            if high
            else "Run less than last time (or cross-train) until mornings are back to baseline."
        ),
        source=SILBERNAGEL_2007,
    )


def rising_trend(weekly: Sequence[float]) -> bool:
    """Weekly means rising two weeks running by 2 points or more in all (no gaps).

    Small drifts such as 1.0 → 1.5 → 2.0 are within what a 0-10 rating moves by itself; a
    2-point change is the smallest that matters to patients (Farrar et al. 2001, Pain
    94(2):149-158; docs/science.md#pain-monitoring). Today and the Strength page share this.
    """
    tail = list(weekly[-TREND_WEEKS:])
    if len(tail) < TREND_WEEKS or any(pd.isna(v) for v in tail):
        return False
    climbing = all(a < b for a, b in pairwise(tail))
    return climbing and tail[-1] - tail[0] >= TREND_MIN_RISE


def trend_warning(pain: pd.DataFrame, as_of: date) -> Warning | None:
    """Mean weekly pain at a site rising two weeks running by 2+ points (three 7-day windows)."""
    recent = pain[(pain["day"] <= as_of) & (pain["day"] > as_of - timedelta(days=7 * TREND_WEEKS))]
    if recent.empty:
        return None
    weeks_back = recent["day"].map(lambda d: (as_of - d).days // 7)
    means = recent.assign(week=weeks_back).groupby(["place", "week"])["score"].mean().unstack()
    for place, row in means.iterrows():
        values = [float(row.get(w, float("nan"))) for w in range(TREND_WEEKS - 1, -1, -1)]
        if rising_trend(values):
            shown = [round(v, 1) for v in values]
            return Warning(
                id="pain_trend_rising",
                severity="high",
                message=(
                    f"Your {place} pain has risen two weeks running, by 2 points or more "
                    f"(weekly average {shown[0]} → {shown[1]} → {shown[2]}/10). The "
                    "pain-monitoring model asks that pain does not build from week to week."
                ),
                numbers={
                    "site": str(place),
                    "week_minus_2": shown[0],
                    "week_minus_1": shown[1],
                    "this_week": shown[2],
                },
                action="Step back to the load of two weeks ago or less until the trend turns.",
                source=SILBERNAGEL_2007 + "; Farrar et al. 2001 (a 2-point change matters)",
            )
    return None


def prepare(pain: pd.DataFrame) -> pd.DataFrame:
    """Pain entries with `day` and a readable `place`, ready for the rules."""
    if pain.empty:
        return pain.assign(day=pd.Series(dtype=object), place=pd.Series(dtype=object))
    return _with_place(dated(pain))


def pain_warnings(pain: pd.DataFrame, runs: pd.DataFrame, as_of: date) -> list[Warning]:
    """Every pain-monitoring warning active on `as_of`."""
    ready = prepare(pain)
    if ready.empty:
        return []
    mornings = mornings_after_runs(ready, runs, as_of)
    found = [
        during_run_warning(ready, as_of),
        next_morning_warning(mornings, as_of),
        trend_warning(ready, as_of),
    ]
    return [w for w in found if w is not None]
