"""Heart-rate streams: off by default, one request per HR activity, budgeted, never asked twice."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.cli import main
from pipelines.db import connect
from pipelines.imports.samples import hr_histogram
from pipelines.strava.config import StravaSettings
from pipelines.strava.retention import delete_api_data, preferences, set_preferences
from pipelines.strava.sync import sync
from tests.conftest import APP
from tests.strava.fake_strava import ATHLETE_ID, FakeStrava

END = datetime(2026, 11, 20, 7, 0)
STREAM_PATH = re.compile(r"/api/v3/activities/(\d+)/streams")


def _turn_on(db: Path) -> None:
    with connect(db) as con:
        set_preferences(con, ATHLETE_ID, fetch_streams=True)


def _stream_ids(fake: FakeStrava) -> list[int]:
    """Activity ids whose streams were requested, in request order."""
    found = (STREAM_PATH.fullmatch(path) for _, path, _ in fake.requests("/streams"))
    return [int(match.group(1)) for match in found if match]


def _sessions(db: Path) -> dict[int, tuple[Any, str | None]]:
    """id → (hr_histogram as a dict or None, load_source)."""
    with connect(db) as con:
        rows = con.execute("SELECT id, hr_histogram, load_source FROM activities").fetchall()
    return {row[0]: (json.loads(row[1]) if row[1] else None, row[2]) for row in rows}


def _misses(db: Path) -> list[tuple[int, str]]:
    with connect(db) as con:
        return con.execute(
            "SELECT activity_id, reason FROM strava_stream_misses ORDER BY activity_id"
        ).fetchall()


def _peak_short_usage(fake: FakeStrava) -> int:
    return max(fake.state.usage["short"].values())


def test_off_by_default_no_stream_requests(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(5, 1, END)
    report = sync(connected, settings)
    assert report.fetched == 5 and report.streams == 0
    assert fake.requests("/streams") == []
    with connect(connected) as con:
        assert preferences(con, ATHLETE_ID).fetch_streams is False
    assert {value for value in _sessions(connected).values()} == {(None, "hr_avg")}


def test_on_reads_each_hr_activity_once_and_rescores_it(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(4, 1, END)
    fake.add_activity(10, END + timedelta(hours=2), has_heartrate=False, average_heartrate=None)
    fake.add_activity(11, END + timedelta(hours=4), manual=True, has_heartrate=False)
    sync(connected, settings)
    _turn_on(connected)
    fake.reset_log()
    report = sync(connected, settings)
    assert _stream_ids(fake) == [4, 3, 2, 1]  # newest first; none for the HR-less ones
    assert all(
        params["keys"] == "time,heartrate" and params["key_by_type"] in ("true", "True")
        for _, _, params in fake.requests("/streams")
    )
    assert report.streams == 4 and report.streams_missing == 0 and report.streams_left == 0
    # One short listing page ends the incremental listing; then the four streams.
    assert report.requests == len(fake.requests()) == 1 + 4
    sessions = _sessions(connected)
    for activity_id in (1, 2, 3, 4):
        histogram, source = sessions[activity_id]
        assert source == "hr_stream"
        assert min(map(int, histogram)) == 130 and max(map(int, histogram)) == 169
        assert sum(histogram.values()) == pytest.approx(2999.0)  # 3,000 samples a second apart
    assert sessions[10][0] is None and sessions[10][1] != "hr_stream"
    first_day = (END - timedelta(hours=60) + timedelta(hours=1)).date()
    assert report.recomputed_since == first_day
    fake.reset_log()
    again = sync(connected, settings)
    assert fake.requests("/streams") == [] and again.streams == 0


def test_histogram_is_built_like_a_file_import(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    start = fake.add_activity(1, END)["start_date"]
    seconds, beats = [0, 1, 2, 5, 30, 31], [100, 100, 150, 150, None, 120]
    fake.set_streams(1, {"time": seconds, "heartrate": beats})
    _turn_on(connected)
    sync(connected, settings)
    origin = datetime.fromisoformat(start.replace("Z", ""))
    expected = hr_histogram(
        (origin + timedelta(seconds=s), b) for s, b in zip(seconds, beats, strict=True)
    )
    # 2 s at 100; 3 s, then 25 s capped at the 10 s pause limit, at 150; the gap counts nowhere.
    assert expected == {100: 2.0, 150: 13.0}
    stored, source = _sessions(connected)[1]
    assert stored == {str(bpm): secs for bpm, secs in expected.items()}
    assert source == "hr_stream"


@pytest.mark.parametrize(
    ("served", "reason"),
    [
        (None, "not_found"),
        ({}, "empty"),
        ({"time": [0, 1, 2]}, "empty"),
        ({"time": [0, 1, 2], "heartrate": [0, 0, 0]}, "no_valid_samples"),
    ],
    ids=["404", "empty-object", "no-heartrate-stream", "only-dropouts"],
)
def test_missing_stream_is_recorded_and_not_asked_again(
    fake: FakeStrava,
    connected: Path,
    settings: StravaSettings,
    served: dict[str, list[Any]] | None,
    reason: str,
) -> None:
    fake.add_series(2, 1, END)
    fake.set_streams(2, served)
    _turn_on(connected)
    report = sync(connected, settings)
    assert _stream_ids(fake) == [2, 1]
    assert report.streams == 1 and report.streams_missing == 1
    assert _misses(connected) == [(2, reason)]
    assert _sessions(connected)[2] == (None, "hr_avg")
    fake.reset_log()
    sync(connected, settings)
    assert fake.requests("/streams") == []
    with connect(connected) as con:
        delete_api_data(con, ATHLETE_ID)
    assert _misses(connected) == []


def test_budget_stop_then_resume_without_duplicates(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(30, 1, END)
    _turn_on(connected)
    fake.state.limits["read"] = (100, 1000)
    fake.set_usage(50)  # athlete, zones and two listing pages leave room for ~21 streams
    first = sync(connected, settings)
    done = _stream_ids(fake)
    assert 0 < len(done) < 30
    assert done == list(range(30, 30 - len(done), -1))  # the newest first
    assert first.streams == len(done) and first.streams_left == 30 - len(done)
    assert _peak_short_usage(fake) <= 75  # streams stop at 75 % of the window: no 429
    with connect(connected) as con:
        status, message = con.execute(
            "SELECT status, message FROM strava_sync_runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert status == "done" and "left for the next sync" in message

    # Sync now again in the same window: the headroom still lists a new run; no streams yet.
    fake.add_activity(31, END + timedelta(hours=5))
    fake.reset_log()
    same_window = sync(connected, settings)
    assert same_window.upserted == 1 and not fake.requests("/streams")
    assert same_window.streams_left == 30 - len(done) + 1

    fake.set_usage(0, 0)
    fake.reset_log()
    second = sync(connected, settings)
    rest = _stream_ids(fake)
    assert rest[0] == 31
    assert sorted(done + rest) == list(range(1, 32))  # every activity once, none twice
    assert second.streams == len(rest) and second.streams_left == 0
    assert all(source == "hr_stream" for _, source in _sessions(connected).values())


def test_streams_without_rate_headers_still_stop_before_the_limit(
    fake: FakeStrava, connected: Path, settings: StravaSettings
) -> None:
    fake.add_series(40, 1, END)
    _turn_on(connected)
    fake.state.bare_paths = ("/streams",)
    fake.set_usage(50)
    report = sync(connected, settings)
    assert 0 < report.streams < 40 and report.streams_left == 40 - report.streams
    assert _peak_short_usage(fake) <= 75


def test_cli_turns_streams_on_and_keeps_other_settings(
    connected: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["strava", "retention", "--details", "on"]) == 0
    capsys.readouterr()
    assert main(["strava", "retention", "--streams", "on"]) == 0
    assert "run details on; heart-rate streams on" in capsys.readouterr().out
    assert main(["strava", "status"]) == 0
    assert "heart-rate streams on" in capsys.readouterr().out
    with connect(connected) as con:
        prefs = preferences(con, ATHLETE_ID)
    assert prefs.fetch_details and prefs.fetch_streams


def test_settings_checkbox_saves_streams(connected: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page("app_pages/settings.py")
    at.run()
    assert not at.exception
    at.checkbox(key="strava_fetch_streams").check()
    next(b for b in at.button if b.label == "Save sync settings").click().run()
    assert not at.exception
    with connect(connected) as con:
        prefs = preferences(con, ATHLETE_ID)
    assert prefs.fetch_streams and not prefs.fetch_details
