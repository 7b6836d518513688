"""Importing a generated 3,000-activity Strava export with files: time, cores, memory, floor.

Each import runs in a fresh process, so its peak memory is its own (and its workers'). The
bare-parse floor is timed in the same run over the same files, and the first import is given
as a ratio to it divided by the cores: 1.0 would be every core parsing all the time. That
ratio assumes the cores are free; on a machine others are busy on, the ratio of CPU times
(the import's, workers included, to the floor's) is the one that still means something.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import random
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

from benchmarks.memory import TreePeak, own_peak_mib
from benchmarks.parse_floor import bare_parse_seconds
from pipelines.db import connect
from pipelines.imports.export import read_export
from pipelines.imports.memo import load_memo
from pipelines.imports.parallel import worker_count
from pipelines.imports.store import write_import
from tests.imports.builders import HEADER_94, csv_bytes
from tests.imports.fit_encoder import FitActivity, encode

ACTIVITIES = 3_000
SEED = 5
FIRST_START = datetime(2018, 1, 1, 6, 30, tzinfo=UTC)


def _heart_rates(rng: random.Random, seconds: int) -> list[int]:
    bpm, rates = 120.0, []
    for _ in range(seconds + 1):
        bpm = min(185.0, max(95.0, bpm + rng.uniform(-1.5, 1.6)))
        rates.append(round(bpm))
    return rates


def _gpx(start: datetime, rates: list[int]) -> bytes:
    points = "".join(
        f'<trkpt lat="{51.5 + i * 1e-5:.6f}" lon="-0.1"><time>'
        f"{(start + timedelta(seconds=i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time><extensions>"
        f"<gpxtpx:TrackPointExtension><gpxtpx:hr>{bpm}</gpxtpx:hr>"
        f"</gpxtpx:TrackPointExtension></extensions></trkpt>"
        for i, bpm in enumerate(rates)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="bench" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><type>running</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def build_export(path: Path, count: int = ACTIVITIES) -> dict[str, int]:
    """A ZIP like Strava's: ~85% FIT.gz (1 s records), 10% GPX.gz, 5% manual entries."""
    rng = random.Random(SEED)
    rows: list[dict[str, str]] = []
    kinds = {"fit": 0, "gpx": 0, "manual": 0}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for i in range(count):
            start = FIRST_START + timedelta(days=i * 0.95, minutes=rng.randint(0, 600))
            seconds = rng.randint(25, 75) * 60
            kind = rng.choices(["fit", "gpx", "manual"], weights=[85, 10, 5])[0]
            kinds[kind] += 1
            row = {"id": str(10_000_000 + i), "type": "Run",
                   "date": start.strftime("%b %-d, %Y, %-I:%M:%S %p"),
                   "name": f"Run {i}", "elapsed": f"{seconds}.0", "moving": f"{seconds}.0",
                   "distance_m": f"{seconds * 2.9:.1f}"}  # fmt: skip
            if kind != "manual":
                rates = _heart_rates(rng, seconds)
                if kind == "fit":
                    data = encode(FitActivity(start, rates, utc_offset_s=3600, speed_m_s=2.9))
                    name = f"activities/{20_000_000 + i}.fit.gz"
                else:
                    data, name = _gpx(start, rates), f"activities/{20_000_000 + i}.gpx.gz"
                archive.writestr(name, gzip.compress(data, compresslevel=6))
                row["filename"] = name
            rows.append(row)
        archive.writestr("activities.csv", csv_bytes(HEADER_94, rows))
    return kinds


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the import's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _import(archive: str, db: str, results: Queue[dict[str, Any]]) -> None:
    """One import as the CLI runs it (memo, read, write), measured from inside its process."""
    started, cpu = time.perf_counter(), _cpu_seconds()
    with TreePeak() as tree:
        parsed = read_export(archive, memo=load_memo(db))
        read_s = time.perf_counter() - started
        with connect(db) as con:
            report = write_import(con, parsed, timezone="Europe/London")
    seconds = time.perf_counter() - started
    cpu_s = _cpu_seconds() - cpu
    results.put({
        "seconds": seconds, "read_s": read_s, "report": report, "cpu_s": cpu_s,
        "main_mib": own_peak_mib(), "tree_mib": tree.peak_mib,
    })  # fmt: skip


def _measured_import(archive: Path, db: Path) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    results: Queue[dict[str, Any]] = context.Queue()
    process = context.Process(target=_import, args=(str(archive), str(db), results))
    process.start()
    found = results.get()
    process.join()
    return found


def _line(label: str, run: dict[str, Any]) -> str:
    report = run["report"]
    return (
        f"   {label}: {report.read:,} activities in {run['seconds']:.1f} s = "
        f"{report.read / run['seconds']:.0f} activities/s, {run['cpu_s']:.1f} CPU s on "
        f"{run['cpu_s'] / run['seconds']:.2f} cores (read {run['read_s']:.1f} s, write + "
        f"metrics {run['seconds'] - run['read_s']:.1f} s; {report.files_read:,} files read, "
        f"{report.files_unchanged:,} unchanged)\n"
        f"     peak memory: {run['tree_mib']:.0f} MiB for the import process and its "
        f"{worker_count()} workers together ({run['main_mib']:.0f} MiB the import process alone)"
    )


def main() -> None:
    """Build the export; time a first import, the bare-parse floor and an unchanged re-import."""
    with tempfile.TemporaryDirectory() as tmp:
        archive, db = Path(tmp) / "export.zip", Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        kinds = build_export(archive)
        size_mb = archive.stat().st_size / 2**20
        print(f"   built {ACTIVITIES:,} activities ({kinds}), {size_mb:.0f} MiB ZIP "
              f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
        first = _measured_import(archive, db)
        print(_line("first import", first))
        cpu = time.process_time()
        floor_s, files = bare_parse_seconds(archive)
        floor_cpu_s = time.process_time() - cpu
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        print(
            f"   bare-parse floor: {files:,} files in {floor_s:.1f} s ({floor_cpu_s:.1f} CPU s) "
            f"on one core\n     first import = {first['seconds'] / (floor_s / cores):.2f} x "
            f"(floor / {cores} cores) in wall time; its CPU time = "
            f"{first['cpu_s'] / floor_cpu_s:.2f} x the floor's"
        )
        again = _measured_import(archive, db)
        print(_line("re-import", again))
        print(f"   re-import / first import = {100 * again['seconds'] / first['seconds']:.1f} %")


if __name__ == "__main__":
    main()
