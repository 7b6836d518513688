"""What a runner hands in, from the command line or the app: one export, or activity files."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pipelines.errors import InvalidEntry
from pipelines.imports.export import read_export
from pipelines.imports.files import is_activity_file
from pipelines.imports.loose import read_loose_files
from pipelines.imports.memo import NO_MEMO, Memo
from pipelines.imports.models import ParsedImport, Progress, quiet
from pipelines.imports.sources import CSV_NAME

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
