"""Per-exercise progression: progress, hold or regress one step from what was logged.

Progress follows the ACSM resistance-training position stand (Ratamess et al. 2009): once the
top of the rep or hold range is reached on every set, move to the next level or add 2-10 % load.
It is allowed only when the pain light is green (docs/science.md#progression); amber holds,
red regresses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from training.strength.library import Exercise
from training.strength.pain import Light, Morning, light

LOAD_STEP = 0.05  # +5 %: the middle of ACSM's 2-10 % load increase; Ratamess 2009
LOAD_STEP_MIN = 0.02  # ACSM lower bound of a load increase; Ratamess 2009
LOAD_STEP_MAX = 0.10  # ACSM upper bound of a load increase; Ratamess 2009
LOAD_ROUNDING_KG = 0.5  # smallest plate/dumbbell step most home kits have
REGRESS_LOAD_FACTOR = 0.9  # red light on the first level of a loaded exercise: drop load by 10 %


class Action(StrEnum):
    """What the next session does with an exercise."""

    PROGRESS = "progress"
    HOLD = "hold"
    REGRESS = "regress"
    MAINTAIN = "maintain"  # top level reached and no load to add


@dataclass(frozen=True)
class ExerciseState:
    """Where an exercise stands: its level and the external load in kg (0 = body weight)."""

    key: str
    level: int = 1
    load_kg: float = 0.0


@dataclass(frozen=True)
class ExerciseLog:
    """What the runner did: sets completed, reps (or hold seconds) per set, load and pain 0-10."""

    key: str
    level: int
    sets: int
    reps: int
    load_kg: float
    pain: int


@dataclass(frozen=True)
class Step:
    """One decision with the state before and after and the reason a runner can read."""

    key: str
    action: Action
    light: Light
    before: ExerciseState
    after: ExerciseState
    reason: str


def increase_load(load_kg: float) -> float:
    """Load +5 %, rounded to a 0.5 kg step when that keeps the increase within ACSM's 2-10 %."""
    exact = load_kg * (1 + LOAD_STEP)
    rounded = round(exact / LOAD_ROUNDING_KG) * LOAD_ROUNDING_KG
    if load_kg * (1 + LOAD_STEP_MIN) <= rounded <= load_kg * (1 + LOAD_STEP_MAX):
        return rounded
    return round(exact, 1)


def reached_top(exercise: Exercise, log: ExerciseLog) -> bool:
    """True when every prescribed set reached the top of the level's range."""
    level = exercise.level(log.level)
    return log.sets >= level.sets and log.reps >= level.top


def _progress(exercise: Exercise, state: ExerciseState) -> tuple[Action, ExerciseState, str]:
    if state.level < len(exercise.levels):
        nxt = exercise.level(state.level + 1)
        return (
            Action.PROGRESS,
            replace(state, level=state.level + 1, load_kg=0.0),
            (f"next level: {nxt.name}, {nxt.dose_text()}"),
        )
    level = exercise.level(state.level)
    if level.loaded and state.load_kg > 0:
        new_load = increase_load(state.load_kg)
        return (
            Action.PROGRESS,
            replace(state, load_kg=new_load),
            (f"add load: {state.load_kg:g} kg → {new_load:g} kg (ACSM +2-10 %)"),
        )
    if level.loaded:
        return (
            Action.PROGRESS,
            state,
            (f"add a weight you can lift {level.top} times with two repetitions to spare"),
        )
    return Action.MAINTAIN, state, "top level reached: keep this dose"


def _regress(exercise: Exercise, state: ExerciseState) -> tuple[ExerciseState, str]:
    if state.load_kg > 0:
        new_load = round(state.load_kg * REGRESS_LOAD_FACTOR, 1)
        return replace(state, load_kg=new_load), f"reduce load to {new_load:g} kg"
    if state.level > 1:
        back = exercise.level(state.level - 1)
        return replace(state, level=state.level - 1), f"back to {back.name}"
    return state, "easiest level already: do fewer sets and a smaller, pain-free range"


def decide(
    exercise: Exercise,
    state: ExerciseState,
    log: ExerciseLog,
    morning: Morning,
    *,
    pain_rising: bool = False,
) -> Step:
    """The next step for one exercise after one logged session."""
    state = replace(state, level=log.level, load_kg=log.load_kg)
    colour, why = light(log.pain, morning)
    if pain_rising:
        colour, why = Light.RED, "pain has risen two weeks running"
    if colour is Light.RED:
        after, what = _regress(exercise, state)
        return Step(exercise.key, Action.REGRESS, colour, state, after, f"{what}: {why}")
    if colour is not Light.GREEN:
        return Step(exercise.key, Action.HOLD, colour, state, state, f"repeat this dose: {why}")
    if not reached_top(exercise, log):
        level = exercise.level(log.level)
        return Step(
            exercise.key,
            Action.HOLD,
            colour,
            state,
            state,
            f"repeat until you manage {level.sets} × {level.top} {level.unit}: {why}",
        )
    action, after, what = _progress(exercise, state)
    return Step(exercise.key, action, colour, state, after, f"{what}: {why}")
