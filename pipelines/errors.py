"""Our own error types: infrastructure errors are translated into these at the boundary.

Every one derives from StridewiseError, so the CLI and the pages catch one type and show its
message, which says what went wrong and what to do next. `DatabaseBusy` lives in
`pipelines.db` (it is raised while connecting) and derives from the same base.
"""

from __future__ import annotations


class StridewiseError(Exception):
    """A failure the runner can act on; the message says what to do next."""


class InvalidEntry(StridewiseError, ValueError):
    """A value the runner gave is not allowed; names the field and what is allowed."""

    def __init__(self, field: str, allowed: str, value: object = None) -> None:
        self.field = field
        self.allowed = allowed
        self.value = value
        shown = "" if value is None else f" (got {value!r})"
        super().__init__(f"{field}: {allowed}{shown}")


class NotFound(StridewiseError, LookupError):
    """The record asked for does not exist."""
