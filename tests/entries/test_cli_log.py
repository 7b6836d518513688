"""`stridewise log ...` and `stridewise entries ...` end to end through the real CLI parser."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.db import connect
from tests.entries.conftest import RUN_ID, TODAY, YESTERDAY


def _query(db: Path, sql: str) -> list[tuple]:
    with connect(db) as con:
        return con.execute(sql).fetchall()


def test_log_pain_as_the_issue_spells_it(runner_db: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(
        [
            "log",
            "pain",
            "--site",
            "hip-lateral",
            "--side",
            "left",
            "--moment",
            "next-morning",
            "--score",
            "4",
            "--db",
            str(runner_db),
        ]
    )
    assert code == 0
    assert _query(
        runner_db,
        "SELECT athlete_id, date, site, side, moment, score, activity_id FROM pain_entries",
    ) == [(7, TODAY, "hip-lateral", "left", "next-morning", 4, None)]
    assert "Logged pain 4/10" in capsys.readouterr().out


def test_log_pain_on_a_run_day_links_the_run_and_prompts_red_flags(
    runner_db: Path, capsys: pytest.CaptureFixture
) -> None:
    assert (
        main(
            [
                "log",
                "pain",
                "--site",
                "hip-front",
                "--moment",
                "during-run",
                "--score",
                "6",
                "--date",
                YESTERDAY.isoformat(),
            ]
        )
        == 0
    )
    assert _query(runner_db, "SELECT activity_id, red_flags FROM pain_entries") == [(RUN_ID, [])]
    out = capsys.readouterr().out
    assert "linked to activity 501" in out
    assert "pain_on_hopping" in out


def test_log_pain_with_red_flags_and_no_link(runner_db: Path) -> None:
    assert (
        main(
            [
                "log",
                "pain",
                "--site",
                "other",
                "--site-other",
                "groin",
                "--moment",
                "at-night",
                "--score",
                "7",
                "--date",
                YESTERDAY.isoformat(),
                "--no-activity",
                "--red-flag",
                "night_rest_pain",
                "--red-flag",
                "fever_unwell",
            ]
        )
        == 0
    )
    assert _query(runner_db, "SELECT site_other, activity_id, red_flags FROM pain_entries") == [
        ("groin", None, ["fever_unwell", "night_rest_pain"])
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["log", "pain", "--site", "hip", "--moment", "after-run", "--score", "3"],
            "--site: one of",
        ),
        (
            ["log", "pain", "--site", "knee", "--moment", "after-run", "--score", "11"],
            "--score: a whole number from 0 to 10",
        ),
        (
            [
                "log",
                "pain",
                "--site",
                "knee",
                "--moment",
                "after-run",
                "--score",
                "3",
                "--date",
                (TODAY + timedelta(days=1)).isoformat(),
            ],
            "--date: a date YYYY-MM-DD",
        ),
        (
            [
                "log",
                "pain",
                "--site",
                "knee",
                "--moment",
                "after-run",
                "--score",
                "3",
                "--date",
                "1969-12-31",
            ],
            "from 1970-01-01",
        ),
        (
            [
                "log",
                "pain",
                "--site",
                "knee",
                "--moment",
                "after-run",
                "--score",
                "3",
                "--red-flag",
                "dizzy",
            ],
            "--red-flag: any of",
        ),
        (
            [
                "log",
                "checkin",
                "--stress",
                "5",
                "--sleep",
                "x",
                "--fatigue",
                "4",
                "--soreness",
                "4",
            ],
            "--sleep: a whole number from 1 to 7",
        ),
        (
            [
                "log",
                "checkin",
                "--stress",
                "5",
                "--sleep",
                "3",
                "--fatigue",
                "4",
                "--soreness",
                "4",
                "--resting-hr",
                "200",
            ],
            "--resting-hr: a whole number from 25 to 120",
        ),
        (["log", "rpe", "424242", "6"], "activity_id: the id of one of your activities"),
        (["log", "rpe", str(RUN_ID), "12"], "rpe: a number from 0 to 10"),
    ],
    ids=[
        "unknown site",
        "score 11",
        "future date",
        "before 1970",
        "unknown red flag",
        "sleep not a number",
        "resting HR 200",
        "missing activity",
        "rpe 12",
    ],
)
def test_bad_values_exit_2_with_one_line_and_write_nothing(
    runner_db: Path, capsys: pytest.CaptureFixture, argv: list[str], message: str
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err
    assert _query(
        runner_db,
        "SELECT (SELECT count(*) FROM pain_entries)"
        " + (SELECT count(*) FROM wellness_entries)"
        " + (SELECT count(*) FROM session_rpe)",
    ) == [(0,)]


def test_checkin_twice_updates_the_day(runner_db: Path, capsys: pytest.CaptureFixture) -> None:
    base = ["log", "checkin", "--stress", "5", "--sleep", "3", "--fatigue", "4", "--soreness", "4"]
    assert main(base) == 0
    assert "Saved the check-in" in capsys.readouterr().out
    assert main([*base[:-1], "2", "--mood", "4", "--sleep-hours", "7.5", "--resting-hr", "48"]) == 0
    assert "Updated the check-in" in capsys.readouterr().out
    assert _query(
        runner_db,
        "SELECT date, stress, sleep_quality, fatigue, soreness, mood,"
        " sleep_hours, resting_hr FROM wellness_entries",
    ) == [(TODAY, 5, 3, 4, 2, 4, 7.5, 48)]


def test_rpe_round_trip_rescales_the_load(runner_db: Path) -> None:
    assert main(["log", "rpe", str(RUN_ID), "6", "--date", YESTERDAY.isoformat()]) == 0
    assert _query(runner_db, f"SELECT load_source FROM activities WHERE id = {RUN_ID}") == [
        ("rpe",)
    ]
    assert main(["log", "rpe", str(RUN_ID), "6", "--date", TODAY.isoformat()]) == 2


def test_export_then_import_into_a_fresh_copy_round_trips(
    runner_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    pristine = tmp_path / "pristine.duckdb"
    pristine.write_bytes(runner_db.read_bytes())
    main(
        [
            "log",
            "pain",
            "--site",
            "knee",
            "--side",
            "both",
            "--moment",
            "after-run",
            "--score",
            "5",
            "--note",
            'stairs, then "clicking"',
            "--red-flag",
            "locking_catching",
        ]
    )
    main(
        [
            "log",
            "checkin",
            "--stress",
            "2",
            "--sleep",
            "6",
            "--fatigue",
            "3",
            "--soreness",
            "1",
            "--mood",
            "5",
            "--sleep-hours",
            "5.25",
            "--note",
            "late flight\nnew time zone",
        ]
    )
    main(["log", "rpe", str(RUN_ID), "7.5"])
    capsys.readouterr()
    assert main(["entries", "export", "--format", "csv"]) == 0
    exported = capsys.readouterr().out
    assert exported.count("\n") == 5  # header, 3 rows, a note on two lines
    csv_file = tmp_path / "entries.csv"
    assert main(["entries", "export", "--format", "csv", "--output", str(csv_file)]) == 0
    assert csv_file.read_text(encoding="utf-8") == exported
    capsys.readouterr()
    assert main(["entries", "import", "--format", "csv", str(csv_file), "--db", str(pristine)]) == 0
    assert "1 pain entries added" in capsys.readouterr().out
    assert main(["entries", "export", "--format", "csv", "--db", str(pristine)]) == 0
    assert capsys.readouterr().out == exported


def test_import_of_a_missing_file_is_a_clear_error(
    runner_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["entries", "import", "--format", "csv", str(tmp_path / "nope.csv")]) == 2
    assert "FILE: an existing CSV file" in capsys.readouterr().err
