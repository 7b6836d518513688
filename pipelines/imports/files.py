"""One entry point for activity files: pick the reader by name, unpack .gz, hash for loose ids."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections.abc import Callable

from pipelines.imports.fit import read_fit
from pipelines.imports.gpx import read_gpx
from pipelines.imports.models import ActivityFile, UnreadableFile
from pipelines.imports.tcx import read_tcx

READERS: dict[str, Callable[[bytes], ActivityFile]] = {
    ".fit": read_fit,
    ".gpx": read_gpx,
    ".tcx": read_tcx,
}
SUFFIXES = tuple(READERS) + tuple(f"{suffix}.gz" for suffix in READERS)


def is_activity_file(name: str) -> bool:
    """True for names we can read: .fit, .gpx, .tcx, each optionally gzipped."""
    return name.lower().endswith(SUFFIXES)


def unpack(name: str, data: bytes) -> tuple[str, bytes]:
    """The format suffix and the uncompressed bytes; UnreadableFile for a broken .gz."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableFile(f"the .gz archive is damaged ({exc})") from exc
        lowered = lowered[:-3]
    for suffix in READERS:
        if lowered.endswith(suffix):
            return suffix, data
    raise UnreadableFile("unsupported file type (we read .fit, .gpx and .tcx, optionally .gz)")


def read_activity_file(name: str, data: bytes) -> ActivityFile:
    """Read one activity file of any supported format; UnreadableFile when it cannot be read."""
    suffix, content = unpack(name, data)
    if suffix == ".fit" and name.lower().endswith(".gz"):
        return read_fit(content, verify_crc=False)  # gzip verified its CRC-32 already
    return READERS[suffix](content)


def content_id(content: bytes) -> int:
    """A stable negative id from the file's (uncompressed) content, for files with no Strava id."""
    digest = int.from_bytes(hashlib.sha256(content).digest()[:8], "big") & (2**63 - 1)
    return -(digest or 1)
