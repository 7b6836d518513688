"""Read many activity files on every core: decoding FIT records is pure Python and CPU-bound.

Files are streamed: only a few batches per worker are read ahead, so memory stays flat however
large the export. Small imports stay in this process (a worker pool costs about a second to
start). Workers are spawned, not forked, because the app server that may call this runs threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from pipelines.imports.files import read_activity_file
from pipelines.imports.models import ActivityFile, UnreadableFile

log = logging.getLogger(__name__)

PARALLEL_MIN_FILES = 64  # below this a worker pool costs more than it saves
MAX_WORKERS = 4
CHUNK_SIZE = 8  # files per task: fewer round trips to the workers
BATCHES_AHEAD = 3  # tasks queued per worker, so none waits while the next batch is read

Item = tuple[str, bytes | str]  # a file's name, and its bytes or why they could not be had
Result = ActivityFile | str  # what the file says, or why it cannot be used


def parse_one(item: Item) -> Result:
    """An activity file, or the reason it cannot be used; one bad file never stops an import."""
    name, data = item
    if isinstance(data, str):
        return data
    try:
        return read_activity_file(name, data)
    except UnreadableFile as exc:
        return str(exc)
    except Exception as exc:  # a parser bug on one odd file must not abort the whole import
        log.warning("%s could not be read", name, exc_info=True)
        return f"could not be read ({type(exc).__name__}: {exc})"


def _parse_batch(batch: list[Item]) -> list[Result]:
    return [parse_one(item) for item in batch]


def worker_count() -> int:
    """Worker processes for a large import: one per core this process may use, at most four."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cores or 1, MAX_WORKERS)


def parse_files(items: Iterable[Item], expected: int) -> Iterator[tuple[str, Result]]:
    """(name, result) in the order of `items`.

    `items` is consumed lazily, a few batches ahead of the results; `expected` (about how
    many there are) only decides whether a worker pool is worth starting.
    """
    workers = worker_count()
    if expected < PARALLEL_MIN_FILES or workers < 2:
        for item in items:
            yield item[0], parse_one(item)
        return
    source = iter(items)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        queued: deque[tuple[list[str], Future[list[Result]]]] = deque()

        def submit() -> None:
            batch = list(islice(source, CHUNK_SIZE))
            if batch:
                queued.append(([name for name, _ in batch], pool.submit(_parse_batch, batch)))

        for _ in range(workers * BATCHES_AHEAD):
            submit()
        while queued:
            names, future = queued.popleft()
            results = future.result()
            submit()
            yield from zip(names, results, strict=True)
