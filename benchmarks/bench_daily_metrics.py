"""Time and peak memory to score sessions and build daily_metrics, one athlete and many."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from datetime import date

import pandas as pd

from benchmarks.synthetic import activities, profiles
from training.fitness import daily_metrics
from training.load import session_loads

END = date(2026, 11, 24)


def measure(label: str, work: Callable[[], pd.DataFrame], repeats: int = 3) -> None:
    """Best wall time of a few runs, then peak Python allocations of one more."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        rows = len(work())
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"   {label}: {rows:,} daily rows in {best * 1000:.0f} ms (best of {repeats}), "
        f"peak {peak / 2**20:.0f} MiB"
    )


def scenario(athletes: int, years: float) -> Callable[[], pd.DataFrame]:
    acts = activities(athletes, years, END)
    profs = profiles(athletes)

    def work() -> pd.DataFrame:
        scored = []
        for athlete_id, group in acts.groupby("athlete_id"):
            scored.append(group.assign(load=session_loads(group, profs[int(athlete_id)])["load"]))
        return daily_metrics(pd.concat(scored), profs, END)

    return work


def main() -> None:
    measure("10 years, 1 athlete (score sessions + daily metrics)", scenario(1, 10))
    measure("1,000 athlete-years (100 athletes x 10 years)", scenario(100, 10))
