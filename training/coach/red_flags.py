"""Red flags (docs/science.md#red-flags): signs that need a clinician, above every other advice.

- A warning sign the runner ticked (can't bear weight, fever, a hot or swollen joint, locking,
  numbness, pain on hopping, night or rest pain) is always a red flag.
- Pain at rest or at night is a red flag when it is 5/10 or more; when it is at the front of the
  hip or groin and began with running (a femoral neck stress fracture shows as exercise-related
  groin pain that progresses to pain at night); or when it is continuous: logged both at rest
  and at night, on each of three days in a row (the NHS "continuous pain, including at night
  and when not weight bearing").
- Pain not settled by the morning after each of the last two runs.

Lower rest or night pain elsewhere is a pain-rule caution with an explanation: a night ache on
the outside of the hip, typical of irritated gluteal tendons, is managed by load, not by a
referral on sight.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from training.coach.pain_rules import dated, mornings_after_runs, prepare
from training.coach.warning import RED_FLAG_PREFIX, Number, Warning

RED_FLAG_WINDOW_DAYS = 14  # a reported red flag stays on for two weeks after the last report
REST_PAIN_RED_SCORE = 5  # rest/night pain at "moderate" or worse; docs/science.md#red-flags
CONTINUOUS_DAYS = 3  # at rest and at night, every day for 3 days: continuous (our reading of NHS)
BEGAN_WITH_RUNNING_DAYS = 28  # running in the 4 weeks before: "began with running" (convention)
GROIN_SITES = frozenset({"hip-front"})  # exercise-related groin pain: docs/science.md#red-flags
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
GLUTEAL_SOURCES = (
    "Grimaldi & Fearon 2015, gluteal tendinopathy, JOSPT 45(11):910-922; Mellor et al. 2018 "
    "(LEAP), BMJ 361:k1662; when to escalate: GPonline and NHS hip red-flag lists"
)
DERIVED_WORDS = {  # the flags the rules derive, in the words of FLAG_WORDS
    "rest_pain": "your pain at rest or at night needs a clinician's assessment",
    "pain_not_settling": "your pain has not settled by the morning after your last runs",
}
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


def _began_with_running(pain: pd.DataFrame, runs: pd.DataFrame, place: str, day: date) -> bool:
    """A run, or pain logged at this place during or after a run, in the 4 weeks before `day`."""
    start = day - timedelta(days=BEGAN_WITH_RUNNING_DAYS)
    run_days = dated(runs)["day"] if not runs.empty else pd.Series(dtype=object)
    ran = bool(((run_days >= start) & (run_days <= day)).any())
    run_pain = pain[
        (pain["place"] == place)
        & pain["moment"].isin(("during-run", "after-run"))
        & (pain["day"] >= start)
        & (pain["day"] <= day)
    ]
    return ran or not run_pain.empty


def _continuous(readings: pd.DataFrame, as_of: date) -> bool:
    """Rest and night readings, and a reading on each of three days in a row up to `as_of`."""
    days = set(readings["day"])
    last = max(days)
    streak = [last - timedelta(days=i) for i in range(CONTINUOUS_DAYS)]
    both = set(readings["moment"]) >= set(REST_MOMENTS)
    return both and all(d in days for d in streak) and as_of - last <= timedelta(days=1)


def _outer_hip_caution(top: pd.Series, days: int, numbers: dict[str, Number]) -> Warning:
    return Warning(
        id="pain_at_rest",
        severity="caution",
        message=(
            f"You logged {top['place']} pain at rest or at night (up to {int(top['score'])}/10, "
            f"on {days} day{'s' if days != 1 else ''} this week). A night ache on the outside "
            "of the hip, often when lying on that side, is typical of irritated gluteal tendons: "
            "it settles with load management rather than needing a referral on sight."
        ),
        numbers=numbers,
        action=(
            "Hold your running where it is (no increases) and keep runs easy and flat; avoid "
            "lying on that side (a pillow between the knees helps) and crossing your legs. See "
            "a clinician if it reaches 5/10, stays with you day and night, or moves to the groin."
        ),
        source=GLUTEAL_SOURCES,
    )


def rest_pain_warning(pain: pd.DataFrame, runs: pd.DataFrame, as_of: date) -> Warning | None:
    """Pain at rest or at night in the last 7 days: a red flag per 7.4, else a caution."""
    recent = pain[
        pain["moment"].isin(REST_MOMENTS)
        & (pain["score"] > 0)
        & (pain["day"] <= as_of)
        & (pain["day"] > as_of - timedelta(days=7))
    ]
    if recent.empty:
        return None
    worst: tuple[int, Warning] | None = None
    for place, readings in recent.groupby("place", sort=False):
        top = readings.sort_values(["score", "day"]).iloc[-1]
        score, days = int(top["score"]), int(readings["day"].nunique())
        numbers: dict[str, Number] = {
            "site": str(place),
            "max_score": score,
            "days_in_last_7": days,
        }
        why = None
        if score >= REST_PAIN_RED_SCORE:
            why = f"at {score}/10 it is more than an ache that settles"
        elif top["site"] in GROIN_SITES and _began_with_running(pain, runs, str(place), top["day"]):
            why = "groin pain at rest in a runner can come from a bone stress injury"
        elif _continuous(readings, as_of):
            why = "it is there at rest and at night, day after day"
        if why is not None:
            found = (2, _rest_pain_flag(top, days, why, numbers))
        elif top["site"] == "hip-lateral":
            found = (1, _outer_hip_caution(top, days, numbers))
        else:
            found = (1, _mild_rest_pain(top, days, numbers))
        if worst is None or found[0] > worst[0]:
            worst = found
    return None if worst is None else worst[1]


def _rest_pain_flag(top: pd.Series, days: int, why: str, numbers: dict[str, Number]) -> Warning:
    return Warning(
        id=_flag_id("rest_pain"),
        severity="high",
        message=(
            f"You logged {top['place']} pain at rest or at night on {days} day"
            f"{'s' if days != 1 else ''} this week (up to {int(top['score'])}/10): {why}. "
            "Pain like this away from running needs a clinician's assessment before more running."
        ),
        numbers=numbers,
        action=STOP_AND_SEE,
        source=RED_FLAG_SOURCES,
    )


def _mild_rest_pain(top: pd.Series, days: int, numbers: dict[str, Number]) -> Warning:
    return Warning(
        id="pain_at_rest",
        severity="caution",
        message=(
            f"You logged {top['place']} pain at rest or at night (up to {int(top['score'])}/10, "
            f"on {days} day{'s' if days != 1 else ''} this week). Mild and not constant, this "
            "is usually an ache that settles as load is held steady."
        ),
        numbers=numbers,
        action=(
            "Hold your running where it is (no increases) and keep it easy. Stop running and "
            "see a clinician if it reaches 5/10 or stays with you day and night."
        ),
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


def flag_key(warning: Warning) -> str:
    """The red flag's own key: a ticked answer (`numbness`) or a derived one (`rest_pain`)."""
    return warning.id.removeprefix(f"{RED_FLAG_PREFIX}_")


def flag_words(key: str) -> str:
    """What a red flag is about, in a few plain words (for the Strength plan's referral)."""
    return FLAG_WORDS.get(key) or DERIVED_WORDS.get(key) or key.replace("_", " ")


def red_flag_warnings(pain: pd.DataFrame, runs: pd.DataFrame, as_of: date) -> list[Warning]:
    """Every red flag (and the rest-pain caution) active on `as_of`, urgent first.

    Today and the Strength page both read this, over the same 14-day window.
    """
    ready = prepare(pain)
    if ready.empty:
        return []
    found: list[Warning | None] = [
        *reported_flags(ready, as_of),
        rest_pain_warning(ready, runs, as_of),
    ]
    if not runs.empty:
        found.append(not_settling_warning(ready, runs, as_of))
    warnings = [w for w in found if w is not None]
    return sorted(warnings, key=lambda w: -w.rank)
