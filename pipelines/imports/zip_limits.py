"""Limits on what an export can make us read: entries, sizes, compression ratios, member names.

To the code an export is a stranger's ZIP: a member that inflates to gigabytes, a name with
`..`, or a million tiny entries must cost a line in the skipped list, not the machine. Only the
files activities.csv names are read, in memory, and nothing is ever extracted to disk.
"""

from __future__ import annotations

import gzip
import io
import os
import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from pipelines.imports.models import UnreadableExport, UnreadableFile

# A decade of daily activities with their photos is about 20,000 entries.
MAX_ENTRIES = 100_000
# Real entry names are 30-60 characters; this bounds the directory even of one-letter names.
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 128
# Twice the largest real activity file, a 24-hour TCX at one point per second (~35 MB); also
# covers activities.csv for 20,000 activities (~40 MB).
MAX_MEMBER_BYTES = 64 * 2**20
# GPX and TCX, the most compressible activity files, deflate about 30-fold; bombs 1,000-fold.
MAX_RATIO = 100
RATIO_FREE_BYTES = 2**20  # below this a file may compress as much as it likes
CHUNK_BYTES = 2**20  # inflate this much at a time, so a lying header costs one chunk

_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_MAX_COMMENT_BYTES = 0xFFFF


def unsafe_name(name: str) -> bool:
    """True for a member name that points outside the export: absolute, a drive, or a `..` step."""
    parts = name.replace("\\", "/").split("/")
    return parts[0] == "" or ".." in parts or (len(name) > 1 and name[1] == ":")


def _directory(handle: BinaryIO) -> tuple[int, int] | None:
    """(entries, directory bytes) the ZIP declares at its end, before zipfile reads them all."""
    size = handle.seek(0, os.SEEK_END)
    tail_size = min(size, _EOCD.size + _MAX_COMMENT_BYTES)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _EOCD.size > len(tail):
        return None  # not a ZIP at all: zipfile says so in its own words
    fields = _EOCD.unpack_from(tail, at)
    entries, directory_bytes = fields[4], fields[5]
    if at >= _ZIP64_LOCATOR.size:
        locator = _ZIP64_LOCATOR.unpack_from(tail, at - _ZIP64_LOCATOR.size)
        if locator[0] == b"PK\x06\x07":
            handle.seek(locator[2])
            record = handle.read(_ZIP64_EOCD.size)
            if len(record) == _ZIP64_EOCD.size and record[:4] == b"PK\x06\x06":
                zip64 = _ZIP64_EOCD.unpack(record)
                entries, directory_bytes = zip64[7], zip64[8]
    return entries, directory_bytes


def check_entries(target: str | os.PathLike[str] | BinaryIO) -> None:
    """UnreadableExport when the ZIP declares more entries than any real export has."""
    if isinstance(target, str | os.PathLike):
        with open(target, "rb") as handle:
            declared = _directory(handle)
    else:
        position = target.tell()
        try:
            declared = _directory(target)
        finally:
            target.seek(position)
    if declared is None:
        return
    entries, directory_bytes = declared
    if entries > MAX_ENTRIES or directory_bytes > MAX_DIRECTORY_BYTES:
        raise UnreadableExport(
            f"the ZIP lists {entries:,} entries in a {directory_bytes / 2**20:.0f} MiB directory, "
            f"more than any Strava export (we read at most {MAX_ENTRIES:,} entries)"
        )


def _check_size(inflated: int, compressed: int) -> None:
    if inflated > MAX_MEMBER_BYTES:
        raise UnreadableFile(
            f"refused: it inflates to over {MAX_MEMBER_BYTES // 2**20} MiB, more than any real "
            "activity file"
        )
    if inflated > RATIO_FREE_BYTES and inflated > MAX_RATIO * max(compressed, 1):
        raise UnreadableFile(
            f"refused: it inflates over {MAX_RATIO}-fold, as no real activity file does"
        )


def _check_gzip(data: bytes) -> None:
    """Inflate a .gz in chunks, keeping nothing, to refuse one that grows past the limits."""
    inflated = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                inflated += len(chunk)
                _check_size(inflated, len(data))
    except (OSError, EOFError, zlib.error):
        return  # a damaged .gz is reported by the reader, with the reason


def _checked(name: str, data: bytes) -> bytes:
    if name.lower().endswith(".gz"):
        _check_gzip(data)
    return data


def read_member(archive: zipfile.ZipFile, member: str) -> bytes:
    """A member's bytes within the limits; UnreadableFile (a skip) when it is beyond them."""
    info = archive.getinfo(member)
    if unsafe_name(info.filename):
        raise UnreadableFile("refused: its name points outside the export ('..' or absolute)")
    _check_size(info.file_size, info.compress_size)
    chunks: list[bytes] = []
    inflated = 0
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK_BYTES):
            inflated += len(chunk)
            _check_size(inflated, info.compress_size)
            chunks.append(chunk)
    return _checked(info.filename, b"".join(chunks))


def read_file(path: Path) -> bytes:
    """A file of an unzipped export within the limits; UnreadableFile when it is beyond them."""
    size = path.stat().st_size
    _check_size(size, size)
    return _checked(path.name, path.read_bytes())
