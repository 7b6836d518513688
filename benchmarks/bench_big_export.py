"""Peak memory of importing a 1 GiB export from its path (ZIP and unzipped folder).

The export is mostly media, as long-time runners' archives are, written sparse so it costs
little disk. Each import runs in a fresh process so its peak resident memory is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.security.big_export import (
    activity_files,
    apparent_and_disk_bytes,
    write_big_folder,
    write_big_zip,
)

ACTIVITIES = 1_000
MEMORY_LIMIT_MIB = 400
MiB = 2**20
CHILD = """
import json, sys, time
from pathlib import Path
from benchmarks.memory import TreePeak, own_peak_mib
from pipelines.db import connect
from pipelines.imports.export import read_paths
from pipelines.imports.store import write_import
started = time.perf_counter()
with TreePeak() as tree:
    parsed = read_paths([Path(sys.argv[1])])
    with connect(sys.argv[2]) as con:
        report = write_import(con, parsed, timezone="Europe/London")
print(json.dumps({
    "seconds": time.perf_counter() - started, "read": report.read,
    "skipped": len(report.skipped), "self_mib": own_peak_mib(), "tree_mib": tree.peak_mib,
}))
"""


def _measure(target: Path, db: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), str(db)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Build each form of the export, import it in a child process, print time and peak memory."""
    started = time.perf_counter()
    files = activity_files(ACTIVITIES)
    print(f"   made {ACTIVITIES:,} FIT files in {time.perf_counter() - started:.0f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for label, build, name in [
            ("ZIP", write_big_zip, "export.zip"),
            ("folder", write_big_folder, "export"),
        ]:
            started = time.perf_counter()
            target = build(Path(tmp) / name, files)
            apparent, on_disk = apparent_and_disk_bytes(target)
            built_s = time.perf_counter() - started
            result = _measure(target, Path(tmp) / f"{name}.duckdb")
            peak_mib = max(result["tree_mib"], result["self_mib"])
            verdict = "within" if peak_mib < MEMORY_LIMIT_MIB else "OVER"
            print(
                f"   {label}: {apparent / MiB:,.0f} MiB export ({on_disk / MiB:.0f} MiB on disk, "
                f"built in {built_s:.0f} s): {result['read']:,.0f} activities in "
                f"{result['seconds']:.1f} s; peak memory {peak_mib:.0f} MiB with its parser "
                f"workers ({verdict} the {MEMORY_LIMIT_MIB} MiB budget), the import process "
                f"alone {result['self_mib']:.0f} MiB"
            )


if __name__ == "__main__":
    main()
