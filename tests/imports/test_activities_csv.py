"""activities.csv: every known layout, a localized header, occurrences, dates and types."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from pipelines.imports.activities_csv import number, read_activities_csv
from pipelines.imports.dates import parse_activity_date
from pipelines.imports.models import UnreadableExport
from tests.imports.builders import (
    HEADER_86,
    HEADER_94,
    HEADER_103,
    HEADER_DE_92,
    csv_bytes,
    sample_rows,
)


@pytest.mark.parametrize(
    "header", [HEADER_86, HEADER_94, HEADER_103], ids=["86-columns", "94-columns", "103-columns"]
)
def test_english_layouts_read_the_metric_columns_by_occurrence(header: list[str]) -> None:
    row = {"id": "7926971219", "date": "Oct 6, 2022, 11:19:20 PM", "type": "Run",
           "distance_m": "2432.77", "elapsed_display": "1300", "elapsed": "1301.0",
           "moving": "1250.0", "average_hr": "151.2", "max_hr": "171.0",
           "perceived_exertion": "7.0", "filename": "activities/8474917700.fit.gz"}  # fmt: skip
    cells = {**row}
    table = read_activities_csv(csv_bytes(header, [cells]))
    first_distance = header.index("Distance")
    assert first_distance == 6 and header.index("Distance", first_distance + 1) == 17
    (parsed,) = table.rows
    assert table.english and table.width == len(header)
    assert parsed.activity_id == 7926971219
    assert parsed.start_utc == datetime(2022, 10, 6, 23, 19, 20)
    assert parsed.distance_m == pytest.approx(2432.77)
    assert parsed.elapsed_time_s == 1301.0 and parsed.moving_time_s == 1250.0
    assert parsed.average_heartrate == 151.2 and parsed.max_heartrate == 171.0
    assert parsed.perceived_exertion == 7.0
    assert parsed.filename == "activities/8474917700.fit.gz"


def test_the_display_distance_is_never_taken_for_metres() -> None:
    header = HEADER_94
    data = csv_bytes(header, [{"id": "1", "date": "Oct 6, 2022, 7:00:00 AM", "type": "Run",
                               "distance_m": "10012.5"}])  # fmt: skip
    text = data.decode("utf-8-sig").splitlines()
    cells = text[1].split(",")
    cells[6] = "6.22"  # the first Distance: display miles
    table = read_activities_csv(("\n".join([text[0], ",".join(cells)]) + "\n").encode())
    assert table.rows[0].distance_m == 10012.5


def test_a_german_export_is_read_by_position_with_decimal_commas() -> None:
    row = {"id": "19404735112", "date": "21.07.2026, 15:09:27", "name": "Lauf am Nachmittag",
           "type": "Lauf", "distance_m": "2810,4", "elapsed": "1390", "moving": "1385,0",
           "average_hr": "148", "perceived_exertion": "5"}  # fmt: skip
    table = read_activities_csv(csv_bytes(HEADER_DE_92, [row]))
    (parsed,) = table.rows
    assert not table.english
    assert parsed.start_utc == datetime(2026, 7, 21, 15, 9, 27)
    assert parsed.sport_type == "Run"
    assert parsed.distance_m == pytest.approx(2810.4)
    assert parsed.moving_time_s == 1385.0
    assert parsed.average_heartrate == 148.0 and parsed.perceived_exertion == 5.0


def test_an_unknown_german_type_is_left_for_the_activity_file() -> None:
    row = {"id": "5", "date": "1.02.2026, 07:00:00", "type": "Skilanglauf"}
    (parsed,) = read_activities_csv(csv_bytes(HEADER_DE_92, [row])).rows
    assert parsed.sport_type is None and parsed.display_type == "Skilanglauf"


def test_english_headers_are_matched_by_name_even_in_a_new_layout() -> None:
    header = ["Activity ID", "Activity Date", "Brand New Column", *HEADER_94[2:]]
    row = ["42", "Jan 2, 2026, 6:00:00 AM", "x", "Morning Run", "Run"] + [""] * (len(header) - 5)
    row[header.index("Distance", 10)] = "5000.0"
    out = io.StringIO()
    csv.writer(out).writerows([header, row])
    (parsed,) = read_activities_csv(out.getvalue().encode()).rows
    assert parsed.name == "Morning Run" and parsed.distance_m == 5000.0


def test_translation_missing_column_names_do_not_matter() -> None:
    missing = "translation missing: en-GB.lib.export.portability_exporter.activities.horton_values"
    header = [*HEADER_94[:-1], f"{missing}.x", "Media"]
    table = read_activities_csv(csv_bytes(header, [{"id": "3", "date": "Jan 2, 2026, 6:00:00 AM",
                                                    "type": "Walk"}]))  # fmt: skip
    assert table.rows[0].sport_type == "Walk"


def test_commas_quotes_emoji_and_newlines_in_a_description_survive() -> None:
    rows = sample_rows()
    table = read_activities_csv(csv_bytes(HEADER_94, rows))
    ride = next(r for r in table.rows if r.activity_id == 8005)
    assert ride.name == "Ride, with friends 🚴‍♀️"
    assert ride.raw["Activity Description"] == 'Easy spin, "Z2", then coffee ☕️\nsecond line'
    assert ride.sport_type == "VirtualRide"
    assert len(table.rows) == len(rows) and not table.skipped


@pytest.mark.parametrize(
    ("display", "sport_type"),
    [("Run", "Run"), ("Weight Training", "WeightTraining"), ("Virtual Ride", "VirtualRide"),
     ("Trail Run", "TrailRun"), ("E-Bike Ride", "EBikeRide"),
     ("HIIT", "HighIntensityIntervalTraining"), ("Stair Stepper", "StairStepper")],
)  # fmt: skip
def test_display_types_map_to_sport_types(display: str, sport_type: str) -> None:
    row = {"id": "9", "date": "Jan 2, 2026, 6:00:00 AM", "type": display}
    assert read_activities_csv(csv_bytes(HEADER_86, [row])).rows[0].sport_type == sport_type


def test_repeated_names_are_kept_apart_in_the_raw_record() -> None:
    row = {"id": "9", "date": "Jan 2, 2026, 6:00:00 AM", "type": "Run", "elapsed_display": "60",
           "elapsed": "61.0"}  # fmt: skip
    raw = read_activities_csv(csv_bytes(HEADER_94, [row])).rows[0].raw
    assert raw["Elapsed Time"] == "60" and raw["Elapsed Time #2"] == "61.0"


def test_a_row_without_a_numeric_id_is_reported_and_the_rest_kept() -> None:
    rows = [{"id": "abc", "date": "Jan 2, 2026, 6:00:00 AM", "type": "Run"},
            {"id": "10", "date": "Jan 3, 2026, 6:00:00 AM", "type": "Run"}]  # fmt: skip
    table = read_activities_csv(csv_bytes(HEADER_94, rows))
    assert [r.activity_id for r in table.rows] == [10]
    assert table.skipped[0].item == "activities.csv row 2" and "abc" in table.skipped[0].reason


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"\xff\xfe\x00garbage", "UTF-8"), (b"a,b,c\n1,2,3\n", "do not recognise"),
     (b"Activity ID,Activity Name\n1,x\n", "Activity Date")],
    ids=["empty", "not-utf8", "foreign-csv", "english-missing-date"],
)  # fmt: skip
def test_an_unreadable_activities_csv_says_why(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableExport, match=message):
        read_activities_csv(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Oct 6, 2022, 11:19:20 PM", datetime(2022, 10, 6, 23, 19, 20)),
     ("Oct 7, 2022, 12:29:00 AM", datetime(2022, 10, 7, 0, 29)),
     ("21.07.2026, 15:09:27", datetime(2026, 7, 21, 15, 9, 27)),
     ("6 oct. 2022, 23:19:20", datetime(2022, 10, 6, 23, 19, 20)),
     ("6 juil. 2022, 08:00:00", datetime(2022, 7, 6, 8, 0)),
     ("6. März 2022, 07:00:00", datetime(2022, 3, 6, 7, 0)),
     ("6 de out. de 2022 21:00:00", datetime(2022, 10, 6, 21, 0)),
     ("2022-10-06 23:19:20", datetime(2022, 10, 6, 23, 19, 20))],
)  # fmt: skip
def test_activity_dates_in_several_languages(text: str, expected: datetime) -> None:
    assert parse_activity_date(text) == expected


def test_an_activity_date_without_a_time_is_refused() -> None:
    with pytest.raises(ValueError, match="time of day"):
        parse_activity_date("Oct 6, 2022")


@pytest.mark.parametrize(
    ("text", "value"),
    [("2432.77", 2432.77), ("2,81", 2.81), ("1.234,5", 1234.5), ("", None), ("n/a", None)],
)
def test_numbers_with_either_decimal_mark(text: str, value: float | None) -> None:
    assert number(text) == value
