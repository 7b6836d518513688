"""The 12-week plan generator: phases, session days around the runner's week, session content.

Template, not a prescription (SCIENCE.md 7.3): settle with isometrics and low load, build
strength at 8-12 repetitions, then run-specific single-leg work; 2-3 sessions a week on rest or
easy days, 15-25 minutes each. At least three months follows Kemp et al. 2020 (recommendation C2).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from training.strength.library import Library
from training.strength.pain import ACCEPTABLE_MAX_PAIN, REFERRAL_TEXT, red_flag_reasons

PLAN_WEEKS = 12  # ≥ 3 months of exercise therapy for hip-related pain; Kemp 2020 C2
SESSIONS_PER_WEEK = (2, 3)  # ACSM novice frequency 2-3 days/week; Ratamess 2009
SESSION_MIN_S = 15 * 60  # issue #7: each session 15-25 minutes
SESSION_MAX_S = 25 * 60
PHASE_WEEKS = (2, 6, 4)  # isometric/low load, strength, run-specific weeks; SCIENCE.md 7.3
PHASE_WEEKS_SORE = (4, 5, 3)  # longer settling phase when pain is ≥ 4/10 or rising (our choice)
SORE_FROM_PAIN = 4  # "moderate" on the NRS starts at 4; SCIENCE.md 6.5
LATE_PHASE = 3  # compressive exercises wait for the last phase; Grimaldi & Fearon 2015
TRENDS = ("settling", "stable", "rising")


@dataclass(frozen=True)
class PainProfile:
    """The runner's current pain: site (None = no pain), typical level 0-10, trend, red flags."""

    site: str | None = None
    level: int = 0
    trend: str = "stable"
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class WeekSchedule:
    """Weekdays (0 = Monday) with runs, and the hard ones (long run, intervals) to keep clear."""

    run_days: frozenset[int] = frozenset()
    hard_days: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PlannedSession:
    """One strength session on the calendar with the exercises it holds."""

    number: int
    date: date
    week: int
    phase: int
    template: str
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class StrengthPlan:
    """A generated plan: the inputs it came from and its dated sessions."""

    start: date
    pain: PainProfile
    schedule: WeekSchedule
    sessions_per_week: int
    weekdays: tuple[int, ...]
    phase_weeks: tuple[int, int, int]
    sessions: tuple[PlannedSession, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Referral:
    """No plan: red flags were reported, so the runner is sent to a clinician instead."""

    reasons: tuple[str, ...]
    advice: str = REFERRAL_TEXT


def phase_weeks(pain: PainProfile) -> tuple[int, int, int]:
    """Phase lengths: a longer settling phase when pain is moderate or rising."""
    if pain.site is not None and (pain.level >= SORE_FROM_PAIN or pain.trend == "rising"):
        return PHASE_WEEKS_SORE
    return PHASE_WEEKS


def phase_of_week(week: int, weeks: tuple[int, int, int]) -> int:
    """Which phase (1-3) a 1-based plan week falls in."""
    bound = 0
    for phase, length in enumerate(weeks, start=1):
        bound += length
        if week <= bound:
            return phase
    return len(weeks)


def _day_cost(day: int, schedule: WeekSchedule) -> int:
    cost = 1 if day in schedule.run_days else 0
    if (day + 1) % 7 in schedule.hard_days:
        cost += 3  # keep the legs fresh the day before a long run or a hard session
    return cost


def session_weekdays(schedule: WeekSchedule, count: int) -> tuple[int, ...]:
    """Pick `count` weekdays: rest days first, then easy days; never hard days; spread out."""
    allowed = [d for d in range(7) if d not in schedule.hard_days] or list(range(7))
    count = min(count, len(allowed))

    def score(days: tuple[int, ...]) -> int:
        adjacent = sum(1 for a, b in itertools.combinations(days, 2) if (b - a) % 7 in (1, 6))
        return sum(_day_cost(d, schedule) for d in days) + 2 * adjacent

    return min(itertools.combinations(allowed, count), key=lambda days: (score(days), days))


def allowed_exercises(
    library: Library, pain: PainProfile, phase: int, keys: Iterable[str]
) -> list[str]:
    """Exercises of a template the pain site allows in this phase (order kept)."""
    kept = []
    for key in keys:
        exercise = library.exercises[key]
        if pain.site in exercise.avoid_with:
            continue
        if phase < LATE_PHASE and pain.site in exercise.avoid_early_with:
            continue
        kept.append(key)
    return kept


def session_seconds(library: Library, keys: Iterable[str], *, hardest: bool) -> int:
    """Session length at the easiest levels, or at the longest level of each exercise."""
    total = 0
    for key in keys:
        levels = library.exercises[key].levels
        total += max(lv.seconds() for lv in levels) if hardest else levels[0].seconds()
    return total


def deferred_exercises(library: Library, pain: PainProfile, template: str) -> list[str]:
    """Exercises an earlier phase's template held back for this pain site, in template order."""
    found: list[str] = []
    for number in range(1, LATE_PHASE):
        spec = library.phase(number)
        for key in spec.a if template == "A" else spec.b:
            if pain.site in library.exercises[key].avoid_early_with and key not in found:
                found.append(key)
    return found


def fit_session(library: Library, pain: PainProfile, phase: int, template: str) -> tuple[str, ...]:
    """Template exercises trimmed to ≤ 25 min at any level, topped up to ≥ 15 min from reserve.

    In the last phase, exercises held back earlier for the pain site join the session of the
    same letter (first, so trimming keeps them): a deferral is a delay, not a removal.
    """
    spec = library.phase(phase)
    keys = allowed_exercises(library, pain, phase, spec.a if template == "A" else spec.b)
    if phase == LATE_PHASE:
        held = [k for k in deferred_exercises(library, pain, template) if k not in keys]
        keys = held + keys
    while keys and session_seconds(library, keys, hardest=True) > SESSION_MAX_S:
        keys.pop()
    for extra in allowed_exercises(library, pain, phase, spec.reserve):
        if session_seconds(library, keys, hardest=False) >= SESSION_MIN_S:
            break
        if (
            extra not in keys
            and session_seconds(library, [*keys, extra], hardest=True) <= SESSION_MAX_S
        ):
            keys.append(extra)
    return tuple(keys)


def _notes(pain: PainProfile, weekdays: tuple[int, ...], wanted: int) -> tuple[str, ...]:
    notes = ["A template, not a prescription: a physiotherapist can tailor it to you."]
    if pain.level > ACCEPTABLE_MAX_PAIN:
        notes.append(
            f"Pain above {ACCEPTABLE_MAX_PAIN}/10: check with a clinician before you start."
        )
    if pain.site is not None and phase_weeks(pain) == PHASE_WEEKS_SORE:
        notes.append("The settling phase lasts four weeks because the pain is moderate or rising.")
    if len(weekdays) < wanted:
        notes.append(
            f"Only {len(weekdays)} free day(s) in your week, so {len(weekdays)} session(s)."
        )
    return tuple(notes)


def generate_plan(
    library: Library,
    start: date,
    pain: PainProfile,
    schedule: WeekSchedule,
    sessions_per_week: int = 3,
) -> StrengthPlan | Referral:
    """A 12-week plan starting the week of `start`, or a referral when red flags are present."""
    if pain.red_flags:
        return Referral(tuple(red_flag_reasons(pain.red_flags)))
    if sessions_per_week not in SESSIONS_PER_WEEK:
        raise ValueError(f"sessions_per_week must be one of {SESSIONS_PER_WEEK}")
    weeks = phase_weeks(pain)
    weekdays = session_weekdays(schedule, sessions_per_week)
    monday = start - timedelta(days=start.weekday())
    templates = {
        (phase, t): fit_session(library, pain, phase, t) for phase in (1, 2, 3) for t in "AB"
    }
    sessions: list[PlannedSession] = []
    in_phase: dict[int, int] = {}
    for week in range(1, PLAN_WEEKS + 1):
        phase = phase_of_week(week, weeks)
        for day in weekdays:
            when = monday + timedelta(days=7 * (week - 1) + day)
            if when < start:
                continue
            template = "AB"[in_phase.get(phase, 0) % 2]
            in_phase[phase] = in_phase.get(phase, 0) + 1
            sessions.append(
                PlannedSession(
                    len(sessions) + 1, when, week, phase, template, templates[(phase, template)]
                )
            )
    return StrengthPlan(
        start,
        pain,
        schedule,
        sessions_per_week,
        weekdays,
        weeks,
        tuple(sessions),
        _notes(pain, weekdays, sessions_per_week),
    )
