"""The bare-parse floor: the parsing libraries alone over an export's files, on one core.

Each file is taken out of the ZIP, gunzipped and handed to its parser exactly as the import's
readers configure it (fitdecode without the CRC check for a .fit.gz, whose gzip CRC-32 already
vouches for it; gpxpy; lxml for TCX), and every record is walked, but nothing is computed from
it. No import can read the files faster on one core, so the import's time over this floor,
divided by the cores, says how much of the machine the import wastes.
"""

from __future__ import annotations

import gzip
import io
import multiprocessing
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import fitdecode
import gpxpy
from lxml import etree

from pipelines.imports.files import is_activity_file


def _parse(name: str, data: bytes) -> None:
    gzipped = name.endswith(".gz")
    if gzipped:
        data = gzip.decompress(data)
        name = name[:-3]
    if name.endswith(".fit"):
        crc = fitdecode.CrcCheck.DISABLED if gzipped else fitdecode.CrcCheck.RAISE
        with fitdecode.FitReader(io.BytesIO(data), check_crc=crc) as fit:
            for _ in fit:
                pass
    elif name.endswith(".gpx"):
        gpxpy.parse(data.decode("utf-8-sig").lstrip())
    elif name.endswith(".tcx"):
        etree.fromstring(data.lstrip())


def _parse_share(archive: Path, share: int, shares: int) -> int:
    """Parse every `shares`-th activity file, starting at `share`; how many were parsed."""
    files = 0
    with zipfile.ZipFile(archive) as source:
        names = [i for i in source.infolist() if is_activity_file(i.filename.lower())]
        for info in names[share::shares]:
            _parse(info.filename.lower(), source.read(info))
            files += 1
    return files


def bare_parse_seconds(archive: Path) -> tuple[float, int]:
    """(seconds, files) to unzip, gunzip and parse every activity file once, serially."""
    started = time.perf_counter()
    files = _parse_share(archive, 0, 1)
    return time.perf_counter() - started, files


def parallel_bare_parse_seconds(archive: Path, workers: int) -> float:
    """Seconds for `workers` processes to parse a share of the files each, all at once.

    On a machine others are using too, this gets the same share of the cores as the import's
    own workers, where the serial floor divided by the cores assumes every core is free.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        list(pool.map(int, range(workers)))  # the workers are started before the clock
        started = time.perf_counter()
        list(pool.map(_parse_share, [archive] * workers, range(workers), [workers] * workers))
        return time.perf_counter() - started
