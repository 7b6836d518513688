"""Session RPE feeds the session load: setting, changing and deleting it rescores from that day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pipelines.db import connect
from pipelines.entries import rpe, trash
from pipelines.errors import InvalidEntry
from tests.entries.conftest import ATHLETE, OTHER_RUN_ID, RIDE_ID, RUN_ID, TODAY, YESTERDAY

SRPE_60_MIN_AT_6 = 60 * 6 * 100 / 420  # Foster sRPE on the 100-per-threshold-hour scale


def _load(db: Path) -> tuple[float, str, float]:
    with connect(db) as con:
        row = con.execute(
            "SELECT a.load, a.load_source, d.load FROM activities a JOIN daily_metrics d"
            " ON d.athlete_id = a.athlete_id AND d.date = CAST(a.start_date_local AS DATE)"
            " WHERE a.id = ?",
            [RUN_ID],
        ).fetchone()
    assert row is not None
    return row


def test_rpe_becomes_the_session_load_and_the_days_load(runner_db: Path) -> None:
    with connect(runner_db) as con:
        assert rpe.set_rpe(con, ATHLETE, RUN_ID, "6") == YESTERDAY
    load, source, _ = _load(runner_db)
    assert source == "rpe"
    assert load == pytest.approx(SRPE_60_MIN_AT_6)


def test_changing_and_deleting_rpe_rescores(runner_db: Path) -> None:
    default_load = _load(runner_db)
    with connect(runner_db) as con:
        rpe.set_rpe(con, ATHLETE, RUN_ID, 6)
        rpe.set_rpe(con, ATHLETE, RUN_ID, 3)
    assert _load(runner_db)[0] == pytest.approx(SRPE_60_MIN_AT_6 / 2)
    with connect(runner_db) as con:
        trash_id = rpe.delete_rpe(con, ATHLETE, RUN_ID)
    assert _load(runner_db) == pytest.approx(default_load)
    with connect(runner_db) as con:
        trash.restore(con, ATHLETE, trash_id)
    assert _load(runner_db)[0] == pytest.approx(SRPE_60_MIN_AT_6 / 2)


@pytest.mark.parametrize(
    ("activity_id", "value", "field"),
    [
        (999_999, 5, "activity_id"),
        (OTHER_RUN_ID, 5, "activity_id"),
        ("abc", 5, "activity_id"),
        (RUN_ID, 11, "rpe"),
        (RUN_ID, "hard", "rpe"),
    ],
    ids=["missing activity", "other athlete", "not a number", "above 10", "not a number rpe"],
)
def test_bad_rpe_writes_nothing(
    runner_db: Path, activity_id: object, value: object, field: str
) -> None:
    with connect(runner_db) as con:
        with pytest.raises(InvalidEntry) as caught:
            rpe.set_rpe(con, ATHLETE, activity_id, value)
        assert con.execute("SELECT count(*) FROM session_rpe").fetchone() == (0,)
    assert caught.value.field == field


def test_date_must_match_the_activity(runner_db: Path) -> None:
    with connect(runner_db) as con, pytest.raises(InvalidEntry) as caught:
        rpe.set_rpe(con, ATHLETE, RUN_ID, 5, on_date=TODAY)
    assert caught.value.field == "date"


def test_recent_sessions_without_a_rating_are_listed(runner_db: Path) -> None:
    with connect(runner_db) as con:
        assert set(rpe.awaiting_rpe(con, ATHLETE, TODAY)["id"]) == {RUN_ID, RIDE_ID}
        rpe.set_rpe(con, ATHLETE, RUN_ID, 4)
        assert list(rpe.awaiting_rpe(con, ATHLETE, TODAY)["id"]) == [RIDE_ID]
        assert rpe.awaiting_rpe(con, ATHLETE, TODAY + timedelta(days=8)).empty
        assert list(rpe.rpe_history(con, ATHLETE)["activity_id"]) == [RUN_ID]


def test_rpe_for_a_session_imported_from_a_loose_file(runner_db: Path) -> None:
    """Loose files get 63-bit negative ids; they must round-trip exactly, not through a float."""
    file_id = -8446744073709551615
    with connect(runner_db) as con:
        con.execute(
            "INSERT INTO activities (id, athlete_id, source, sport_type, start_date,"
            " start_date_local, moving_time_s) SELECT ?, athlete_id, 'file', sport_type,"
            " start_date, start_date_local, moving_time_s FROM activities WHERE id = ?",
            [file_id, RUN_ID],
        )
        rpe.set_rpe(con, ATHLETE, str(file_id), 6)
        stored = con.execute(
            "SELECT rpe FROM session_rpe WHERE activity_id = ?", [file_id]
        ).fetchone()
    assert stored == (6.0,)
