"""Read a whole import (export or loose files) into memory; nothing here touches the database.

A corrupt or unsupported activity file is reported and skipped, and the row keeps the summary
numbers from activities.csv. A broken ZIP or an unreadable activities.csv raises
UnreadableExport before anything is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath
from typing import BinaryIO

from pipelines.errors import InvalidEntry
from pipelines.imports import sport_names
from pipelines.imports.activities_csv import ExportRow, read_activities_csv
from pipelines.imports.files import (
    content_id,
    is_activity_file,
    unpack,
)
from pipelines.imports.models import (
    ActivityFile,
    ImportedActivity,
    ParsedImport,
    Skipped,
    UnreadableExport,
    UnreadableFile,
)
from pipelines.imports.parallel import parse_files
from pipelines.imports.sources import CSV_NAME, ExportSource, open_export

Progress = Callable[[int, int, str], None]  # (done, total, what is being read)
FALLBACK_SPORT = "Workout"
KEPT = "the summary from activities.csv was kept"
UNSUPPORTED = "unsupported file type (we read .fit, .gpx and .tcx, optionally .gz, and export ZIPs)"
ALLOWED_PATHS = "one Strava export (ZIP or folder), or any number of .fit/.fit.gz/.gpx/.tcx files"


def _quiet(done: int, total: int, label: str) -> None:
    """The default progress callback: say nothing."""


def _athlete(source: ExportSource) -> tuple[int | None, str | None, str | None]:
    """(Strava athlete id, name, sex) from profile.csv: id, e-mail, first, last name, sex."""
    data = source.read_csv("profile.csv")
    if not data:
        return None, None, None
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig", errors="replace"))))
    if len(rows) < 2 or not rows[1] or not rows[1][0].strip().isdigit():
        return None, None, None
    cells = rows[1] + [""] * 5
    name = " ".join(part.strip() for part in cells[2:4] if part.strip()) or None
    sex = cells[4].strip().upper()[:1]
    return int(cells[0]), name, sex if sex in {"M", "F"} else None


def _merge(row: ExportRow, found: ActivityFile | None) -> ImportedActivity:
    start = row.start_utc or (found.start_utc if found else None)
    if start is None:
        raise ValueError(f"date {row.date_text!r} cannot be read and there is no activity file")
    sport = (
        row.sport_type
        or (found.sport_type if found else None)
        or sport_names.joined_words(row.display_type)
        or FALLBACK_SPORT
    )

    def pick(mine: float | None, theirs: str) -> float | None:
        return mine if mine is not None else (getattr(found, theirs) if found else None)

    return ImportedActivity(
        id=row.activity_id,
        source="strava_export",
        name=row.name,
        sport_type=sport,
        start_utc=start,
        utc_offset_s=found.utc_offset_s if found else None,
        distance_m=pick(row.distance_m, "distance_m"),
        moving_time_s=pick(row.moving_time_s, "moving_time_s"),
        elapsed_time_s=pick(row.elapsed_time_s, "elapsed_time_s"),
        elevation_gain_m=pick(row.elevation_gain_m, "elevation_gain_m"),
        average_heartrate=pick(row.average_heartrate, "average_heartrate"),
        max_heartrate=pick(row.max_heartrate, "max_heartrate"),
        perceived_exertion=row.perceived_exertion,
        hr_histogram=found.hr_histogram if found else {},
        raw={"activities_csv": row.raw, "file": row.filename},
    )


def read_export(
    target: str | os.PathLike[str] | BinaryIO, progress: Progress = _quiet
) -> ParsedImport:
    """Every activity of a Strava export (ZIP or folder), joined to its file through Filename."""
    with open_export(target) as source:
        data = source.read_csv(CSV_NAME)
        if data is None:
            raise UnreadableExport("the export has no activities.csv")
        table = read_activities_csv(data)
        athlete_id, name, sex = _athlete(source)
        skipped = list(table.skipped)
        files: list[tuple[str, bytes]] = []
        for row in table.rows:
            if row.filename:
                try:
                    files.append((row.filename, source.read(row.filename)))
                except UnreadableFile as exc:
                    skipped.append(Skipped(row.filename, f"{exc}; {KEPT}"))
    total = len(files)
    progress(0, total, CSV_NAME)
    found: dict[str, ActivityFile] = {}
    results = parse_files(files, lambda done, label: progress(done, total, label))
    for (file_name, _), result in zip(files, results, strict=True):
        if isinstance(result, str):
            skipped.append(Skipped(file_name, f"{result}; {KEPT}"))
        else:
            found[file_name] = result
    activities: list[ImportedActivity] = []
    for row in table.rows:
        try:
            activities.append(_merge(row, found.get(row.filename or "")))
        except ValueError as exc:
            skipped.append(Skipped(f"activity {row.activity_id}", str(exc)))
    unique = {a.id: a for a in reversed(activities)}  # the first row of a repeated id wins
    return ParsedImport(
        activities=sorted(unique.values(), key=lambda a: a.start_utc),
        skipped=skipped,
        athlete_id=athlete_id,
        athlete_name=name,
        athlete_sex=sex,
    )


def read_loose_files(
    files: Iterable[tuple[str, bytes]], progress: Progress = _quiet, total: int = 0
) -> ParsedImport:
    """Activities from single files; each gets a stable negative id from its content."""
    skipped: list[Skipped] = []
    unpacked: list[tuple[str, bytes]] = []
    for name, data in files:
        try:
            if not is_activity_file(name):
                raise UnreadableFile(UNSUPPORTED)
            _, content = unpack(name, data)
        except UnreadableFile as exc:
            skipped.append(Skipped(name, str(exc)))
            continue
        plain = name[:-3] if name.lower().endswith(".gz") else name
        unpacked.append((plain, content))
    count = max(total, len(unpacked))
    progress(0, count, "")
    results = parse_files(unpacked, lambda done, label: progress(done, count, label))
    activities: dict[int, ImportedActivity] = {}
    for (name, content), found in zip(unpacked, results, strict=True):
        if isinstance(found, str):
            skipped.append(Skipped(name, found))
            continue
        activity_id = content_id(content)
        activities.setdefault(activity_id, ImportedActivity(
            id=activity_id, source="file", name=found.name or PurePath(name).name.split(".")[0],
            sport_type=found.sport_type or FALLBACK_SPORT, start_utc=found.start_utc,
            utc_offset_s=found.utc_offset_s, distance_m=found.distance_m,
            moving_time_s=found.moving_time_s, elapsed_time_s=found.elapsed_time_s,
            elevation_gain_m=found.elevation_gain_m, average_heartrate=found.average_heartrate,
            max_heartrate=found.max_heartrate, perceived_exertion=None,
            hr_histogram=found.hr_histogram,
            raw={"file": PurePath(name).name, "sha256": hashlib.sha256(content).hexdigest()},
        ))  # fmt: skip
    return ParsedImport(
        activities=sorted(activities.values(), key=lambda a: a.start_utc), skipped=skipped,
        source_kind="file",
    )  # fmt: skip


def _is_export(path: Path) -> bool:
    if path.is_dir():
        return (path / CSV_NAME).is_file() or any(path.glob(f"*/{CSV_NAME}"))
    return path.suffix.lower() == ".zip"


def read_paths(paths: Sequence[Path], progress: Progress = _quiet) -> ParsedImport:
    """One Strava export (ZIP or folder), or any number of activity files and folders of them."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InvalidEntry("PATH", "an existing file or folder", ", ".join(missing))
    exports = [p for p in paths if _is_export(p)]
    if exports and len(paths) > 1:
        raise InvalidEntry("PATH", ALLOWED_PATHS, " ".join(str(p) for p in paths))
    if exports:
        return read_export(exports[0], progress)
    files = [
        f
        for p in paths
        for f in (
            [f for f in sorted(p.rglob("*")) if is_activity_file(f.name)] if p.is_dir() else [p]
        )
    ]
    return read_loose_files(((f.name, f.read_bytes()) for f in files), progress, len(files))


def read_uploads(uploads: Sequence[tuple[str, bytes]], progress: Progress = _quiet) -> ParsedImport:
    """Files uploaded in the app: one export ZIP, or any number of activity files."""
    zips = [data for name, data in uploads if name.lower().endswith(".zip")]
    if zips and len(uploads) > 1:
        raise InvalidEntry("upload", ALLOWED_PATHS, ", ".join(name for name, _ in uploads))
    if zips:
        return read_export(io.BytesIO(zips[0]), progress)
    return read_loose_files(uploads, progress, len(uploads))
