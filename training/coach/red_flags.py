"""Red flags (SCIENCE.md 7.4): signs that need a clinician, which override every training advice.

Rest and night pain: a reading at rest or at night counts as a red flag when it is 5/10 or more,
or when it comes back on two or more days within a week (pain that persists away from running,
as in the NHS "continuous pain, including at night" criterion). A single mild reading is a note
to watch, not a red flag: an ache on the evening after a long run is common and settles.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from training.coach.pain_rules import dated, mornings_after_runs, prepare
from training.coach.warning import RED_FLAG_PREFIX, Number, Warning

RED_FLAG_WINDOW_DAYS = 14  # a reported red flag stays on for two weeks after the last report
REST_PAIN_RED_SCORE = 5  # rest/night pain at "moderate" or worse (NRS bands; SCIENCE.md 6.5)
REST_PAIN_RED_DAYS = 2  # rest/night pain on this many days within 7 is persistent
NOT_SETTLING_RUNS = 2  # pain not settled within 24 h after two consecutive runs (7.4)
REST_MOMENTS = ("at-rest", "at-night")

FLAG_WORDS = {
    "cant_bear_weight": "you could not put weight on the leg",
    "fever_unwell": "you had a fever or felt unwell",
    "swelling_heat": "the joint was swollen or warm",
    "locking_catching": "the joint was locking or catching",
    "numbness": "you had numbness, tingling or weakness",
    "pain_on_hopping": "it hurt to hop on that leg",
    "night_rest_pain": "you had pain at night or at rest",
}
URGENT_FLAGS = frozenset({"cant_bear_weight", "fever_unwell"})
RED_FLAG_SOURCES = (
    "Hip red flags in primary care (GPonline) and NHS Gloucestershire hip pathway; "
    "Robertson & Wood 2017, femoral neck stress fractures in sport, Sports Med Int Open 1:E58-E68"
)
STOP_AND_SEE = (
    "Stop running and see a clinician (GP or sports physiotherapist) promptly. Go the same day "
    "(urgent care or A&E) if you cannot bear weight, have a fever, or this followed a fall."
)
URGENT_STOP = (
    "Stop running and get seen today: urgent care or A&E if you cannot bear weight, have a fever "
    "with a hot or swollen joint, or this followed a fall."
)


def _flag_id(key: str) -> str:
    return f"{RED_FLAG_PREFIX}_{key}"


def reported_flags(pain: pd.DataFrame, as_of: date) -> list[Warning]:
    """One warning per red-flag answer in the last 14 days (most recent report)."""
    recent = pain[
        (pain["day"] <= as_of) & (pain["day"] > as_of - timedelta(days=RED_FLAG_WINDOW_DAYS))
    ]
    latest: dict[str, pd.Series] = {}
    for _, row in recent.sort_values("day").iterrows():
        flags = row.get("red_flags")
        for key in [] if flags is None or isinstance(flags, float) else list(flags):
            latest[str(key)] = row
    warnings = []
    for key, row in latest.items():
        urgent = key in URGENT_FLAGS
        what = FLAG_WORDS.get(key, key.replace("_", " "))
        groin = (
            " Groin pain on hopping can mean a bone stress injury."
            if (key == "pain_on_hopping" and row["site"] == "hip-front")
            else ""
        )
        warnings.append(
            Warning(
                id=_flag_id(key),
                severity="urgent" if urgent else "high",
                message=(
                    f"On {row['day']:%a %d %b} you logged {row['place']} pain "
                    f"({int(row['score'])}/10) and told us {what}. "
                    "That needs a clinician's assessment before more running." + groin
                ),
                numbers={
                    "flag": key,
                    "site": str(row["place"]),
                    "score": int(row["score"]),
                    "date": row["day"].isoformat(),
                },
                action=URGENT_STOP if urgent else STOP_AND_SEE,
                source=RED_FLAG_SOURCES,
            )
        )
    return warnings


def rest_pain_warning(pain: pd.DataFrame, as_of: date) -> Warning | None:
    """Pain at rest or at night: a red flag when ≥ 5/10 or on 2+ days in a week, else a note."""
    recent = pain[
        pain["moment"].isin(REST_MOMENTS)
        & (pain["score"] > 0)
        & (pain["day"] <= as_of)
        & (pain["day"] > as_of - timedelta(days=7))
    ]
    if recent.empty:
        return None
    days = int(recent["day"].nunique())
    top = recent.sort_values(["score", "day"]).iloc[-1]
    score = int(top["score"])
    red = score >= REST_PAIN_RED_SCORE or days >= REST_PAIN_RED_DAYS
    numbers: dict[str, Number] = {
        "site": str(top["place"]),
        "max_score": score,
        "days_in_last_7": days,
    }
    if not red:
        return Warning(
            id="pain_at_rest",
            severity="caution",
            message=(
                f"You logged {top['place']} pain at rest or at night ({score}/10) on "
                f"{top['day']:%a %d %b}. Once, and mild, this is usually an ache that settles."
            ),
            numbers=numbers,
            action=(
                "Keep an eye on it: if it comes back on another day this week or reaches "
                "5/10, stop running and see a clinician."
            ),
            source=RED_FLAG_SOURCES,
        )
    return Warning(
        id=_flag_id("rest_pain"),
        severity="high",
        message=(
            f"You logged {top['place']} pain at rest or at night on {days} day"
            f"{'s' if days != 1 else ''} this week (up to {score}/10). Pain that persists away "
            "from running, or wakes you at night, needs a clinician's assessment."
        ),
        numbers=numbers,
        action=STOP_AND_SEE,
        source=RED_FLAG_SOURCES,
    )


def not_settling_warning(pain: pd.DataFrame, runs: pd.DataFrame, as_of: date) -> Warning | None:
    """Pain still above its pre-run level the morning after each of the last two runs."""
    mornings = mornings_after_runs(pain, runs, as_of)
    recent_runs = sorted(
        {
            d
            for d in dated(runs)["day"]
            if as_of - timedelta(days=RED_FLAG_WINDOW_DAYS) <= d and d + timedelta(days=1) <= as_of
        }
    )[-NOT_SETTLING_RUNS:]
    if len(recent_runs) < NOT_SETTLING_RUNS or mornings.empty:
        return None
    unsettled = mornings[~mornings["settled"]]
    per_run = [unsettled[unsettled["run_day"] == d] for d in recent_runs]
    places = set.intersection(*(set(frame["place"]) for frame in per_run))
    if not places:
        return None
    place = sorted(places)[0]
    scores = [int(frame.loc[frame["place"] == place, "morning"].max()) for frame in per_run]
    return Warning(
        id=_flag_id("pain_not_settling"),
        severity="high",
        message=(
            f"After each of your last {NOT_SETTLING_RUNS} runs "
            f"({' and '.join(f'{d:%a %d %b}' for d in recent_runs)}) "
            f"your {place} pain had not settled by the next morning "
            f"({' and '.join(f'{s}/10' for s in scores)}). Pain that keeps outlasting runs needs "
            "assessment rather than more running."
        ),
        numbers={
            "site": place,
            "runs": NOT_SETTLING_RUNS,
            "run_dates": ", ".join(d.isoformat() for d in recent_runs),
            "morning_scores": ", ".join(str(s) for s in scores),
        },
        action=STOP_AND_SEE,
        source=RED_FLAG_SOURCES,
    )


def red_flag_warnings(pain: pd.DataFrame, runs: pd.DataFrame, as_of: date) -> list[Warning]:
    """Every red flag (and the mild rest-pain note) active on `as_of`, urgent first."""
    ready = prepare(pain)
    if ready.empty:
        return []
    found: list[Warning | None] = [*reported_flags(ready, as_of), rest_pain_warning(ready, as_of)]
    if not runs.empty:
        found.append(not_settling_warning(ready, runs, as_of))
    warnings = [w for w in found if w is not None]
    return sorted(warnings, key=lambda w: -w.rank)
