"""The guarded write path: our errors become one line for the page, successes clear caches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard import data, writes
from pipelines.db import Connection, DatabaseBusy, migrate
from pipelines.errors import InvalidEntry, NotFound, StridewiseError


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "writes.duckdb"
    migrate(path)
    return str(path)


def _raise(exc: Exception) -> Callable[[Connection], None]:
    """An action that fails the way a store does."""

    def action(con: Connection) -> None:
        raise exc

    return action


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (InvalidEntry("score", "a whole number from 0 to 10", 11), "Not saved. score: a whole"),
        (NotFound("no pain entry 3"), "Not saved. no pain entry 3; it may have been changed"),
        (DatabaseBusy("the file is in use. Try again."), "Not saved. the file is in use."),
    ],
    ids=["invalid", "not-found", "busy"],
)
def test_our_errors_are_shown_not_raised(db: str, error: Exception, shown: str) -> None:
    messages: list[str] = []
    assert writes.write(db, _raise(error), show=messages.append) is None
    assert len(messages) == 1 and messages[0].startswith(shown)


def test_every_project_error_shares_one_base() -> None:
    for error in (InvalidEntry, NotFound, DatabaseBusy):
        assert issubclass(error, StridewiseError)


def test_other_errors_still_raise(db: str) -> None:
    with pytest.raises(ZeroDivisionError):
        writes.write(db, lambda con: 1 / 0, show=lambda message: None)


def test_a_write_returns_its_value_and_forgets_cached_reads(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleared: list[bool] = []
    monkeypatch.setattr(data, "clear", lambda: cleared.append(True))
    done = writes.write(db, lambda con: con.execute("SELECT 41 + 1").fetchone())
    assert done is not None and done.value == (42,)
    assert cleared == [True]
