"""Strava failures translated into what the runner must do next."""

from __future__ import annotations

from datetime import datetime

from pipelines.errors import StridewiseError


class StravaAuthError(StridewiseError, RuntimeError):
    """Strava refuses our access (revoked, missing scope, inactive app); the message says why."""


class StravaUnavailable(StridewiseError, RuntimeError):
    """Strava kept failing (5xx or timeouts) after our retries; try again later."""


class RateLimited(StridewiseError, RuntimeError):
    """The request budget is spent (or Strava said 429); work resumes after `resume_after`."""

    def __init__(self, resume_after: datetime, reason: str) -> None:
        self.resume_after = resume_after
        self.reason = reason
        super().__init__(f"{reason}; resume after {resume_after:%H:%M} UTC")


class SyncInProgress(StridewiseError, RuntimeError):
    """Another process is already syncing this database."""
