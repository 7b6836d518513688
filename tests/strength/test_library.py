"""The exercise library is data: every exercise the plan needs, complete and consistent."""

from __future__ import annotations

import pytest

from pipelines.strength.library import bundled_library
from training.strength.library import parse_library

ISSUE_EXERCISES = [
    "Clamshell",
    "Glute bridge",
    "Single-leg bridge",
    "Side-lying hip abduction",
    "Isometric hip abduction",
    "Side plank",
    "Hip thrust",
    "Single-leg squat to box",
    "Step-up / lateral step-up",
    "Single-leg Romanian deadlift",
    "Copenhagen adductor",
    "Monster walk",
    "Hip-flexor stretch",
    "Pigeon pose",
]


def test_every_exercise_of_the_issue_is_described_in_full() -> None:
    library = bundled_library()
    by_name = {exercise.name: exercise for exercise in library.exercises.values()}
    assert sorted(by_name) == sorted(ISSUE_EXERCISES)
    for exercise in by_name.values():
        assert exercise.muscles and exercise.cautions and exercise.source
        assert 2 <= len(exercise.steps) <= 4
        for level in exercise.levels:
            assert level.sets >= 1 and (level.reps or level.hold_s)
            assert level.dose_text()


def test_copenhagen_has_the_three_levels_of_haroy_2019() -> None:
    levels = bundled_library().exercises["copenhagen_adductor"].levels
    assert [lv.name.split(":")[0] for lv in levels] == ["Level 1", "Level 2", "Level 3"]


def test_lateral_hip_cautions_are_encoded_as_data() -> None:
    exercises = bundled_library().exercises
    assert "hip-lateral" in exercises["side_lying_hip_abduction"].avoid_early_with
    assert {"hip-lateral", "hip-front"} <= exercises["pigeon_pose"].avoid_with


def test_buttock_pain_holds_back_deep_hip_flexion_under_load() -> None:
    exercises = bundled_library().exercises
    assert "buttock" in exercises["pigeon_pose"].avoid_with
    assert "buttock" in exercises["single_leg_rdl"].avoid_early_with
    assert "Goom" in exercises["single_leg_rdl"].source


def test_every_rep_target_stays_in_the_acsm_range_the_plan_cites() -> None:
    for exercise in bundled_library().exercises.values():
        for level in exercise.levels:
            assert level.reps is None or (level.reps[0] >= 8 and level.reps[1] <= 12), exercise.key


@pytest.mark.parametrize("key", ["clamshell", "side_plank", "side_lying_hip_abduction"])
def test_side_lying_cautions_cover_the_turn_on_the_sore_hip(key: str) -> None:
    exercise = bundled_library().exercises[key]
    assert all(level.per_side for level in exercise.levels)
    text = " ".join(exercise.cautions)
    assert "sore hip" in text
    assert "side that does not hurt" not in text and "start on the other side" not in text


def test_dose_text_and_timing() -> None:
    clamshell = bundled_library().exercises["clamshell"].level(2)
    assert clamshell.dose_text() == "3 × 8-12 reps each side"
    assert clamshell.seconds() == 3 * (2 * 12 * 3 + 45)
    plank = bundled_library().exercises["side_plank"].level(99)
    assert plank.dose_text() == "3 × 20-40 s hold each side"


BASE = """
[[phase]]
number = {n}
name = "P"
focus = "f"
A = ["x"]
B = ["x"]
reserve = []
"""
EXERCISE = """
[[exercise]]
key = "x"
name = "X"
kind = "{kind}"
muscles = ["m"]
steps = ["s"]
cautions = ["c"]
source = "src"
avoid_with = []
avoid_early_with = []
[[exercise.level]]
name = "L1"
sets = 2
{dose}
per_side = false
loaded = false
cue = "c"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            BASE.format(n=1)
            + BASE.format(n=3)
            + BASE.format(n=2)
            + EXERCISE.format(kind="strength", dose="reps = [8, 12]"),
            "numbered",
            id="phase-order",
        ),
        pytest.param(
            "".join(BASE.format(n=n) for n in (1, 2, 3))
            + EXERCISE.format(kind="cardio", dose="reps = [8, 12]"),
            "kind",
            id="unknown-kind",
        ),
        pytest.param(
            "".join(BASE.format(n=n) for n in (1, 2, 3))
            + EXERCISE.format(kind="strength", dose="reps = [8, 12]\nhold_s = [5, 9]"),
            "exactly one",
            id="reps-and-hold",
        ),
        pytest.param(
            "".join(BASE.format(n=n) for n in (1, 2, 3))
            + EXERCISE.format(kind="strength", dose="reps = [12, 8]"),
            "low <= high",
            id="inverted-range",
        ),
        pytest.param(
            "".join(BASE.format(n=n) for n in (1, 2, 3))
            + EXERCISE.format(kind="strength", dose="reps = [10, 15]"),
            "within 8-12",
            id="reps-outside-acsm-range",
        ),
        pytest.param(
            "".join(BASE.format(n=n) for n in (1, 2, 3)).replace('A = ["x"]', 'A = ["y"]', 1)
            + EXERCISE.format(kind="strength", dose="reps = [8, 12]"),
            "unknown exercise",
            id="unknown-key",
        ),
    ],
)
def test_inconsistent_library_text_is_rejected(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_library(text)
