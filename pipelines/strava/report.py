"""The outcome of one sync, for the CLI line, the run log and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class SyncReport:
    """What one sync did, for the CLI line, the run log and the tests."""

    athlete_id: int
    mode: str
    pages: int = 0
    requests: int = 0
    fetched: int = 0
    upserted: int = 0
    deleted: int = 0
    pruned: int = 0
    details: int = 0
    streams: int = 0
    streams_missing: int = 0
    streams_left: int = 0
    hr_max_seeded: int | None = None
    recomputed_since: date | None = None
    seconds: float = 0.0
    affected: list[date] = field(default_factory=list, repr=False)

    def touch(self, day: date | None) -> None:
        """Remember a day whose derived metrics must be rebuilt."""
        if day is not None:
            self.affected.append(day)


def summary(report: SyncReport) -> str:
    """One line a runner understands."""
    parts = [f"{report.fetched} activities checked", f"{report.upserted} new or changed"]
    if report.deleted:
        parts.append(f"{report.deleted} deleted on Strava removed")
    if report.pruned:
        parts.append(f"{report.pruned} older than your retention setting pruned")
    if report.details:
        parts.append(f"{report.details} runs' details read")
    if report.streams or report.streams_missing:
        parts.append(f"heart-rate streams read for {report.streams} activities")
    if report.streams_missing:
        parts.append(f"{report.streams_missing} had no heart-rate stream on Strava")
    if report.streams_left:
        parts.append(
            f"{report.streams_left} heart-rate streams left for the next sync (rate budget)"
        )
    if report.hr_max_seeded:
        parts.append(f"max HR set to {report.hr_max_seeded} bpm from your Strava zones")
    return ", ".join(parts) + f" ({report.requests} requests, {report.seconds:.1f} s)"
