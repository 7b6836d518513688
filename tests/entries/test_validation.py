"""Every field of pain, check-in and RPE entries, at and just past its boundaries."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.entries import validation
from pipelines.errors import InvalidEntry

TODAY = date(2026, 11, 24)
PAIN = {
    "date": "2026-11-24",
    "site": "hip-lateral",
    "side": "left",
    "moment": "during-run",
    "score": 4,
}
CHECKIN = {"date": "2026-11-24", "stress": 4, "sleep_quality": 4, "fatigue": 4, "soreness": 4}

PAIN_OK = [
    ("score 0", {"score": 0}, "score", 0),
    ("score 10", {"score": 10}, "score", 10),
    ("score as text", {"score": " 7 "}, "score", 7),
    ("score 3.0", {"score": 3.0}, "score", 3),
    ("every site", {"site": "calf-achilles"}, "site", "calf-achilles"),
    ("site in capitals", {"site": "KNEE"}, "site", "knee"),
    ("side both", {"side": "both"}, "side", "both"),
    ("side left out", {"side": ""}, "side", None),
    ("moment at-night", {"moment": "at-night"}, "moment", "at-night"),
    ("first allowed day", {"date": "1970-01-01"}, "date", date(1970, 1, 1)),
    ("today", {"date": TODAY}, "date", TODAY),
    ("a datetime", {"date": datetime(2026, 11, 20, 9)}, "date", date(2026, 11, 20)),
    (
        "other with text",
        {"site": "other", "site_other": " left groin "},
        "site_other",
        "left groin",
    ),
    ("site_other dropped unless other", {"site_other": "x"}, "site_other", None),
    ("note at the limit", {"note": "n" * 500}, "note", "n" * 500),
    ("blank note", {"note": "   "}, "note", None),
    ("activity id", {"activity_id": "12345"}, "activity_id", 12345),
    (
        "file activity id",
        {"activity_id": "-8446744073709551615"},
        "activity_id",
        -8446744073709551615,
    ),
    ("no activity", {"activity_id": None}, "activity_id", None),
    (
        "red flags as text",
        {"red_flags": "numbness; cant_bear_weight"},
        "red_flags",
        ("cant_bear_weight", "numbness"),
    ),
    (
        "red flags as list, repeated",
        {"red_flags": ["fever_unwell", "fever_unwell"]},
        "red_flags",
        ("fever_unwell",),
    ),
    ("no red flags", {"red_flags": ""}, "red_flags", ()),
]

PAIN_BAD = [
    ("score -1", {"score": -1}, "score", "from 0 to 10"),
    ("score 11", {"score": 11}, "score", "from 0 to 10"),
    ("score 4.5", {"score": 4.5}, "score", "whole number"),
    ("score not a number", {"score": "bad"}, "score", "whole number"),
    ("score missing", {"score": None}, "score", "whole number"),
    ("score true", {"score": True}, "score", "whole number"),
    ("score infinite", {"score": float("inf")}, "score", "whole number"),
    ("unknown site", {"site": "hip"}, "site", "hip-lateral"),
    ("unknown side", {"side": "middle"}, "side", "left, right, both"),
    ("unknown moment", {"moment": "morning"}, "moment", "next-morning"),
    ("missing moment", {"moment": None}, "moment", "during-run"),
    ("tomorrow", {"date": "2026-11-25"}, "date", "to today (2026-11-24)"),
    ("before 1970", {"date": "1969-12-31"}, "date", "from 1970-01-01"),
    ("not a date", {"date": "24/11/2026"}, "date", "YYYY-MM-DD"),
    ("date as a number", {"date": 20261124}, "date", "YYYY-MM-DD"),
    ("other without text", {"site": "other"}, "site_other", "short description"),
    ("site_other too long", {"site": "other", "site_other": "x" * 61}, "site_other", "60"),
    ("note too long", {"note": "n" * 501}, "note", "at most 500"),
    ("activity id 0", {"activity_id": 0}, "activity_id", "non-zero whole number"),
    ("activity id text", {"activity_id": "run"}, "activity_id", "whole number"),
    ("unknown red flag", {"red_flags": "numbness;dizzy"}, "red_flags", "cant_bear_weight"),
]


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [case[1:] for case in PAIN_OK],
    ids=[case[0] for case in PAIN_OK],
)
def test_pain_values_accepted(change: dict, field: str, expected: object) -> None:
    entry = validation.pain_entry({**PAIN, **change}, TODAY)
    assert getattr(entry, field) == expected


@pytest.mark.parametrize(
    ("change", "field", "allowed"),
    [case[1:] for case in PAIN_BAD],
    ids=[case[0] for case in PAIN_BAD],
)
def test_pain_values_rejected_name_field_and_range(change: dict, field: str, allowed: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        validation.pain_entry({**PAIN, **change}, TODAY)
    assert caught.value.field == field
    assert allowed in caught.value.allowed


def test_pain_date_defaults_to_today() -> None:
    values = {key: value for key, value in PAIN.items() if key != "date"}
    assert validation.pain_entry(values, TODAY).date == TODAY


CHECKIN_OK = [
    *[
        (f"{item} {value}", {item: value}, item, value)
        for item in validation.HOOPER_ITEMS
        for value in (1, 7)
    ],
    ("mood 1", {"mood": 1}, "mood", 1),
    ("mood 5", {"mood": "5"}, "mood", 5),
    ("mood left out", {"mood": ""}, "mood", None),
    ("sleep 0 h", {"sleep_hours": 0}, "sleep_hours", 0.0),
    ("sleep 24 h", {"sleep_hours": "24"}, "sleep_hours", 24.0),
    ("sleep 7.25 h", {"sleep_hours": 7.25}, "sleep_hours", 7.25),
    ("resting HR 25", {"resting_hr": 25}, "resting_hr", 25),
    ("resting HR 120", {"resting_hr": "120"}, "resting_hr", 120),
    ("resting HR left out", {"resting_hr": None}, "resting_hr", None),
    ("note", {"note": "slept badly"}, "note", "slept badly"),
]

CHECKIN_BAD = [
    *[
        (f"{item} {value!r}", {item: value}, item, "from 1 to 7")
        for item in validation.HOOPER_ITEMS
        for value in (0, 8, "x", None, 2.5)
    ],
    ("mood 0", {"mood": 0}, "mood", "from 1 to 5"),
    ("mood 6", {"mood": 6}, "mood", "from 1 to 5"),
    ("mood text", {"mood": "happy"}, "mood", "from 1 to 5"),
    ("sleep -0.5 h", {"sleep_hours": -0.5}, "sleep_hours", "from 0 to 24"),
    ("sleep 24.5 h", {"sleep_hours": 24.5}, "sleep_hours", "from 0 to 24"),
    ("sleep text", {"sleep_hours": "eight"}, "sleep_hours", "number of hours"),
    ("resting HR 24", {"resting_hr": 24}, "resting_hr", "from 25 to 120"),
    ("resting HR 121", {"resting_hr": 121}, "resting_hr", "from 25 to 120"),
    ("resting HR 50.5", {"resting_hr": 50.5}, "resting_hr", "whole number"),
    ("tomorrow", {"date": "2026-11-25"}, "date", "to today"),
    ("before 1970", {"date": "1969-12-31"}, "date", "from 1970-01-01"),
    ("note too long", {"note": "n" * 501}, "note", "at most 500"),
]


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [case[1:] for case in CHECKIN_OK],
    ids=[case[0] for case in CHECKIN_OK],
)
def test_checkin_values_accepted(change: dict, field: str, expected: object) -> None:
    entry = validation.checkin({**CHECKIN, **change}, TODAY)
    assert getattr(entry, field) == expected


@pytest.mark.parametrize(
    ("change", "field", "allowed"),
    [case[1:] for case in CHECKIN_BAD],
    ids=[case[0] for case in CHECKIN_BAD],
)
def test_checkin_values_rejected_name_field_and_range(
    change: dict, field: str, allowed: str
) -> None:
    with pytest.raises(InvalidEntry) as caught:
        validation.checkin({**CHECKIN, **change}, TODAY)
    assert caught.value.field == field
    assert allowed in caught.value.allowed


@pytest.mark.parametrize(("value", "expected"), [(0, 0.0), ("10", 10.0), (6.5, 6.5), ("0.5", 0.5)])
def test_rpe_accepted(value: object, expected: float) -> None:
    assert validation.rpe(value) == expected


@pytest.mark.parametrize("value", [-0.5, 10.5, 6.3, "hard", None, "", True, float("nan")])
def test_rpe_rejected(value: object) -> None:
    with pytest.raises(InvalidEntry) as caught:
        validation.rpe(value)
    assert caught.value.field == "rpe"
    assert "from 0 to 10" in caught.value.allowed


@pytest.mark.parametrize(
    ("site", "score", "asked"),
    [
        ("hip-lateral", 4, False),
        ("hip-lateral", 5, True),
        ("knee", 10, True),
        ("hip-front", 0, True),
        ("other", 4, False),
    ],
)
def test_red_flags_are_asked_for_moderate_pain_or_groin(site: str, score: int, asked: bool) -> None:
    assert validation.asks_red_flags(site, score) is asked


def test_vocabularies_match_the_coach_contract() -> None:
    assert validation.SITES == (
        "hip-lateral",
        "hip-front",
        "buttock",
        "lower-back",
        "knee",
        "shin",
        "calf-achilles",
        "foot",
        "other",
    )
    assert validation.MOMENTS == ("during-run", "after-run", "next-morning", "at-rest", "at-night")
    assert list(validation.RED_FLAGS) == [
        "cant_bear_weight",
        "swelling_heat",
        "locking_catching",
        "numbness",
        "fever_unwell",
        "pain_on_hopping",
        "night_rest_pain",
    ]
