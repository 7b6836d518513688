"""Peak memory of a process and of its worker processes, read from Linux's /proc.

`ru_maxrss` cannot be used for spawned children: a child's high-water mark starts from the
parent's size at the fork that precedes the exec, so every worker would look as big as its
parent. /proc gives each process's own resident set instead.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

SAMPLE_EVERY_S = 0.02


def _status_kib(pid: int, key: str) -> int:
    """A `VmRSS`/`VmHWM` line of /proc/PID/status in KiB (0 once the process has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = [int(child) for child in children]
    return found + [grandchild for child in found for grandchild in _descendants(child)]


def own_peak_mib() -> float:
    """This process's own peak resident memory (its high-water mark since it was started)."""
    return _status_kib(os.getpid(), "VmHWM") / 1024


class TreePeak:
    """Samples the summed resident memory of this process and its descendants while in a `with`.

    The sum is what the machine must hold at once: the import's workers live while files are
    read, the import process is largest while it writes, and the two need not coincide.
    """

    def __init__(self) -> None:
        self.peak_mib = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY_S):
            tree = [os.getpid(), *_descendants(os.getpid())]
            total = sum(_status_kib(pid, "VmRSS") for pid in tree)
            self.peak_mib = max(self.peak_mib, total / 1024)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
