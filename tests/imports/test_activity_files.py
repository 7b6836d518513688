"""FIT, GPX and TCX files: heart-rate time per bpm, local start time, damaged files refused."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipelines.imports.files import content_id, is_activity_file, read_activity_file
from pipelines.imports.models import UnreadableFile
from pipelines.imports.samples import MAX_SAMPLE_GAP_S, hr_histogram
from tests.imports.builders import TCX, fit_gz
from tests.imports.fit_encoder import FitActivity, encode

GPXPY_SAMPLE = Path(__file__).parent / "data" / "gpxpy" / "garmin_tpx.gpx"
START = datetime(2026, 3, 1, 6, 30, tzinfo=UTC)


def test_a_fit_run_gives_seconds_per_bpm_and_the_watch_local_time() -> None:
    rates = [140] * 60 + [160] * 61  # two minutes, one sample a second
    data = encode(FitActivity(start=START, heart_rates=rates, utc_offset_s=3600))
    found = read_activity_file("run.fit", data)
    assert found.hr_histogram == {140: 60.0, 160: 60.0}
    assert found.start_utc == datetime(2026, 3, 1, 6, 30)
    assert found.utc_offset_s == 3600
    assert found.sport_type == "Run"
    assert found.elapsed_time_s == 120.0 and found.distance_m == pytest.approx(360.0)
    assert found.max_heartrate == 160.0


@pytest.mark.parametrize(
    ("sport", "sub_sport", "expected"),
    [("running", "trail", "TrailRun"), ("cycling", "generic", "Ride"),
     ("training", "strength_training", "WeightTraining"), ("walking", "generic", "Walk")],
)  # fmt: skip
def test_fit_sports_map_to_sport_types(sport: str, sub_sport: str, expected: str) -> None:
    data = encode(FitActivity(start=START, heart_rates=[120] * 5, sport=sport, sub_sport=sub_sport))
    assert read_activity_file("a.fit", data).sport_type == expected


def test_a_gzipped_fit_file_reads_the_same() -> None:
    found = read_activity_file("a.fit.gz", fit_gz(START, 2, 150, utc_offset_s=-14400))
    assert found.hr_histogram == {150: 120.0} and found.utc_offset_s == -14400


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("cut.fit.gz", fit_gz(START, 5, 150, 0)[:300], "damaged"),
     ("cut.fit", encode(FitActivity(start=START, heart_rates=[150] * 300))[:-40], "FIT"),
     ("noise.fit", b"\x0e\x20" + bytes(200), "FIT"),
     ("broken.gpx", b"<gpx><trk><trkseg><trkpt", "GPX"),
     ("broken.tcx", b"<TrainingCenterDatabase>", "TCX"),
     ("notes.txt", b"hello", "unsupported")],
    ids=["truncated-gzip", "truncated-fit", "not-fit", "broken-gpx", "broken-tcx", "txt"],
)  # fmt: skip
def test_damaged_or_unsupported_files_are_refused_with_a_reason(
    name: str, data: bytes, message: str
) -> None:
    with pytest.raises(UnreadableFile, match=message):
        read_activity_file(name, data)


def test_the_gpxpy_garmin_sample_gives_heart_rate_time_and_caps_the_pause() -> None:
    found = read_activity_file("garmin_tpx.gpx", GPXPY_SAMPLE.read_bytes())
    # 113 bpm for 1 s, then 112 bpm before a 21-minute gap that counts as a pause
    assert found.hr_histogram == {112: MAX_SAMPLE_GAP_S, 113: 1.0}
    assert found.start_utc == datetime(2017, 11, 19, 11, 23, 7)
    assert found.utc_offset_s is None  # GPX times are UTC: the profile zone decides
    assert found.sport_type == "Ride" and found.name == "test_garmin_tpx"


def test_gpx_times_with_an_offset_give_the_local_time() -> None:
    gpx = b"""<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
    <trk><type>running</type><trkseg>
    <trkpt lat="48.85" lon="2.35"><time>2026-06-01T21:30:00+02:00</time></trkpt>
    <trkpt lat="48.86" lon="2.35"><time>2026-06-01T21:40:00+02:00</time></trkpt>
    </trkseg></trk></gpx>"""
    found = read_activity_file("paris.gpx", gpx)
    assert found.start_utc == datetime(2026, 6, 1, 19, 30) and found.utc_offset_s == 7200
    assert found.sport_type == "Run" and not found.hr_histogram


def test_a_strava_tcx_with_leading_blanks_is_read() -> None:
    found = read_activity_file("9003.tcx", TCX.encode())
    assert found.hr_histogram == {120: 5.0, 130: 5.0, 140: MAX_SAMPLE_GAP_S}
    assert found.start_utc == datetime(2022, 10, 8, 14, 0)
    assert found.sport_type == "Run" and found.distance_m == 60.0
    assert found.max_heartrate == 141.0


def test_histogram_skips_dropouts_and_backwards_time() -> None:
    t = [datetime(2026, 1, 1, 8, 0, s) for s in (0, 1, 2, 3, 2, 5)]
    samples = list(zip(t, [150, 0, 151, 152, 153, 154], strict=True))
    assert hr_histogram(samples) == {150: 1.0, 151: 1.0, 153: 3.0}


def test_loose_file_ids_are_negative_stable_and_content_based() -> None:
    data = encode(FitActivity(start=START, heart_rates=[150] * 10))
    assert content_id(data) == content_id(bytes(data)) < 0
    assert content_id(data) != content_id(data + b"\x00")
    assert is_activity_file("A.FIT.GZ") and not is_activity_file("a.zip")


def test_gzip_of_a_gpx_is_read() -> None:
    found = read_activity_file("g.gpx.gz", gzip.compress(GPXPY_SAMPLE.read_bytes()))
    assert found.name == "test_garmin_tpx"
