"""Adherence: planned sessions done, per plan week and overall.

Counts a planned session once, in the week it was planned for, even when done late; extra
sessions never push a week above 100 %. Weeks that have not started are left out, and the
current week counts only the sessions dated up to today. Reported because adherence, not the
programme on paper, limited the one runner trial (Toresdahl 2020: about 2 of 3 sessions a week).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from training.strength.plan import PlannedSession


@dataclass(frozen=True)
class WeekAdherence:
    """Sessions planned so far and done in one plan week."""

    week: int
    planned: int
    done: int

    @property
    def fraction(self) -> float:
        """Done over planned, 0-1."""
        return self.done / self.planned if self.planned else 0.0


@dataclass(frozen=True)
class Adherence:
    """Per-week rows and the overall fraction across them."""

    weeks: tuple[WeekAdherence, ...]

    @property
    def planned(self) -> int:
        """Sessions due so far."""
        return sum(w.planned for w in self.weeks)

    @property
    def done(self) -> int:
        """Due sessions done."""
        return sum(w.done for w in self.weeks)

    @property
    def fraction(self) -> float:
        """Overall done over due, 0-1 (0 before any session was due)."""
        return self.done / self.planned if self.planned else 0.0


def adherence(sessions: Sequence[PlannedSession], done: Iterable[int], today: date) -> Adherence:
    """Adherence of a plan up to `today` from the numbers of the sessions marked done."""
    done_set = set(done)
    rows: dict[int, list[int]] = {}
    for session in sessions:
        if session.date > today:
            continue
        counts = rows.setdefault(session.week, [0, 0])
        counts[0] += 1
        counts[1] += session.number in done_set
    return Adherence(tuple(WeekAdherence(w, p, d) for w, (p, d) in sorted(rows.items())))
