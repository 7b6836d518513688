"""Read many activity files on every core: decoding FIT records is pure Python and CPU-bound.

Small batches stay in this process (a worker pool costs about a second to start). Workers are
spawned, not forked, because the app server that may call this runs threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from pipelines.imports.files import read_activity_file
from pipelines.imports.models import ActivityFile, UnreadableFile

log = logging.getLogger(__name__)

PARALLEL_MIN_FILES = 64  # below this a worker pool costs more than it saves
MAX_WORKERS = 4
CHUNK_SIZE = 8


def parse_one(item: tuple[str, bytes]) -> ActivityFile | str:
    """An activity file, or the reason it cannot be used; one bad file never stops an import."""
    name, data = item
    try:
        return read_activity_file(name, data)
    except UnreadableFile as exc:
        return str(exc)
    except Exception as exc:  # a parser bug on one odd file must not abort the whole import
        log.warning("%s could not be read", name, exc_info=True)
        return f"could not be read ({type(exc).__name__}: {exc})"


def parse_files(
    items: Sequence[tuple[str, bytes]], progress: Callable[[int, str], None]
) -> Iterator[ActivityFile | str]:
    """Parse results in the order of `items`, calling progress(done, name) after each."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(items) < PARALLEL_MIN_FILES or workers < 2:
        for done, item in enumerate(items, start=1):
            result = parse_one(item)
            progress(done, item[0])
            yield result
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(parse_one, items, chunksize=CHUNK_SIZE)
        for done, (item, result) in enumerate(zip(items, results, strict=True), start=1):
            progress(done, item[0])
            yield result
