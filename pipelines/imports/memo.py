"""What imported files were read as, kept in `import_files` so a re-import skips the unchanged.

Reading a file is the whole cost of an import (FIT records are decoded in pure Python), while
an export downloaded again holds mostly the same files. A file whose activity id, name, size
and CRC-32 match what was stored is therefore not read again: its earlier result is used, so
the rows come out exactly as a full read would make them. The readers' version is part of the
match, so a changed reader (or parsing library) reads every file again.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version

import pandas as pd

from pipelines.db import Connection, connect, resolve_path
from pipelines.imports.models import ActivityFile, Fingerprint, ReadFile

READER_FORMAT = 1  # raise when a reader's output changes, so files read before are read again
READER = " ".join(
    [f"stridewise-readers {READER_FORMAT}"]
    + [f"{library} {version(library)}" for library in ("fitdecode", "gpxpy", "lxml")]
)


def _to_json(found: ActivityFile) -> str:
    fields = dataclasses.asdict(found)
    fields["start_utc"] = found.start_utc.isoformat()
    return json.dumps(fields, sort_keys=True)


def _from_json(text: str) -> ActivityFile:
    fields = json.loads(text)
    fields["start_utc"] = datetime.fromisoformat(fields["start_utc"])
    fields["hr_histogram"] = {int(bpm): secs for bpm, secs in fields["hr_histogram"].items()}
    return ActivityFile(**fields)


@dataclass(frozen=True)
class Memo:
    """The stored results, by activity id: (file name, fingerprint, JSON or None, problem)."""

    stored: dict[int, tuple[str, Fingerprint, str | None, str | None]] = dataclasses.field(
        default_factory=dict
    )

    def lookup(
        self, activity_id: int, file_name: str, fingerprint: Fingerprint
    ) -> ActivityFile | str | None:
        """The earlier result for this very file, or None when it must be read."""
        found = self.stored.get(activity_id)
        if found is None or found[0] != file_name or found[1] != fingerprint:
            return None
        text, problem = found[2], found[3]
        return _from_json(text) if text is not None else str(problem)


NO_MEMO = Memo()  # read every file: a first import, or a test that wants a full read


def load_memo(db_path: str | os.PathLike[str] | None) -> Memo:
    """Every stored result of the current readers, read before an import in one short visit.

    A database that does not exist yet holds nothing, and is not created just to say so.
    """
    path = resolve_path(db_path)
    if not path.exists():
        return NO_MEMO
    with connect(path) as con:
        rows = con.execute(
            "SELECT activity_id, file_name, size_bytes, crc32, activity_file, problem"
            " FROM import_files WHERE reader = ?",
            [READER],
        ).fetchall()
    return Memo(
        {int(r[0]): (str(r[1]), Fingerprint(int(r[2]), int(r[3])), r[4], r[5]) for r in rows}
    )


def remember(con: Connection, files: list[ReadFile]) -> None:
    """Store the results of this import's reads (in the import's transaction)."""
    unique = {f.activity_id: f for f in reversed(files)}  # the first file of an id wins
    if not unique:
        return
    frame = pd.DataFrame.from_records(
        [
            {
                "activity_id": f.activity_id,
                "file_name": f.file_name,
                "size_bytes": f.fingerprint.size_bytes,
                "crc32": f.fingerprint.crc32,
                "reader": READER,
                "activity_file": None if isinstance(f.result, str) else _to_json(f.result),
                "problem": f.result if isinstance(f.result, str) else None,
            }
            for f in unique.values()
        ]
    )
    con.register("read_files", frame)
    try:
        con.execute("""
            INSERT INTO import_files BY NAME SELECT * FROM read_files
            ON CONFLICT (activity_id) DO UPDATE SET
                file_name = excluded.file_name, size_bytes = excluded.size_bytes,
                crc32 = excluded.crc32, reader = excluded.reader,
                activity_file = excluded.activity_file, problem = excluded.problem
        """)
    finally:
        con.unregister("read_files")
