"""The one way a page writes: a short connection, our own errors shown in words, caches cleared.

A write from a page can fail because the value is not allowed (`InvalidEntry`), the record went
away in another tab or process (`NotFound`) or a sync holds the file (`DatabaseBusy`); all three
derive from `StridewiseError` and end as one line on the page instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import streamlit as st

from dashboard import data
from pipelines.db import Connection, connect
from pipelines.errors import InvalidEntry, NotFound, StridewiseError

T = TypeVar("T")


@dataclass(frozen=True)
class Written(Generic[T]):
    """A write that went through, with what the action returned."""

    value: T


def explain(exc: StridewiseError) -> str:
    """What went wrong and what to do next, in one line."""
    if isinstance(exc, InvalidEntry):
        shown = "" if exc.value in (None, "") else f" You entered {exc.value!r}."
        return f"{exc.field}: {exc.allowed}.{shown}"
    if isinstance(exc, NotFound):
        return f"{exc}; it may have been changed elsewhere. The page is refreshed."
    return str(exc)


def write(
    path: str,
    action: Callable[[Connection], T],
    failed: str = "Not saved.",
    show: Callable[[str], object] = st.error,
) -> Written[T] | None:
    """Run `action` in its own short connection (see `guarded`)."""

    def run() -> T:
        with connect(path) as con:
            return action(con)

    return guarded(run, failed, show)


def guarded(
    change: Callable[[], T],
    failed: str = "Not saved.",
    show: Callable[[str], object] = st.error,
) -> Written[T] | None:
    """Make a change to the database and forget cached reads; None (and `failed` plus the
    reason, through `show`) when it raised one of our errors. Callbacks, which cannot draw,
    pass a `show` that queues the message."""
    try:
        value = change()
    except StridewiseError as exc:
        show(f"{failed} {explain(exc)}")
        if isinstance(exc, NotFound):
            data.clear()
        return None
    data.clear()
    return Written(value)
