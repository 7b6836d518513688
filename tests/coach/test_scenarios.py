"""Every runner in the catalogue, through `stridewise today --json` on a real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.coach.catalogue import CATALOGUE
from tests.coach.scenarios import Scenario, play

NEVER_SAID = ("injury risk", "risk of injury", "danger zone", "injury probability is")


@pytest.mark.parametrize("scenario", CATALOGUE, ids=[s.name for s in CATALOGUE])
def test_today_for_runner(scenario: Scenario, db_path: Path) -> None:
    out = play(scenario, db_path)
    ids = {w["id"] for w in out["warnings"]}
    assert out["kind"] == scenario.kind, (out["headline"], out["reasons"])
    assert scenario.present <= ids, out["reasons"]
    assert not scenario.absent & ids, out["reasons"]
    if scenario.headline is not None:
        assert out["headline"] == scenario.headline
    cap = out["cap"]
    if scenario.minutes is not None:
        low, high = scenario.minutes
        assert low <= cap["minutes"] <= high, out["reasons"]
    if scenario.max_km is not None:
        assert cap["km"] <= scenario.max_km
    if cap["km"] is not None and cap["set_by"] != "race":
        assert cap["km"] <= cap["single_run_limit_km"]  # always runnable
    if out["kind"] in {"see_clinician", "rest", "cross_train"}:
        assert cap["minutes"] == 0 and cap["km"] == 0
    text = json.dumps(out).lower()
    assert not [phrase for phrase in NEVER_SAID if phrase in text]
    for warning in out["warnings"]:
        assert warning["source"], warning["id"]  # every warning names its source


def test_the_catalogue_covers_every_kind_and_enough_runners() -> None:
    assert len(CATALOGUE) >= 25
    assert {s.kind for s in CATALOGUE} == {"see_clinician", "rest", "cross_train", "easy", "train"}
    assert len({s.name for s in CATALOGUE}) == len(CATALOGUE)
