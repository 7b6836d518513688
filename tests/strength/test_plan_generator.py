"""The 12-week generator for several pain profiles: phases, days, length, exclusions, red flags."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pipelines.strength.library import bundled_library
from training.strength.plan import (
    PainProfile,
    Referral,
    StrengthPlan,
    WeekSchedule,
    generate_plan,
    session_seconds,
    session_weekdays,
)

MONDAY = date(2026, 11, 30)
# Runs Tue, Thu (intervals), Sat, Sun (long run): rest days Mon, Wed, Fri.
RUNNER_WEEK = WeekSchedule(run_days=frozenset({1, 3, 5, 6}), hard_days=frozenset({3, 6}))

PROFILES = {
    "no-pain": PainProfile(),
    "lateral-hip-mild": PainProfile("hip-lateral", 2, "stable"),
    "lateral-hip-rising": PainProfile("hip-lateral", 5, "rising"),
    "groin-moderate": PainProfile("hip-front", 4, "settling"),
    "buttock-severe": PainProfile("buttock", 7, "stable"),
}


def _plan(pain: PainProfile, per_week: int = 3, start: date = MONDAY) -> StrengthPlan:
    plan = generate_plan(bundled_library(), start, pain, RUNNER_WEEK, per_week)
    assert isinstance(plan, StrengthPlan)
    return plan


@pytest.mark.parametrize("per_week", [2, 3])
@pytest.mark.parametrize("profile", list(PROFILES), ids=list(PROFILES))
def test_every_plan_is_twelve_weeks_of_15_to_25_minute_sessions(
    profile: str, per_week: int
) -> None:
    library = bundled_library()
    plan = _plan(PROFILES[profile], per_week)
    assert len(plan.sessions) == 12 * per_week
    assert [s.number for s in plan.sessions] == list(range(1, 12 * per_week + 1))
    assert plan.sessions[-1].date < MONDAY + timedelta(weeks=12)
    assert [s.phase for s in plan.sessions] == sorted(s.phase for s in plan.sessions)
    for session in plan.sessions:
        assert session.date.weekday() in plan.weekdays
        assert session.date.weekday() not in RUNNER_WEEK.hard_days
        assert session_seconds(library, session.exercises, hardest=False) >= 15 * 60
        assert session_seconds(library, session.exercises, hardest=True) <= 25 * 60
    assert plan.notes[0].startswith("A template, not a prescription")


def test_phases_follow_the_template_and_pain_lengthens_the_settling_phase() -> None:
    mild = _plan(PROFILES["lateral-hip-mild"])
    rising = _plan(PROFILES["lateral-hip-rising"])
    assert mild.phase_weeks == (2, 6, 4)
    assert rising.phase_weeks == (4, 5, 3)
    assert {s.week for s in mild.sessions if s.phase == 1} == {1, 2}
    assert {s.week for s in rising.sessions if s.phase == 1} == {1, 2, 3, 4}
    assert {s.week for s in rising.sessions if s.phase == 3} == {10, 11, 12}
    phase_one = {key for s in mild.sessions if s.phase == 1 for key in s.exercises}
    assert "isometric_hip_abduction" in phase_one
    assert phase_one <= {
        "isometric_hip_abduction",
        "glute_bridge",
        "clamshell",
        "side_plank",
        "hip_flexor_stretch",
    }


def test_sessions_alternate_a_and_b_within_each_phase() -> None:
    plan = _plan(PROFILES["no-pain"])
    first_phase = [s.template for s in plan.sessions if s.phase == 1]
    assert first_phase == ["A", "B"] * 3
    assert next(s for s in plan.sessions if s.phase == 2).template == "A"


def test_lateral_hip_pain_leaves_out_compressive_exercises_until_phase_3() -> None:
    sessions = _plan(PROFILES["lateral-hip-mild"]).sessions
    used = {key for s in sessions for key in s.exercises}
    assert "pigeon_pose" not in used
    side_lying = {s.phase for s in sessions if "side_lying_hip_abduction" in s.exercises}
    assert side_lying == {3}  # deferred, not dropped
    free = {key for s in _plan(PROFILES["no-pain"]).sessions for key in s.exercises}
    assert {"side_lying_hip_abduction", "pigeon_pose"} <= free


def test_groin_pain_leaves_out_pigeon_but_keeps_copenhagen() -> None:
    used = {key for s in _plan(PROFILES["groin-moderate"]).sessions for key in s.exercises}
    assert "pigeon_pose" not in used
    assert "copenhagen_adductor" in used


@pytest.mark.parametrize("site", ["hip-lateral", "hip-front", "buttock", "knee"])
def test_every_deferred_exercise_appears_in_the_late_phase(site: str) -> None:
    library = bundled_library()
    sessions = _plan(PainProfile(site, 2, "stable")).sessions
    early_templates = {
        key
        for number in (1, 2)
        for key in (*library.phase(number).a, *library.phase(number).b)
        if site in library.exercises[key].avoid_early_with
    }
    late = {key for s in sessions if s.phase == 3 for key in s.exercises}
    early = {key for s in sessions if s.phase < 3 for key in s.exercises}
    assert early_templates <= late
    assert not early_templates & early


def test_buttock_pain_keeps_pigeon_out_and_single_leg_rdl_late() -> None:
    sessions = _plan(PainProfile("buttock", 3, "stable")).sessions
    assert not any("pigeon_pose" in s.exercises for s in sessions)
    assert {s.phase for s in sessions if "single_leg_rdl" in s.exercises} == {3}


def test_severe_pain_asks_for_a_clinician_check_first() -> None:
    plan = _plan(PROFILES["buttock-severe"])
    assert any("check with a clinician" in note for note in plan.notes)
    assert plan.phase_weeks == (4, 5, 3)


def test_red_flags_give_a_referral_instead_of_a_plan() -> None:
    pain = PainProfile("hip-front", 3, "stable", red_flags=("pain_on_hopping", "night_rest_pain"))
    outcome = generate_plan(bundled_library(), MONDAY, pain, RUNNER_WEEK, 3)
    assert isinstance(outcome, Referral)
    assert outcome.reasons == ("you had pain at night or at rest", "it hurt to hop on that leg")
    assert "see a clinician" in outcome.advice


def test_sessions_land_on_rest_days_when_there_are_enough() -> None:
    assert session_weekdays(RUNNER_WEEK, 2) == (0, 4)
    busy = WeekSchedule(run_days=frozenset(range(6)), hard_days=frozenset({2, 5}))
    days = session_weekdays(busy, 3)
    assert not set(days) & busy.hard_days
    assert 6 in days  # the only rest day is taken first


def test_a_week_with_one_free_day_gets_one_session_and_says_so() -> None:
    packed = WeekSchedule(run_days=frozenset(range(7)), hard_days=frozenset({0, 1, 2, 3, 4, 5}))
    plan = _plan(PainProfile(), 3)
    packed_plan = generate_plan(bundled_library(), MONDAY, PainProfile(), packed, 3)
    assert isinstance(packed_plan, StrengthPlan)
    assert packed_plan.weekdays == (6,)
    assert len(packed_plan.sessions) == 12 < len(plan.sessions)
    assert any("Only 1 free day" in note for note in packed_plan.notes)


def test_a_mid_week_start_skips_the_days_already_gone() -> None:
    thursday = MONDAY + timedelta(days=3)
    plan = _plan(PainProfile(), 3, start=thursday)
    assert plan.sessions[0].date >= thursday
    assert plan.sessions[0].week == 1
    assert len(plan.sessions) == 12 * 3 - 2  # Mon and Tue of week 1 are gone


def test_sessions_per_week_outside_two_to_three_is_refused() -> None:
    with pytest.raises(ValueError, match="sessions_per_week"):
        generate_plan(bundled_library(), MONDAY, PainProfile(), RUNNER_WEEK, 5)
