"""Read what a runner hands in: a Strava export (ZIP or folder), or loose activity files.

Nothing here touches the database.
Activity files are streamed to the readers a few at a time, and one the memo holds unchanged
is not read at all. A corrupt or unsupported activity file is reported and skipped, and the
row keeps the summary numbers from activities.csv. A broken ZIP or an unreadable
activities.csv raises UnreadableExport before anything is written.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from pipelines.errors import InvalidEntry
from pipelines.imports import sport_names
from training.vocabulary import STRAVA_EXPORT
from pipelines.imports.activities_csv import ExportRow, read_activities_csv
from pipelines.imports.files import is_activity_file
from pipelines.imports.loose import read_loose_files
from pipelines.imports.memo import NO_MEMO, Memo
from pipelines.imports.models import (
    ActivityFile,
    Fingerprint,
    ImportedActivity,
    ParsedImport,
    Progress,
    ReadFile,
    Skipped,
    UnreadableExport,
    UnreadableFile,
    quiet,
)
from pipelines.imports.parallel import Item, Result, parse_files
from pipelines.imports.sources import CSV_NAME, ExportSource, open_export

KEPT = "the summary from activities.csv was kept"


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
        or sport_names.FALLBACK_SPORT
    )

    def pick(mine: float | None, theirs: str) -> float | None:
        return mine if mine is not None else (getattr(found, theirs) if found else None)

    return ImportedActivity(
        id=row.activity_id,
        source=STRAVA_EXPORT,
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


def _fingerprints(
    source: ExportSource, rows: list[ExportRow], memo: Memo
) -> tuple[dict[str, Result], list[tuple[str, int, Fingerprint]], int]:
    """Results known without reading (missing files, unchanged ones), the files to read, and
    how many were unchanged."""
    known: dict[str, Result] = {}
    unchanged = 0
    todo: dict[str, tuple[str, int, Fingerprint]] = {}
    for row in rows:
        name = row.filename
        if not name or name in known or name in todo:
            continue
        try:
            fingerprint = source.fingerprint(name)
        except UnreadableFile as exc:
            known[name] = str(exc)
            continue
        earlier = memo.lookup(row.activity_id, name, fingerprint)
        if earlier is None:
            todo[name] = (name, row.activity_id, fingerprint)
        else:
            known[name] = earlier
            unchanged += 1
    return known, list(todo.values()), unchanged


def read_export(
    target: str | os.PathLike[str] | BinaryIO, progress: Progress = quiet, memo: Memo = NO_MEMO
) -> ParsedImport:
    """Every activity of a Strava export (ZIP or folder), joined to its file through Filename.

    Files the memo holds unchanged are not read again; the others are streamed to the readers.
    """
    with open_export(target) as source:
        data = source.read_csv(CSV_NAME)
        if data is None:
            raise UnreadableExport("the export has no activities.csv")
        table = read_activities_csv(data)
        athlete_id, name, sex = _athlete(source)
        results, todo, unchanged = _fingerprints(source, table.rows, memo)
        settled, total = len(results), len(results) + len(todo)
        progress(settled, total, CSV_NAME)
        unread: set[str] = set()

        def contents() -> Iterator[Item]:
            for file_name, _, _ in todo:
                try:
                    yield file_name, source.read(file_name)
                except UnreadableFile as exc:
                    unread.add(file_name)
                    yield file_name, str(exc)

        read: list[ReadFile] = []
        parsed = parse_files(contents(), len(todo))
        for done, ((file_name, activity_id, fingerprint), (_, result)) in enumerate(
            zip(todo, parsed, strict=True), start=settled + 1
        ):
            results[file_name] = result
            progress(done, total, file_name)
            if file_name not in unread:
                read.append(ReadFile(activity_id, file_name, fingerprint, result))
    skipped = list(table.skipped)
    activities: list[ImportedActivity] = []
    for row in table.rows:
        found = results.get(row.filename or "")
        if isinstance(found, str):
            skipped.append(Skipped(str(row.filename), f"{found}; {KEPT}"))
        try:
            activities.append(_merge(row, found if isinstance(found, ActivityFile) else None))
        except ValueError as exc:
            skipped.append(Skipped(f"activity {row.activity_id}", str(exc)))
    unique = {a.id: a for a in reversed(activities)}  # the first row of a repeated id wins
    return ParsedImport(
        activities=sorted(unique.values(), key=lambda a: a.start_utc),
        skipped=skipped,
        athlete_id=athlete_id,
        athlete_name=name,
        athlete_sex=sex,
        read=read,
        unchanged=unchanged,
    )


ALLOWED_PATHS = "one Strava export (ZIP or folder), or any number of .fit/.fit.gz/.gpx/.tcx files"


def _is_export(path: Path) -> bool:
    if path.is_dir():
        return (path / CSV_NAME).is_file() or any(path.glob(f"*/{CSV_NAME}"))
    return path.suffix.lower() == ".zip"


def read_paths(
    paths: Sequence[Path], progress: Progress = quiet, memo: Memo = NO_MEMO
) -> ParsedImport:
    """One Strava export (ZIP or folder), or any number of activity files and folders of them."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InvalidEntry("PATH", "an existing file or folder", ", ".join(missing))
    exports = [p for p in paths if _is_export(p)]
    if exports and len(paths) > 1:
        raise InvalidEntry("PATH", ALLOWED_PATHS, " ".join(str(p) for p in paths))
    if exports:
        return read_export(exports[0], progress, memo)
    files = [
        f
        for p in paths
        for f in (
            [f for f in sorted(p.rglob("*")) if is_activity_file(f.name)] if p.is_dir() else [p]
        )
    ]
    return read_loose_files(((f.name, f.read_bytes()) for f in files), progress, len(files), memo)


def read_uploads(
    uploads: Sequence[tuple[str, bytes]], progress: Progress = quiet, memo: Memo = NO_MEMO
) -> ParsedImport:
    """Files uploaded in the app: one export ZIP, or any number of activity files."""
    zips = [data for name, data in uploads if name.lower().endswith(".zip")]
    if zips and len(uploads) > 1:
        raise InvalidEntry("upload", ALLOWED_PATHS, ", ".join(name for name, _ in uploads))
    if zips:
        return read_export(io.BytesIO(zips[0]), progress, memo)
    return read_loose_files(uploads, progress, len(uploads), memo)
