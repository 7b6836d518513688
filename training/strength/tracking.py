"""The plan adapts to what was logged: replay sessions through the rules to today's doses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from training.coach.pain_rules import rising_trend
from training.strength.library import Exercise, Level, Library
from training.strength.pain import Morning, weekly_means
from training.strength.plan import PlannedSession
from training.strength.progression import ExerciseLog, ExerciseState, Step, decide


@dataclass(frozen=True)
class SessionLog:
    """A session the runner marked done, with the next-morning response when known."""

    number: int
    done_on: date
    week: int
    exercises: tuple[ExerciseLog, ...]
    morning: Morning = field(default_factory=Morning)

    @property
    def max_pain(self) -> int:
        """The worst exercise pain of the session (0 when nothing was logged)."""
        return max((log.pain for log in self.exercises), default=0)


@dataclass(frozen=True)
class Progress:
    """Where every exercise stands after the logs, and the last decision for each."""

    states: dict[str, ExerciseState] = field(default_factory=dict)
    last_steps: dict[str, Step] = field(default_factory=dict)
    history: tuple[tuple[int, Step], ...] = ()

    def state(self, key: str) -> ExerciseState:
        """The state of an exercise; level 1 without load when never logged."""
        return self.states.get(key, ExerciseState(key))


@dataclass(frozen=True)
class Prescription:
    """One exercise of a session with the level and load to do today."""

    exercise: Exercise
    level: Level
    load_kg: float


def replay(library: Library, logs: Iterable[SessionLog]) -> Progress:
    """Apply the progression rules to each logged session in date order."""
    states: dict[str, ExerciseState] = {}
    last: dict[str, Step] = {}
    history: list[tuple[int, Step]] = []
    pain_by_week: dict[int, list[float]] = defaultdict(list)
    for session in sorted(logs, key=lambda s: (s.done_on, s.number)):
        pain_by_week[session.week].append(float(session.max_pain))
        weekly = weekly_means(pain_by_week, range(1, session.week + 1))
        pain_rising = rising_trend(weekly)
        for log in session.exercises:
            exercise = library.exercises.get(log.key)
            if exercise is None:
                continue
            current = states.get(log.key, ExerciseState(log.key))
            step = decide(exercise, current, log, session.morning, pain_rising=pain_rising)
            states[log.key] = step.after
            last[log.key] = step
            history.append((session.number, step))
    return Progress(states, last, tuple(history))


def prescribe(library: Library, session: PlannedSession, progress: Progress) -> list[Prescription]:
    """The exercises of a planned session at the levels and loads the logs have earned."""
    out = []
    for key in session.exercises:
        exercise = library.exercises[key]
        state = progress.state(key)
        out.append(Prescription(exercise, exercise.level(state.level), state.load_kg))
    return out


def next_session(
    sessions: Sequence[PlannedSession], done: Iterable[int], today: date
) -> PlannedSession | None:
    """The first session not yet done that is dated today or later (None when the plan is over)."""
    done_set = set(done)
    return next((s for s in sessions if s.number not in done_set and s.date >= today), None)
