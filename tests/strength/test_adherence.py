"""Adherence maths and replaying logs: counting rules and the plan adapting to what was logged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pipelines.strength.library import bundled_library
from training.strength.adherence import adherence
from training.strength.pain import Light, Morning
from training.strength.plan import PlannedSession
from training.strength.progression import Action, ExerciseLog
from training.strength.tracking import SessionLog, next_session, prescribe, replay

MONDAY = date(2026, 11, 30)


def _sessions(weeks: int = 3, days: tuple[int, ...] = (0, 2, 4)) -> list[PlannedSession]:
    out = []
    for week in range(1, weeks + 1):
        for day in days:
            when = MONDAY + timedelta(days=7 * (week - 1) + day)
            out.append(PlannedSession(len(out) + 1, when, week, 1, "A", ("clamshell",)))
    return out


def test_nothing_due_before_the_first_session() -> None:
    result = adherence(_sessions(), [], MONDAY - timedelta(days=1))
    assert (result.planned, result.done, result.fraction, result.weeks) == (0, 0, 0.0, ())


def test_current_week_counts_only_sessions_dated_up_to_today() -> None:
    result = adherence(_sessions(), [1, 2], MONDAY + timedelta(days=2))  # Wednesday, week 1
    assert [(w.week, w.planned, w.done) for w in result.weeks] == [(1, 2, 2)]
    assert result.fraction == 1.0


@pytest.mark.parametrize(
    ("done", "expected_weeks", "overall"),
    [
        pytest.param([], [0.0, 0.0, 0.0], 0.0, id="none"),
        pytest.param([1, 2, 3, 4, 5, 6, 7, 8, 9], [1.0, 1.0, 1.0], 1.0, id="all"),
        pytest.param([1, 2, 4, 5, 7, 8], [2 / 3] * 3, 2 / 3, id="two-of-three"),
        pytest.param([1, 2, 3, 99], [1.0, 0.0, 0.0], 1 / 3, id="unplanned-extra-ignored"),
    ],
)
def test_weekly_and_overall_fractions(
    done: list[int], expected_weeks: list[float], overall: float
) -> None:
    result = adherence(_sessions(), done, MONDAY + timedelta(days=30))
    assert [w.fraction for w in result.weeks] == pytest.approx(expected_weeks)
    assert result.fraction == pytest.approx(overall)
    assert all(w.done <= w.planned for w in result.weeks)


def test_a_late_session_counts_in_its_planned_week() -> None:
    result = adherence(_sessions(), [3], MONDAY + timedelta(days=30))
    assert [w.done for w in result.weeks] == [1, 0, 0]


def _log(
    number: int, week: int, reps: int, pain: int, morning: Morning, level: int = 1
) -> SessionLog:
    when = MONDAY + timedelta(days=7 * (week - 1) + number % 7)
    return SessionLog(
        number, when, week, (ExerciseLog("clamshell", level, 3, reps, 0.0, pain),), morning
    )


def test_replay_progresses_then_holds_and_prescribes_the_earned_level() -> None:
    library = bundled_library()
    logs = [
        _log(1, 1, 10, 2, Morning(settled=True)),  # below the top: hold at level 1
        _log(2, 1, 12, 2, Morning(settled=True)),  # top reached, green: level 2
        _log(3, 1, 12, 4, Morning(settled=True), level=2),  # amber: hold at level 2
    ]
    progress = replay(library, logs)
    assert [step.action for _, step in progress.history] == [
        Action.HOLD,
        Action.PROGRESS,
        Action.HOLD,
    ]
    assert progress.state("clamshell").level == 2
    assert progress.last_steps["clamshell"].light is Light.AMBER
    session = _sessions()[3]
    [prescription] = prescribe(library, session, progress)
    assert prescription.level.name == "Clamshell with a light band above the knees"
    assert progress.state("side_plank").level == 1  # never logged: starts at level 1


def test_replay_regresses_when_weekly_pain_rises_two_weeks_running() -> None:
    logs = [
        _log(1, 1, 12, 1, Morning(settled=True)),
        _log(4, 2, 12, 2, Morning(settled=True), level=2),
        _log(7, 3, 12, 3, Morning(settled=True), level=2),
    ]
    progress = replay(bundled_library(), logs)
    last = progress.last_steps["clamshell"]
    assert last.action is Action.REGRESS and "two weeks running" in last.reason
    assert progress.state("clamshell").level == 1


def test_next_session_skips_done_and_past_sessions() -> None:
    sessions = _sessions()
    assert next_session(sessions, [1], MONDAY).number == 2
    assert next_session(sessions, [], MONDAY + timedelta(days=3)).number == 3
    assert next_session(sessions, [], MONDAY + timedelta(days=60)) is None
