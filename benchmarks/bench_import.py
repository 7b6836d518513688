"""Activities per second for importing a generated 3,000-activity Strava export with files."""

from __future__ import annotations

import gzip
import random
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pipelines.db import connect
from pipelines.imports.export import read_export
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


def main() -> None:
    """Build the export, then time reading it and writing it (first import, then a re-import)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "export.zip"
        started = time.perf_counter()
        kinds = build_export(archive)
        size_mb = archive.stat().st_size / 2**20
        print(f"   built {ACTIVITIES:,} activities ({kinds}), {size_mb:.0f} MiB ZIP "
              f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
        for label in ("first import", "re-import"):
            started = time.perf_counter()
            parsed = read_export(archive)
            read_s = time.perf_counter() - started
            with connect(Path(tmp) / "bench.duckdb") as con:
                report = write_import(con, parsed, timezone="Europe/London")
            total_s = time.perf_counter() - started
            print(
                f"   {label}: {report.read:,} activities in {total_s:.1f} s = "
                f"{report.read / total_s:.0f} activities/s (read {read_s:.1f} s, "
                f"write + metrics {total_s - read_s:.1f} s; {report.added:,} new, "
                f"{report.unchanged:,} unchanged)"
            )


if __name__ == "__main__":
    main()
