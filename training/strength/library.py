"""The exercise library: typed records parsed from the TOML text shipped beside this module."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

KINDS = ("isometric", "strength", "mobility")
SECONDS_PER_REP = 3  # 1 s up, 2 s down: the slow tempo the steps ask for
REST_BETWEEN_SETS_S = 45  # short rests suit low-load endurance and novice strength sets
REP_RANGE = (8, 12)  # novice loads of 8-12 RM; ACSM position stand (Ratamess et al. 2009)


@dataclass(frozen=True)
class Level:
    """One rung of an exercise: its dose and what changes compared with the rung below."""

    number: int
    name: str
    sets: int
    reps: tuple[int, int] | None
    hold_s: tuple[int, int] | None
    per_side: bool
    loaded: bool
    cue: str

    @property
    def top(self) -> int:
        """The top of the rep or hold range: reaching it on every set earns progression."""
        low_high = self.reps or self.hold_s
        assert low_high is not None
        return low_high[1]

    @property
    def unit(self) -> str:
        """'reps' or 's' for display."""
        return "reps" if self.reps else "s"

    def dose_text(self) -> str:
        """E.g. '3 × 8-12 reps each side' or '4 × 30-45 s hold'."""
        low, high = self.reps or self.hold_s or (0, 0)
        what = "reps" if self.reps else "s hold"
        side = " each side" if self.per_side else ""
        return f"{self.sets} × {low}-{high} {what}{side}"

    def seconds(self) -> int:
        """Time the level takes at the top of its range, rests included."""
        work = self.reps[1] * SECONDS_PER_REP if self.reps else (self.hold_s or (0, 0))[1]
        sides = 2 if self.per_side else 1
        return self.sets * (sides * work + REST_BETWEEN_SETS_S)


@dataclass(frozen=True)
class Exercise:
    """One exercise with its levels (easiest first), cautions and evidence source."""

    key: str
    name: str
    kind: str
    muscles: tuple[str, ...]
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    source: str
    avoid_with: frozenset[str]
    avoid_early_with: frozenset[str]
    levels: tuple[Level, ...]

    def level(self, number: int) -> Level:
        """The level by its 1-based number, clamped to the levels that exist."""
        return self.levels[min(max(number, 1), len(self.levels)) - 1]


@dataclass(frozen=True)
class Phase:
    """A block of the 12-week plan with its two alternating session templates."""

    number: int
    name: str
    focus: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    reserve: tuple[str, ...]


@dataclass(frozen=True)
class Library:
    """All exercises by key, and the three phases in order."""

    exercises: dict[str, Exercise]
    phases: tuple[Phase, ...]

    def phase(self, number: int) -> Phase:
        """The phase by its number (1-3)."""
        return self.phases[number - 1]


def _pair(value: Any, where: str) -> tuple[int, int] | None:
    if value is None:
        return None
    low, high = (int(v) for v in value)
    if not 0 < low <= high:
        raise ValueError(f"{where}: range must be 0 < low <= high, got {value}")
    return low, high


def _level(number: int, raw: dict[str, Any], where: str) -> Level:
    reps, hold = _pair(raw.get("reps"), where), _pair(raw.get("hold_s"), where)
    if (reps is None) == (hold is None):
        raise ValueError(f"{where}: give exactly one of reps or hold_s")
    if reps is not None and not REP_RANGE[0] <= reps[0] <= reps[1] <= REP_RANGE[1]:
        raise ValueError(f"{where}: reps must stay within {REP_RANGE[0]}-{REP_RANGE[1]}")
    return Level(
        number,
        str(raw["name"]),
        int(raw["sets"]),
        reps,
        hold,
        bool(raw["per_side"]),
        bool(raw["loaded"]),
        str(raw["cue"]),
    )


def _exercise(raw: dict[str, Any]) -> Exercise:
    key = str(raw["key"])
    if raw["kind"] not in KINDS:
        raise ValueError(f"{key}: kind must be one of {KINDS}")
    levels = tuple(
        _level(i, level, f"{key} level {i}") for i, level in enumerate(raw["level"], start=1)
    )
    if not levels:
        raise ValueError(f"{key}: needs at least one level")
    return Exercise(
        key=key,
        name=str(raw["name"]),
        kind=str(raw["kind"]),
        muscles=tuple(raw["muscles"]),
        steps=tuple(raw["steps"]),
        cautions=tuple(raw["cautions"]),
        source=str(raw["source"]),
        avoid_with=frozenset(raw["avoid_with"]),
        avoid_early_with=frozenset(raw["avoid_early_with"]),
        levels=levels,
    )


def parse_library(text: str) -> Library:
    """Parse and check the library text; ValueError names the first inconsistency."""
    raw = tomllib.loads(text)
    exercises = {ex.key: ex for ex in (_exercise(item) for item in raw["exercise"])}
    phases = tuple(
        Phase(
            int(p["number"]),
            str(p["name"]),
            str(p["focus"]),
            tuple(p["A"]),
            tuple(p["B"]),
            tuple(p["reserve"]),
        )
        for p in raw["phase"]
    )
    if [p.number for p in phases] != [1, 2, 3]:
        raise ValueError("phases must be numbered 1, 2, 3 in order")
    for phase in phases:
        for key in (*phase.a, *phase.b, *phase.reserve):
            if key not in exercises:
                raise ValueError(f"phase {phase.number} names unknown exercise {key!r}")
    return Library(exercises, phases)
