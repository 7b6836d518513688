"""Hostile or broken exports: bombs, lying headers, `..` names and floods of entries.

Every input is made here, small on disk: runs of zeros compress a thousand-fold.
"""

from __future__ import annotations

import random
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.db import connect
from pipelines.imports.export import read_export, read_paths
from pipelines.imports.models import UnreadableExport
from pipelines.imports.zip_limits import (
    MAX_ENTRIES,
    MAX_MEMBER_BYTES,
    MAX_RATIO,
    read_member,
    unsafe_name,
)
from tests.imports.builders import HEADER_94, PROFILE_CSV, csv_bytes, sample_files, sample_rows

MiB = 2**20
ZEROS = bytes(MiB)
KEPT = "the summary from activities.csv was kept"


def _row(activity_id: int, filename: str) -> dict[str, str]:
    return {"id": str(activity_id), "date": "Oct 11, 2022, 7:00:00 AM", "name": "Long run",
            "type": "Run", "filename": filename, "elapsed": "3600.0", "moving": "3600.0",
            "distance_m": "10000.0"}  # fmt: skip


def _export(path: Path, extra: dict[str, Callable[[zipfile.ZipFile, str], None]]) -> Path:
    """The sample export plus one row per extra member, each written by its own function."""
    rows = sample_rows() + [_row(8100 + i, name) for i, name in enumerate(extra)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities.csv", csv_bytes(HEADER_94, rows))
        archive.writestr("profile.csv", PROFILE_CSV)
        for name, data in sample_files().items():
            archive.writestr(name, data)
        for name, write in extra.items():
            write(archive, name)
    return path


def _deflated_zeros(size: int) -> Callable[[zipfile.ZipFile, str], None]:
    def write(archive: zipfile.ZipFile, name: str) -> None:
        with archive.open(name, "w", force_zip64=True) as member:
            for _ in range(size // MiB):
                member.write(ZEROS)

    return write


def _deflated(data: bytes) -> Callable[[zipfile.ZipFile, str], None]:
    def write(archive: zipfile.ZipFile, name: str) -> None:
        archive.writestr(name, data)

    return write


def _gzip(size: int, noise_bytes: int = 0) -> bytes:
    """A .gz of `size` bytes: zeros, each MiB led by some noise that keeps the ratio down."""
    chunk = random.Random(1).randbytes(noise_bytes) + ZEROS[noise_bytes:]
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: the gzip container
    return b"".join(packer.compress(chunk) for _ in range(size // MiB)) + packer.flush()


def _stored(data: bytes) -> Callable[[zipfile.ZipFile, str], None]:
    def write(archive: zipfile.ZipFile, name: str) -> None:
        archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)

    return write


def _skips(path: Path) -> dict[str, str]:
    tracemalloc.start()
    try:
        parsed = read_export(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * MiB, f"the import held {peak / MiB:.0f} MiB: something was inflated whole"
    assert len(parsed.activities) == len(sample_rows()) + 1  # the bomb's row keeps its summary
    return {s.item: s.reason for s in parsed.skipped}


def test_a_member_that_inflates_beyond_the_size_limit_is_skipped(tmp_path: Path) -> None:
    archive = _export(tmp_path / "bomb.zip", {"activities/bomb.tcx": _deflated_zeros(80 * MiB)})
    assert archive.stat().st_size < MiB
    skipped = _skips(archive)
    assert skipped["activities/bomb.tcx"] == (
        f"refused: it inflates to over {MAX_MEMBER_BYTES // MiB} MiB, more than any real "
        f"activity file; {KEPT}"
    )
    assert skipped["activities/9004.fit.gz"].startswith("the .gz archive is damaged")


def test_a_member_compressed_beyond_the_ratio_limit_is_skipped(tmp_path: Path) -> None:
    archive = _export(tmp_path / "ratio.zip", {"activities/bomb.gpx": _deflated_zeros(8 * MiB)})
    skipped = _skips(archive)
    assert skipped["activities/bomb.gpx"] == (
        f"refused: it inflates over {MAX_RATIO}-fold, as no real activity file does; {KEPT}"
    )


@pytest.mark.parametrize(
    ("size", "noise_bytes", "reason"),
    [
        (MAX_MEMBER_BYTES + 4 * MiB, 12 * 1024, "inflates to over 64 MiB"),
        (32 * MiB, 0, f"inflates over {MAX_RATIO}-fold"),
    ],
    ids=["size", "ratio"],
)
def test_a_gzip_bomb_inside_the_zip_is_skipped_without_inflating_it(
    tmp_path: Path, size: int, noise_bytes: int, reason: str
) -> None:
    bomb = _gzip(size, noise_bytes)
    assert size / len(bomb) < MAX_RATIO or not noise_bytes
    archive = _export(tmp_path / "gz.zip", {"activities/bomb.fit.gz": _stored(bomb)})
    assert reason in _skips(archive)["activities/bomb.fit.gz"]


def _understate_size(archive: Path, name: str, claimed: int) -> None:
    """Rewrite the member's uncompressed size in both headers, as a forged ZIP would."""
    with zipfile.ZipFile(archive) as zf:
        offset = zf.getinfo(name).header_offset
    data = bytearray(archive.read_bytes())
    struct.pack_into("<L", data, offset + 22, claimed)  # local file header
    central = data.rindex(name.encode()) - 46  # the name ends the fixed part of its entry
    assert data[central : central + 4] == b"PK\x01\x02"
    struct.pack_into("<L", data, central + 24, claimed)
    archive.write_bytes(bytes(data))


def test_a_member_whose_header_understates_its_size_is_read_no_further(tmp_path: Path) -> None:
    archive = _export(tmp_path / "liar.zip", {"activities/bomb.tcx": _deflated(bytes(20 * MiB))})
    _understate_size(archive, "activities/bomb.tcx", 1000)
    reason = _skips(archive)["activities/bomb.tcx"]
    assert reason.startswith("damaged inside the ZIP (Bad CRC-32")


def test_names_that_point_outside_the_export_are_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    fit = sample_files()["activities/9001.fit.gz"]
    archive = _export(
        tmp_path / "escape.zip",
        {"../escape.fit.gz": _stored(fit), "/etc/escape.fit.gz": _stored(fit)},
    )
    before = sorted(tmp_path.parent.rglob("*"))
    parsed = read_export(archive)
    skipped = {s.item: s.reason for s in parsed.skipped}
    assert skipped["../escape.fit.gz"] == (
        f"refused: its name points outside the export ('..' or absolute); {KEPT}"
    )
    assert skipped["/etc/escape.fit.gz"].startswith("listed in activities.csv but missing")
    assert sorted(tmp_path.parent.rglob("*")) == before


def test_an_unzipped_export_never_reads_a_file_outside_its_folder(tmp_path: Path) -> None:
    outside = tmp_path / "secret.fit.gz"
    outside.write_bytes(sample_files()["activities/9001.fit.gz"])
    folder = tmp_path / "export"
    (folder / "activities").mkdir(parents=True)
    (folder / "activities" / "link.fit.gz").symlink_to(outside)
    rows = [_row(8201, "../secret.fit.gz"), _row(8202, "activities/link.fit.gz")]
    (folder / "activities.csv").write_bytes(csv_bytes(HEADER_94, rows))
    parsed = read_paths([folder])
    assert {s.item: s.reason for s in parsed.skipped} == {
        "../secret.fit.gz": f"points outside the export folder; {KEPT}",
        "activities/link.fit.gz": f"points outside the export folder; {KEPT}",
    }
    assert all(a.hr_histogram == {} for a in parsed.activities)


def _zip64_end(entries: int, directory_bytes: int) -> bytes:
    """Only the end records of a ZIP: what a flood of entries declares before it is read."""
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries,
                         directory_bytes, 0)  # fmt: skip
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return record + locator + end


@pytest.mark.parametrize(
    ("entries", "directory_bytes"),
    [(MAX_ENTRIES + 1, 4 * MiB), (50_000, 64 * MiB)],
    ids=["too-many-entries", "too-large-directory"],
)
def test_a_flood_of_entries_refuses_the_whole_export_and_writes_nothing(
    tmp_path: Path, db_path: Path, entries: int, directory_bytes: int
) -> None:
    archive = tmp_path / "flood.zip"
    archive.write_bytes(_zip64_end(entries, directory_bytes))
    with pytest.raises(UnreadableExport, match=f"lists {entries:,} entries"):
        read_paths([archive])
    assert main(["import", str(archive), "--db", str(db_path), "--timezone", "UTC"]) == 1
    with connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM activities").fetchall() == [(0,)]


def test_an_activities_csv_beyond_the_limit_refuses_the_whole_export(
    tmp_path: Path, db_path: Path
) -> None:
    archive = tmp_path / "huge-csv.zip"
    with (
        zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("activities.csv", "w", force_zip64=True) as member,
    ):
        member.write(csv_bytes(HEADER_94, sample_rows()))
        for _ in range(MAX_MEMBER_BYTES // MiB + 1):
            member.write(b"\n" * MiB)
    with pytest.raises(UnreadableExport, match=r"activities\.csv was refused: it inflates to over"):
        read_paths([archive])
    assert main(["import", str(archive), "--db", str(db_path), "--timezone", "UTC"]) == 1
    with connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM athletes").fetchall() == [(0,)]


def _day_long_gpx() -> bytes:
    """24 hours at one point per second: the most compressible real activity file there is."""
    start = datetime(2022, 6, 1, tzinfo=UTC)
    points = "".join(
        f'<trkpt lat="{51.5 + i * 1e-6:.6f}" lon="{-0.1 - i * 1e-6:.6f}"><ele>12.0</ele><time>'
        f"{(start + timedelta(seconds=i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for i in range(86_400)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def test_a_day_long_gpx_is_well_within_the_limits(tmp_path: Path) -> None:
    gpx = _day_long_gpx()
    with zipfile.ZipFile(tmp_path / "ultra.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities/ultra.gpx", gpx)
    with zipfile.ZipFile(tmp_path / "ultra.zip") as zf:
        info = zf.getinfo("activities/ultra.gpx")
        assert info.file_size / info.compress_size < MAX_RATIO / 2
        assert read_member(zf, "activities/ultra.gpx") == gpx


@pytest.mark.parametrize(
    ("name", "unsafe"),
    [
        ("activities/1.fit.gz", False),
        ("export_1/activities/1.gpx", False),
        ("activities/..hidden.fit", False),
        ("../1.fit", True),
        ("activities/../../1.fit", True),
        ("/etc/passwd", True),
        ("\\\\server\\share\\1.fit", True),
        ("C:/Users/1.fit", True),
        ("activities\\..\\..\\1.fit", True),
    ],
)
def test_unsafe_member_names(name: str, unsafe: bool) -> None:
    assert unsafe_name(name) is unsafe
