"""Single activity files (a watch's .fit, a .gpx from another app): each is its own activity.

A loose file has no Strava id, so it gets a stable negative id from its content. Files are
taken one at a time, so a folder of thousands never sits in memory at once, and one the memo
holds unchanged is not decoded again.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath

from pipelines.imports.files import content_id, is_activity_file, unpack
from pipelines.imports.memo import NO_MEMO, Memo
from pipelines.imports.models import (
    Fingerprint,
    ImportedActivity,
    ParsedImport,
    Progress,
    ReadFile,
    Skipped,
    UnreadableFile,
    quiet,
)
from pipelines.imports.parallel import Item, Result, parse_files
from pipelines.imports.sport_names import FALLBACK_SPORT

UNSUPPORTED = "unsupported file type (we read .fit, .gpx and .tcx, optionally .gz, and export ZIPs)"


@dataclass(frozen=True)
class _File:
    """A supported file, unpacked: who it is and how to tell it unchanged next time."""

    name: str  # as given
    plain: str  # without .gz
    activity_id: int
    sha256: str
    fingerprint: Fingerprint


def _activity(file: _File, found: Result) -> ImportedActivity | Skipped:
    if isinstance(found, str):
        return Skipped(file.plain, found)
    return ImportedActivity(
        id=file.activity_id, source="file",
        name=found.name or PurePath(file.plain).name.split(".")[0],
        sport_type=found.sport_type or FALLBACK_SPORT, start_utc=found.start_utc,
        utc_offset_s=found.utc_offset_s, distance_m=found.distance_m,
        moving_time_s=found.moving_time_s, elapsed_time_s=found.elapsed_time_s,
        elevation_gain_m=found.elevation_gain_m, average_heartrate=found.average_heartrate,
        max_heartrate=found.max_heartrate, perceived_exertion=None,
        hr_histogram=found.hr_histogram,
        raw={"file": PurePath(file.plain).name, "sha256": file.sha256},
    )  # fmt: skip


def read_loose_files(
    files: Iterable[tuple[str, bytes]],
    progress: Progress = quiet,
    total: int = 0,
    memo: Memo = NO_MEMO,
) -> ParsedImport:
    """Activities from single files; `total` (how many files) sizes the progress bar."""
    entries: list[_File | Skipped] = []
    results: dict[int, Result] = {}
    queued: deque[int] = deque()

    def to_read() -> Iterator[Item]:
        for name, data in files:
            try:
                if not is_activity_file(name):
                    raise UnreadableFile(UNSUPPORTED)
                _, content = unpack(name, data)
            except UnreadableFile as exc:
                entries.append(Skipped(name, str(exc)))
                continue
            plain = name[:-3] if name.lower().endswith(".gz") else name
            file = _File(name, plain, content_id(content), hashlib.sha256(content).hexdigest(),
                         Fingerprint.of(data))  # fmt: skip
            entries.append(file)
            earlier = memo.lookup(file.activity_id, name, file.fingerprint)
            if earlier is None:
                queued.append(len(entries) - 1)
                yield plain, content
            else:
                results[len(entries) - 1] = earlier

    progress(0, total, "")
    decoded: set[int] = set()
    for name, result in parse_files(to_read(), total):
        index = queued.popleft()
        results[index] = result
        decoded.add(index)
        progress(len(entries) - len(queued), max(total, len(entries)), name)
    progress(len(entries), max(total, len(entries)), "")
    activities: dict[int, ImportedActivity] = {}
    skipped: list[Skipped] = []
    read: list[ReadFile] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, Skipped):
            skipped.append(entry)
            continue
        if index in decoded:
            read.append(ReadFile(entry.activity_id, entry.name, entry.fingerprint, results[index]))
        found = _activity(entry, results[index])
        if isinstance(found, Skipped):
            skipped.append(found)
        else:
            activities.setdefault(found.id, found)
    return ParsedImport(
        activities=sorted(activities.values(), key=lambda a: a.start_utc), skipped=skipped,
        source_kind="file", read=read, unchanged=len(results) - len(decoded),
    )  # fmt: skip
