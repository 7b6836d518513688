"""The one shape every coach rule returns, so the app, CLI and planner can show any warning."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["info", "caution", "high", "urgent"]
SEVERITIES: tuple[Severity, ...] = ("info", "caution", "high", "urgent")
RED_FLAG_PREFIX = "red_flag"

Number = float | int | str | None


@dataclass(frozen=True, eq=True)
class Warning:  # the product's word for it; shadows the builtin, never raised
    """A rule that fired: what was seen (numbers), what it means, what to do, and the source."""

    id: str
    severity: Severity
    message: str
    numbers: Mapping[str, Number] = field(default_factory=dict)
    action: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {self.severity!r}")

    @property
    def rank(self) -> int:
        """0 (info) to 3 (urgent), for sorting the most serious first."""
        return SEVERITIES.index(self.severity)

    @property
    def is_red_flag(self) -> bool:
        """Red flags override every other advice with 'stop running and see a clinician'."""
        return self.id.startswith(RED_FLAG_PREFIX)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape used by `stridewise today --json`."""
        return {
            "id": self.id,
            "severity": self.severity,
            "message": self.message,
            "numbers": dict(self.numbers),
            "source": self.source,
        }


def most_serious_first(warnings: Iterable[Warning]) -> list[Warning]:
    """Sort by severity (urgent first), keeping each rule's own order within a severity."""
    return sorted(warnings, key=lambda w: -w.rank)
