"""A 1 GiB Strava export that takes almost no disk: its photos and videos are holes.

Long-time runners' exports are mostly media, which an import never reads. Runs of zeros written
through a writer that seeks over them become holes in a sparse file, so the ZIP (or folder) has
the size of a real export while the disk holds little more than the activity files.
"""

from __future__ import annotations

import gzip
import os
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.imports.builders import HEADER_94, PROFILE_CSV, csv_bytes
from tests.imports.fit_encoder import FitActivity, encode

GiB = 2**30
MEDIA_FILES = 4
MEDIA_BYTES = GiB // MEDIA_FILES  # four long videos
CHUNK = bytes(2**20)
FIRST_START = datetime(2016, 3, 1, 6, 30, tzinfo=UTC)


class SparseWriter:
    """A binary file that turns whole chunks of zeros into holes by seeking over them."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("wb")

    def write(self, data: bytes) -> int:
        if data == CHUNK[: len(data)]:
            self._file.seek(len(data), os.SEEK_CUR)
        else:
            self._file.write(data)
        return len(data)

    def tell(self) -> int:
        return self._file.tell()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self._file.seek(offset, whence)

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.truncate()  # a file that ends in a hole still has its full length
        self._file.close()


def activity_files(count: int) -> dict[str, bytes]:
    """`count` real FIT.gz runs of 30-60 minutes at one record per second, as Strava keeps them."""
    files = {}
    for i in range(count):
        start = FIRST_START + timedelta(days=i * 1.1)
        rates = [120 + (s // 60) % 40 for s in range((30 + i % 31) * 60)]
        activity = FitActivity(start, rates, utc_offset_s=3600, speed_m_s=3.0)
        files[f"activities/{30_000_000 + i}.fit.gz"] = gzip.compress(encode(activity))
    return files


def _rows(files: dict[str, bytes]) -> bytes:
    rows = [
        {"id": str(40_000_000 + i), "type": "Run", "name": f"Run {i}",
         "date": (FIRST_START + timedelta(days=i * 1.1)).strftime("%b %-d, %Y, %-I:%M:%S %p"),
         "filename": name, "elapsed": "1800.0", "moving": "1800.0", "distance_m": "5400.0"}
        for i, name in enumerate(files)
    ]  # fmt: skip
    return csv_bytes(HEADER_94, rows)


def write_big_zip(path: Path, files: dict[str, bytes]) -> Path:
    """An export ZIP of a little over 1 GiB: the activity files and 1 GiB of stored media."""
    writer = SparseWriter(path)
    with zipfile.ZipFile(writer, "w", zipfile.ZIP_STORED) as archive:  # type: ignore[arg-type]
        archive.writestr("activities.csv", _rows(files), zipfile.ZIP_DEFLATED)
        archive.writestr("profile.csv", PROFILE_CSV)
        for name, data in files.items():
            archive.writestr(name, data)
        for i in range(MEDIA_FILES):
            with archive.open(f"media/video-{i}.mp4", "w", force_zip64=True) as member:
                for _ in range(MEDIA_BYTES // len(CHUNK)):
                    member.write(CHUNK)
    writer.close()
    return path


def write_big_folder(folder: Path, files: dict[str, bytes]) -> Path:
    """The same export unzipped: the media are sparse files of their full length."""
    (folder / "media").mkdir(parents=True)
    (folder / "activities").mkdir()
    (folder / "activities.csv").write_bytes(_rows(files))
    (folder / "profile.csv").write_text(PROFILE_CSV)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    for i in range(MEDIA_FILES):
        with (folder / "media" / f"video-{i}.mp4").open("wb") as video:
            video.truncate(MEDIA_BYTES)
    return folder


def apparent_and_disk_bytes(target: Path) -> tuple[int, int]:
    """(the size a runner sees, the bytes the disk holds) of a file or a folder."""
    paths = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]
    stats = [p.stat() for p in paths]
    return sum(s.st_size for s in stats), sum(s.st_blocks * 512 for s in stats)
