"""Our own error types: infrastructure errors are translated into these at the boundary."""

from __future__ import annotations

from pipelines.db import DatabaseBusy

__all__ = ["DatabaseBusy", "InvalidEntry", "NotFound"]


class InvalidEntry(ValueError):
    """A value the runner gave is not allowed; names the field and what is allowed."""

    def __init__(self, field: str, allowed: str, value: object = None) -> None:
        self.field = field
        self.allowed = allowed
        self.value = value
        shown = "" if value is None else f" (got {value!r})"
        super().__init__(f"{field}: {allowed}{shown}")


class NotFound(LookupError):
    """The record asked for does not exist."""
