"""Plans in a real DuckDB file: several named plans, one active, validated weeks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from pipelines import plans
from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.errors import InvalidEntry, NotFound
from training.planner.model import PlanWeek

MONDAY = date(2026, 6, 8)


def _weeks(n: int = 4) -> list[PlanWeek]:
    return [
        PlanWeek(
            MONDAY + timedelta(weeks=i),
            "recovery" if i == 3 else "build",
            "distance",
            30000.0 + 1000 * i,
            4,
            10000.0,
        )
        for i in range(n)
    ]


def test_two_named_plans_only_one_active_and_weeks_round_trip(db_path: Path) -> None:
    with connect(db_path) as con:
        ensure_athlete(con, 7, "Sam", "manual")
        first = plans.create_plan(
            con,
            7,
            "Spring 10k",
            _weeks(),
            goal_kind="race",
            goal_date=MONDAY + timedelta(weeks=3, days=6),
            goal_distance_m=10000.0,
        )
        second = plans.create_plan(con, 7, "Base", _weeks(5), build_weeks=2, recovery_cut=0.25)
        assert [p.name for p in plans.list_plans(con, 7)] == ["Base", "Spring 10k"]
        active = plans.active_plan(con, 7)
        assert active is not None and active.id == second
        plans.activate_plan(con, first)
        assert [p.active for p in plans.list_plans(con, 7)] == [True, False]
        stored = plans.get_plan(con, first)
    assert stored.weeks == tuple(_weeks())
    assert stored.goal_kind == "race" and stored.goal_distance_m == 10000.0


def test_replacing_weeks_keeps_the_plan_and_rejects_bad_weeks_without_writing(
    db_path: Path,
) -> None:
    with connect(db_path) as con:
        ensure_athlete(con, 7, "Sam", "manual")
        plan_id = plans.create_plan(con, 7, "Base", _weeks())
        edited = _weeks()
        edited[1] = replace(edited[1], week_type="rest", target=0.0, runs=0)
        plans.replace_weeks(con, plan_id, edited)
        assert plans.get_plan(con, plan_id).weeks[1].week_type == "rest"

        bad = [replace(edited[0], runs=9), *edited[1:]]
        with pytest.raises(InvalidEntry) as excinfo:
            plans.replace_weeks(con, plan_id, bad)
        assert excinfo.value.field == "runs"
        assert plans.get_plan(con, plan_id).weeks == tuple(edited)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"week_start": MONDAY + timedelta(days=1)}, "week_start"),
        ({"week_type": "holiday"}, "week_type"),
        ({"target_kind": "miles"}, "target_kind"),
        ({"target": -1.0}, "target"),
        ({"target": float("nan")}, "target"),
        ({"long_run_m": 10**7}, "long_run_m"),
        ({"long_run_weekday": 7}, "long_run_weekday"),
    ],
    ids=["not-monday", "type", "kind", "negative", "nan", "long-run", "weekday"],
)
def test_invalid_weeks_name_the_field(db_path: Path, change: dict[str, object], field: str) -> None:
    with connect(db_path) as con:
        ensure_athlete(con, 7, "Sam", "manual")
        with pytest.raises(InvalidEntry) as excinfo:
            plans.create_plan(con, 7, "Bad", [replace(_weeks(1)[0], **change)])  # type: ignore[arg-type]
        assert excinfo.value.field == field
        assert plans.list_plans(con, 7) == []


def test_names_are_unique_per_athlete_and_deleted_plans_are_gone(db_path: Path) -> None:
    with connect(db_path) as con:
        ensure_athlete(con, 7, "Sam", "manual")
        plan_id = plans.create_plan(con, 7, "Base", _weeks())
        with pytest.raises(InvalidEntry, match="name"):
            plans.create_plan(con, 7, "Base", _weeks())
        plans.delete_plan(con, plan_id)
        with pytest.raises(NotFound):
            plans.get_plan(con, plan_id)
        assert con.execute("SELECT count(*) FROM plan_weeks").fetchone() == (0,)
