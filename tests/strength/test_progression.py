"""Progress, hold and regress at the rule boundaries (pain 3/4/5/6, top of range, load steps)."""

from __future__ import annotations

import math

import pytest

from pipelines.strength.library import bundled_library
from training.coach.pain_rules import rising_trend as rising
from training.strength.pain import Light, Morning, light, trend
from training.strength.progression import (
    Action,
    ExerciseLog,
    ExerciseState,
    decide,
    increase_load,
)

SETTLED = Morning(settled=True, pain=1)
LIB = bundled_library()
CLAMSHELL = LIB.exercises["clamshell"]  # level 1: 3 × 8-12 reps, three levels, unloaded
HIP_THRUST = LIB.exercises["hip_thrust"]  # level 2 (top): 3 × 8-12 reps, loaded


def _clam(reps: int = 12, pain: int = 0, sets: int = 3, level: int = 1) -> ExerciseLog:
    return ExerciseLog("clamshell", level, sets, reps, 0.0, pain)


@pytest.mark.parametrize(
    ("pain", "morning", "expected"),
    [
        pytest.param(3, SETTLED, Light.GREEN, id="3-settled-green"),
        pytest.param(4, SETTLED, Light.AMBER, id="4-amber"),
        pytest.param(5, SETTLED, Light.AMBER, id="5-amber"),
        pytest.param(6, SETTLED, Light.RED, id="6-red"),
        pytest.param(0, Morning(settled=False, pain=5), Light.AMBER, id="not-settled-amber"),
        pytest.param(0, Morning(settled=False, pain=6), Light.RED, id="morning-6-red"),
        pytest.param(2, Morning(), Light.PENDING, id="morning-unknown"),
    ],
)
def test_traffic_light_boundaries(pain: int, morning: Morning, expected: Light) -> None:
    assert light(pain, morning)[0] is expected


def test_green_and_top_of_range_moves_to_the_next_level() -> None:
    step = decide(CLAMSHELL, ExerciseState("clamshell"), _clam(reps=12, pain=3), SETTLED)
    assert step.action is Action.PROGRESS
    assert step.after == ExerciseState("clamshell", level=2)
    assert "Clamshell with a light band" in step.reason and "3/10" in step.reason


@pytest.mark.parametrize(
    ("log", "why"),
    [
        pytest.param(_clam(reps=11), "3 × 12 reps", id="one-rep-short"),
        pytest.param(_clam(sets=2), "3 × 12 reps", id="one-set-short"),
        pytest.param(_clam(pain=4), "4/10", id="pain-4"),
    ],
)
def test_holds_below_the_top_of_the_range_or_at_amber_pain(log: ExerciseLog, why: str) -> None:
    step = decide(CLAMSHELL, ExerciseState("clamshell"), log, SETTLED)
    assert step.action is Action.HOLD
    assert step.after == step.before
    assert why in step.reason


def test_no_progress_until_the_next_morning_is_known() -> None:
    step = decide(CLAMSHELL, ExerciseState("clamshell"), _clam(), Morning())
    assert (step.action, step.light) == (Action.HOLD, Light.PENDING)
    assert "next morning" in step.reason


def test_red_pain_goes_back_one_level() -> None:
    step = decide(CLAMSHELL, ExerciseState("clamshell", 3), _clam(level=3, pain=6), SETTLED)
    assert step.action is Action.REGRESS
    assert step.after.level == 2
    assert "6/10" in step.reason


def test_red_on_the_first_level_keeps_the_level_and_says_how_to_ease_off() -> None:
    step = decide(CLAMSHELL, ExerciseState("clamshell"), _clam(pain=7), SETTLED)
    assert step.action is Action.REGRESS
    assert step.after.level == 1
    assert "fewer sets" in step.reason


def test_rising_pain_two_weeks_running_regresses_even_when_today_was_easy() -> None:
    step = decide(
        CLAMSHELL, ExerciseState("clamshell", 2), _clam(level=2, pain=1), SETTLED, pain_rising=True
    )
    assert step.action is Action.REGRESS
    assert step.after.level == 1
    assert "two weeks running" in step.reason


def test_loaded_top_level_adds_acsm_load() -> None:
    log = ExerciseLog("hip_thrust", 2, 3, 12, 20.0, 2)
    step = decide(HIP_THRUST, ExerciseState("hip_thrust", 2, 20.0), log, SETTLED)
    assert step.action is Action.PROGRESS
    assert step.after.load_kg == 21.0
    assert "20 kg → 21 kg" in step.reason


def test_loaded_top_level_red_drops_load_by_ten_percent() -> None:
    log = ExerciseLog("hip_thrust", 2, 3, 10, 20.0, 6)
    step = decide(HIP_THRUST, ExerciseState("hip_thrust", 2, 20.0), log, SETTLED)
    assert (step.action, step.after.level, step.after.load_kg) == (Action.REGRESS, 2, 18.0)


def test_loaded_level_without_a_weight_asks_for_one() -> None:
    log = ExerciseLog("hip_thrust", 2, 3, 12, 0.0, 0)
    step = decide(HIP_THRUST, ExerciseState("hip_thrust", 2), log, SETTLED)
    assert step.action is Action.PROGRESS
    assert "add a weight you can lift 12 times" in step.reason


def test_unloaded_top_level_is_maintained() -> None:
    step = decide(CLAMSHELL, ExerciseState("clamshell", 3), _clam(level=3, sets=3), SETTLED)
    assert step.action is Action.MAINTAIN


@pytest.mark.parametrize(
    ("load", "expected"),
    [
        pytest.param(20.0, 21.0, id="rounds-to-half-kg"),
        pytest.param(50.0, 52.5, id="exact-5pct"),
        pytest.param(4.0, 4.2, id="half-kg-would-be-0pct"),
        pytest.param(6.0, 6.5, id="half-kg-step-is-8pct"),
        pytest.param(3.0, 3.2, id="half-kg-step-would-be-17pct"),
        pytest.param(100.0, 105.0, id="heavy"),
    ],
)
def test_load_increase_stays_within_acsm_2_to_10_percent(load: float, expected: float) -> None:
    new = increase_load(load)
    assert new == pytest.approx(expected)
    assert 1.02 * load <= new + 1e-9 and new <= 1.10 * load + 1e-9


def test_trend_needs_two_rises_in_a_row_without_gaps() -> None:
    assert rising([1.0, 2.0, 3.0])
    assert not rising([1.0, 2.0, 2.0])
    assert not rising([1.0, math.nan, 3.0])
    assert not rising([2.0, 3.0])
    assert not rising([1.0, 1.5, 2.0])  # small drifts are not a rising trend (Farrar 2001)
    assert trend([3.0, 2.0]) == "settling"
    assert trend([1.0, 2.0, 3.0]) == "rising"
    assert trend([2.0, 2.0]) == "stable"
