"""A path typed into the app's "Import from a file or folder on this computer": what it may be.

Checked before anything is read, so a typo or a path to the wrong thing changes nothing and the
message says what to give instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipelines.errors import InvalidEntry
from pipelines.imports.files import is_activity_file
from pipelines.imports.sources import CSV_NAME

FIELD = "Path on this computer"
MISSING = "a file or folder that exists and that you can read"
ALLOWED = (
    "the full path (starting with / or ~) of a Strava export ZIP, an unzipped export folder, "
    "an activity file (.fit, .gpx or .tcx, optionally .gz) or a folder of them"
)


def _importable(path: Path) -> bool:
    if path.is_file():
        return path.suffix.lower() == ".zip" or is_activity_file(path.name)
    if (path / CSV_NAME).is_file() or any(path.glob(f"*/{CSV_NAME}")):
        return True
    return any(child.is_file() and is_activity_file(child.name) for child in path.iterdir())


def import_path(text: str) -> Path:
    """The file or folder `text` names, or InvalidEntry when it is nothing we can import."""
    raw = text.strip().strip("'\"")  # file managers copy paths with quotes around them
    path = Path(raw).expanduser()
    if not raw or not path.is_absolute():
        raise InvalidEntry(FIELD, ALLOWED, text)
    if not path.exists() or not os.access(path, os.R_OK):
        raise InvalidEntry(FIELD, MISSING, text)
    try:
        usable = _importable(path)
    except OSError:
        usable = False
    if not usable:
        raise InvalidEntry(FIELD, ALLOWED, text)
    return path
