"""Daily check-ins: one per day, saving again updates it, edits can't collide, undo works."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.entries import checkins, trash
from pipelines.errors import InvalidEntry
from tests.entries.conftest import ATHLETE, TODAY, YESTERDAY

CHECKIN = {
    "date": TODAY,
    "stress": 5,
    "sleep_quality": 3,
    "fatigue": 4,
    "soreness": 4,
    "mood": 2,
    "sleep_hours": "6.5",
    "resting_hr": 52,
    "note": "deadline week",
}


def _rows(db: Path) -> list[tuple]:
    with connect(db) as con:
        return con.execute(
            "SELECT date, stress, sleep_quality, fatigue, soreness, mood, sleep_hours,"
            " resting_hr, note FROM wellness_entries ORDER BY date"
        ).fetchall()


def test_saving_twice_on_a_day_updates_it(runner_db: Path) -> None:
    with connect(runner_db) as con:
        assert checkins.save_checkin(con, ATHLETE, CHECKIN, today=TODAY) is False
        assert (
            checkins.save_checkin(con, ATHLETE, {**CHECKIN, "stress": 2, "mood": None}, today=TODAY)
            is True
        )
    assert _rows(runner_db) == [(TODAY, 2, 3, 4, 4, None, 6.5, 52, "deadline week")]


def test_a_bad_value_writes_nothing(runner_db: Path) -> None:
    with connect(runner_db) as con, pytest.raises(InvalidEntry) as caught:
        checkins.save_checkin(con, ATHLETE, {**CHECKIN, "fatigue": 8}, today=TODAY)
    assert caught.value.field == "fatigue"
    assert _rows(runner_db) == []


def test_moving_a_checkin_onto_a_day_that_has_one_is_refused(runner_db: Path) -> None:
    with connect(runner_db) as con:
        checkins.save_checkin(con, ATHLETE, CHECKIN, today=TODAY)
        checkins.save_checkin(con, ATHLETE, {**CHECKIN, "date": YESTERDAY}, today=TODAY)
        with pytest.raises(InvalidEntry) as caught:
            checkins.update_checkin(
                con, ATHLETE, TODAY, {**CHECKIN, "date": YESTERDAY}, today=TODAY
            )
    assert caught.value.field == "date"
    assert "one check-in per day" in caught.value.allowed


def test_edit_can_move_a_checkin_to_a_free_day(runner_db: Path) -> None:
    earlier = TODAY - timedelta(days=3)
    with connect(runner_db) as con:
        checkins.save_checkin(con, ATHLETE, CHECKIN, today=TODAY)
        checkins.update_checkin(
            con, ATHLETE, TODAY, {**CHECKIN, "date": earlier, "stress": 1}, today=TODAY
        )
    assert [row[:2] for row in _rows(runner_db)] == [(earlier, 1)]


def test_delete_then_undo(runner_db: Path) -> None:
    with connect(runner_db) as con:
        checkins.save_checkin(con, ATHLETE, CHECKIN, today=TODAY)
    before = _rows(runner_db)
    with connect(runner_db) as con:
        trash_id = checkins.delete_checkin(con, ATHLETE, TODAY)
    assert _rows(runner_db) == []
    with connect(runner_db) as con:
        trash.restore(con, ATHLETE, trash_id)
    assert _rows(runner_db) == before


def test_undo_refuses_to_overwrite_a_newer_checkin(runner_db: Path) -> None:
    with connect(runner_db) as con:
        checkins.save_checkin(con, ATHLETE, CHECKIN, today=TODAY)
        trash_id = checkins.delete_checkin(con, ATHLETE, TODAY)
        checkins.save_checkin(con, ATHLETE, {**CHECKIN, "stress": 1}, today=TODAY)
        with pytest.raises(InvalidEntry) as caught:
            trash.restore(con, ATHLETE, trash_id)
    assert caught.value.field == "undo"
    assert _rows(runner_db)[0][1] == 1
