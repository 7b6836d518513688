"""Pain entries: stored as validated, linked to the day's run, edited, deleted and restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.entries import pain, trash
from pipelines.errors import InvalidEntry, NotFound
from tests.entries.conftest import (
    ATHLETE,
    OLD_RUN_ID,
    OTHER_RUN_ID,
    RUN_ID,
    TODAY,
    YESTERDAY,
)

ENTRY = {
    "date": YESTERDAY,
    "site": "hip-front",
    "side": "right",
    "moment": "after-run",
    "score": 6,
    "activity_id": RUN_ID,
    "note": "sharp on hills",
    "red_flags": ["pain_on_hopping"],
}


def _rows(db: Path) -> list[tuple]:
    with connect(db) as con:
        return con.execute(
            "SELECT id, date, site, side, moment, score, activity_id, note, red_flags, source"
            " FROM pain_entries ORDER BY id"
        ).fetchall()


def test_add_stores_every_field(runner_db: Path) -> None:
    with connect(runner_db) as con:
        entry_id = pain.add_pain(con, ATHLETE, ENTRY, today=TODAY)
    assert _rows(runner_db) == [
        (
            entry_id,
            YESTERDAY,
            "hip-front",
            "right",
            "after-run",
            6,
            RUN_ID,
            "sharp on hills",
            ["pain_on_hopping"],
            "manual",
        )
    ]


def test_the_days_only_run_is_the_default_link(runner_db: Path) -> None:
    with connect(runner_db) as con:
        assert pain.run_on(con, ATHLETE, YESTERDAY) == RUN_ID  # the ride is not a run
        assert pain.run_on(con, ATHLETE, TODAY) is None


@pytest.mark.parametrize("activity_id", [OTHER_RUN_ID, 999_999], ids=["other athlete", "missing"])
def test_an_activity_that_is_not_yours_is_refused(runner_db: Path, activity_id: int) -> None:
    with connect(runner_db) as con, pytest.raises(InvalidEntry) as caught:
        pain.add_pain(con, ATHLETE, {**ENTRY, "activity_id": activity_id}, today=TODAY)
    assert caught.value.field == "activity_id"
    assert _rows(runner_db) == []


def test_a_bad_value_writes_nothing(runner_db: Path) -> None:
    with connect(runner_db) as con, pytest.raises(InvalidEntry):
        pain.add_pain(con, ATHLETE, {**ENTRY, "score": 12}, today=TODAY)
    assert _rows(runner_db) == []


def test_edit_replaces_the_fields(runner_db: Path) -> None:
    with connect(runner_db) as con:
        entry_id = pain.add_pain(con, ATHLETE, ENTRY, today=TODAY)
        pain.update_pain(
            con,
            ATHLETE,
            entry_id,
            {**ENTRY, "score": 3, "activity_id": OLD_RUN_ID, "red_flags": [], "note": ""},
            today=TODAY,
        )
    (row,) = _rows(runner_db)
    assert row[5:9] == (3, OLD_RUN_ID, None, [])


def test_a_bad_edit_keeps_the_entry(runner_db: Path) -> None:
    with connect(runner_db) as con:
        entry_id = pain.add_pain(con, ATHLETE, ENTRY, today=TODAY)
        with pytest.raises(InvalidEntry):
            pain.update_pain(con, ATHLETE, entry_id, {**ENTRY, "moment": "soon"}, today=TODAY)
        with pytest.raises(NotFound):
            pain.update_pain(
                con, ATHLETE + 1, entry_id, {**ENTRY, "activity_id": None}, today=TODAY
            )
    assert _rows(runner_db)[0][5] == 6


def test_delete_then_undo_restores_the_same_entry(runner_db: Path) -> None:
    with connect(runner_db) as con:
        entry_id = pain.add_pain(con, ATHLETE, ENTRY, today=TODAY)
    before = _rows(runner_db)
    with connect(runner_db) as con:
        trash_id = pain.delete_pain(con, ATHLETE, entry_id)
    assert _rows(runner_db) == []
    with connect(runner_db) as con:
        assert trash.restore(con, ATHLETE, trash_id) == "pain"
        with pytest.raises(NotFound):
            trash.restore(con, ATHLETE, trash_id)  # an undo happens once
    assert _rows(runner_db) == before


def test_delete_of_someone_elses_entry_is_refused(runner_db: Path) -> None:
    with connect(runner_db) as con:
        entry_id = pain.add_pain(con, ATHLETE, ENTRY, today=TODAY)
        with pytest.raises(NotFound):
            pain.delete_pain(con, ATHLETE + 1, entry_id)
    assert len(_rows(runner_db)) == 1


def test_an_entry_keeps_its_link_when_the_activity_was_removed(runner_db: Path) -> None:
    with connect(runner_db) as con:
        entry_id = pain.add_pain(con, ATHLETE, ENTRY, today=TODAY)
        con.execute("DELETE FROM activities WHERE id = ?", [RUN_ID])  # as a sync deletion does
        pain.update_pain(con, ATHLETE, entry_id, {**ENTRY, "score": 2}, today=TODAY)
        with pytest.raises(InvalidEntry):
            pain.update_pain(
                con, ATHLETE, entry_id, {**ENTRY, "activity_id": OLD_RUN_ID + 99}, today=TODAY
            )
    assert _rows(runner_db)[0][5:7] == (2, RUN_ID)
