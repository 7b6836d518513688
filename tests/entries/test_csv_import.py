"""CSV import is all or nothing and names every bad line (the header is line 1)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.db import connect
from pipelines.entries import csv_io
from tests.entries.conftest import ATHLETE, OTHER_RUN_ID, RUN_ID, TODAY, YESTERDAY

HEADER = ",".join(csv_io.COLUMNS)


def _row(**cells: object) -> str:
    return ",".join(str(cells.get(column, "")) for column in csv_io.COLUMNS)


GOOD_PAIN = _row(kind="pain", date=YESTERDAY, site="knee", side="left", moment="after-run", score=3)
GOOD_CHECKIN = _row(
    kind="checkin",
    date=YESTERDAY,
    stress=4,
    sleep_quality=3,
    fatigue=4,
    soreness=2,
    mood=4,
    sleep_hours=7.5,
)
GOOD_RPE = _row(kind="rpe", date=YESTERDAY, activity_id=RUN_ID, rpe=6)


def _counts(db: Path) -> tuple[int, int, int]:
    with connect(db) as con:
        row = con.execute(
            "SELECT (SELECT count(*) FROM pain_entries), (SELECT count(*) FROM wellness_entries),"
            " (SELECT count(*) FROM session_rpe)"
        ).fetchone()
    assert row is not None
    return row


def _import(db: Path, text: str) -> csv_io.ImportReport:
    with connect(db) as con:
        return csv_io.import_csv(con, ATHLETE, io.StringIO(text), today=TODAY)


def test_good_rows_of_every_kind_are_imported(runner_db: Path) -> None:
    report = _import(runner_db, "\n".join([HEADER, GOOD_PAIN, GOOD_CHECKIN, GOOD_RPE]) + "\n")
    assert report == csv_io.ImportReport(
        pain_added=1, pain_unchanged=0, checkins_added=1, checkins_updated=0, rpe_set=1
    )
    with connect(runner_db) as con:
        assert con.execute("SELECT DISTINCT source FROM pain_entries").fetchall() == [("csv",)]
        assert con.execute(
            f"SELECT load_source FROM activities WHERE id = {RUN_ID}"
        ).fetchall() == [("rpe",)]


def test_importing_the_same_file_again_changes_nothing(runner_db: Path) -> None:
    text = "\n".join([HEADER, GOOD_PAIN, GOOD_CHECKIN]) + "\n"
    _import(runner_db, text)
    report = _import(runner_db, text)
    assert (report.pain_added, report.pain_unchanged, report.checkins_updated) == (0, 1, 1)
    assert _counts(runner_db) == (1, 1, 0)


def test_mixed_good_and_bad_rows_write_nothing_and_list_every_bad_line(runner_db: Path) -> None:
    lines = [
        HEADER,  # 1
        GOOD_PAIN,  # 2
        _row(kind="pain", date=YESTERDAY, site="hip", moment="after-run", score=3),  # 3
        GOOD_CHECKIN,  # 4
        _row(
            kind="pain",
            date=YESTERDAY,
            site="knee",
            moment="after-run",
            score=3,
            note='"a note\nover two lines"',
        ),  # 5-6
        _row(
            kind="checkin", date=YESTERDAY, stress=4, sleep_quality=3, fatigue=4, soreness=2
        ),  # 7: same day
        "",  # 8: blank
        _row(kind="pain", date="2099-01-01", site="knee", moment="after-run", score=3),  # 9
        _row(kind="rpe", activity_id=OTHER_RUN_ID, rpe=5),  # 10
        _row(kind="rpe", activity_id=RUN_ID, rpe="hard"),  # 11
        _row(kind="wellness", date=YESTERDAY),  # 12
        _row(
            kind="checkin", date=YESTERDAY, stress="x", sleep_quality=3, fatigue=4, soreness=2
        ),  # 13
        GOOD_PAIN + ",extra",  # 14
    ]
    with pytest.raises(csv_io.InvalidRows) as caught:
        _import(runner_db, "\n".join(lines) + "\n")
    problems = [(p.line, p.field) for p in caught.value.problems]
    assert problems == [
        (3, "site"),
        (7, "date"),
        (9, "date"),
        (10, "activity_id"),
        (11, "rpe"),
        (12, "kind"),
        (13, "stress"),
        (14, "columns"),
    ]
    assert "line 4 has this day already" in caught.value.problems[1].allowed
    assert _counts(runner_db) == (0, 0, 0)


@pytest.mark.parametrize(
    "header", ["date,site,score", "kind,date,colour", ""], ids=["no kind", "unknown", "empty"]
)
def test_a_bad_header_is_line_1(runner_db: Path, header: str) -> None:
    with pytest.raises(csv_io.InvalidRows) as caught:
        _import(runner_db, header + "\n" + GOOD_PAIN + "\n")
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "header")]


def test_a_short_header_and_a_byte_order_mark_are_fine(runner_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "from-a-spreadsheet.csv"
    path.write_text(
        f"kind,date,site,moment,score\r\npain,{YESTERDAY},shin,at-rest,2\r\n",
        encoding="utf-8-sig",
    )
    assert main(["entries", "import", "--format", "csv", str(path)]) == 0
    assert _counts(runner_db) == (1, 0, 0)


def test_the_cli_lists_every_bad_line(
    runner_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                GOOD_PAIN,
                _row(kind="pain", date=YESTERDAY, site="knee", moment="x", score=1),
                _row(kind="pain", date=YESTERDAY, site="knee", moment="at-rest", score=-2),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["entries", "import", "--format", "csv", str(path)]) == 2
    err = capsys.readouterr().err
    assert "2 bad rows, nothing was imported" in err
    assert "line 3: moment: one of during-run" in err
    assert "line 4: score: a whole number from 0 to 10 (got '-2')" in err
    assert _counts(runner_db) == (0, 0, 0)


def test_a_file_that_is_not_text_is_refused(
    runner_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\xff\xd8\xff\xe0 not a csv")
    assert main(["entries", "import", "--format", "csv", str(path)]) == 2
    assert "a UTF-8 CSV file" in capsys.readouterr().err
