"""`stridewise strava status|retention|disconnect` from the terminal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.db import connect
from pipelines.strava import tokens as token_store
from tests.strava.fake_strava import FakeStrava


def test_status_retention_and_disconnect(
    fake: FakeStrava, connected: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.add_series(3, 1, datetime(2026, 11, 20, 7))
    assert main(["sync"]) == 0
    assert "3 activities checked" in capsys.readouterr().out
    assert main(["strava", "status"]) == 0
    shown = capsys.readouterr().out
    assert "Connected as Ada Runner" in shown and "Last sync: done" in shown
    with connect(connected) as con:
        stored = token_store.load(con, token_store.connected_athlete_ids(con)[0])
    assert stored is not None and stored.access_token not in shown
    assert main(["strava", "retention", "--days", "30", "--details", "on"]) == 0
    assert "kept: 30 days" in capsys.readouterr().out
    assert main(["strava", "retention", "--days", "3"]) == 2
    assert "retention_days" in capsys.readouterr().err
    assert main(["strava", "disconnect", "--delete-data"]) == 0
    assert "3 API activities deleted" in capsys.readouterr().out
    assert main(["strava", "status"]) == 1
