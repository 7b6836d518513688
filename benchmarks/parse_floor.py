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
import time
import zipfile
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


def bare_parse_seconds(archive: Path) -> tuple[float, int]:
    """(seconds, files) to unzip, gunzip and parse every activity file once, serially."""
    started = time.perf_counter()
    files = 0
    with zipfile.ZipFile(archive) as source:
        for info in source.infolist():
            name = info.filename.lower()
            if is_activity_file(name):
                _parse(name, source.read(info))
                files += 1
    return time.perf_counter() - started, files
