"""What an import reads and what it reports: plain frozen records shared by the parsers."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pipelines.errors import StridewiseError
from training.vocabulary import STRAVA_EXPORT

Progress = Callable[[int, int, str], None]  # (files done, files in all, what is being read)


def quiet(done: int, total: int, label: str) -> None:
    """The default progress callback: say nothing."""


class UnreadableFile(StridewiseError, ValueError):
    """An activity file that is corrupt or in a format we cannot read; it is skipped, not fatal."""


class UnreadableExport(StridewiseError, ValueError):
    """The export as a whole cannot be read (bad ZIP, broken activities.csv): write nothing."""


@dataclass(frozen=True)
class ActivityFile:
    """What one FIT/GPX/TCX file tells us: UTC start, the device's UTC offset, totals, HR time."""

    start_utc: datetime  # naive, UTC
    utc_offset_s: int | None  # None when the file does not say what local time it was
    sport_type: str | None
    name: str | None = None
    elapsed_time_s: float | None = None
    moving_time_s: float | None = None
    distance_m: float | None = None
    elevation_gain_m: float | None = None
    average_heartrate: float | None = None
    max_heartrate: float | None = None
    hr_histogram: dict[int, float] = field(default_factory=dict)  # seconds spent at each bpm


@dataclass(frozen=True)
class Fingerprint:
    """Size and CRC-32 of a file's bytes as stored (what a ZIP's directory lists per member)."""

    size_bytes: int
    crc32: int

    @classmethod
    def of(cls, data: bytes) -> Fingerprint:
        """The fingerprint of bytes at hand (a file in a folder, an uploaded file)."""
        return cls(len(data), zlib.crc32(data))


@dataclass(frozen=True)
class ReadFile:
    """One file read during an import, remembered with its rows (pipelines.imports.memo)."""

    activity_id: int
    file_name: str
    fingerprint: Fingerprint
    result: ActivityFile | str  # what the file said, or why it could not be read


@dataclass(frozen=True)
class ImportedActivity:
    """One activity ready to store, before its local time is fixed from the profile time zone."""

    id: int
    source: str
    name: str | None
    sport_type: str
    start_utc: datetime
    utc_offset_s: int | None
    distance_m: float | None
    moving_time_s: float | None
    elapsed_time_s: float | None
    elevation_gain_m: float | None
    average_heartrate: float | None
    max_heartrate: float | None
    perceived_exertion: float | None
    hr_histogram: dict[int, float]
    raw: dict[str, Any]


@dataclass(frozen=True)
class Skipped:
    """Something the import left out, and why, so the runner can fix or ignore it."""

    item: str
    reason: str


@dataclass(frozen=True)
class ParsedImport:
    """Everything read from the files, before anything touches the database."""

    activities: list[ImportedActivity]
    skipped: list[Skipped]
    athlete_id: int | None = None  # the Strava athlete id from profile.csv, when present
    athlete_name: str | None = None
    athlete_sex: str | None = None
    source_kind: str = STRAVA_EXPORT
    read: list[ReadFile] = field(default_factory=list)  # files read (decoded) this time
    unchanged: int = 0  # files not read again: the memo held them unchanged


@dataclass(frozen=True)
class ImportReport:
    """What an import did: counts, the date range it touched, and what it skipped."""

    athlete_id: int
    read: int
    added: int
    updated: int
    unchanged: int
    skipped: list[Skipped]
    timezone: str
    first_date: datetime | None
    last_date: datetime | None
    with_heart_rate: int
    files_read: int = 0
    files_unchanged: int = 0
