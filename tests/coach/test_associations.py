"""Lagged pain associations carry their sample sizes; flare-ups and the runs before them."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from dashboard.charts.body_mind import association_bars, pain_timeline
from tests.coach.helpers import daily, pain, runs
from training.coach.associations import (
    MIN_PAIRS,
    flare_ups,
    lagged_rank_correlation,
    runs_before_flares,
)
from training.coach.pain_rules import prepare

DAY = date(2026, 3, 10)


def test_a_lagged_copy_correlates_perfectly_at_its_lag_only_with_enough_pairs() -> None:
    index = pd.date_range("2026-01-01", periods=40, freq="D")
    driver = pd.Series(range(40), index=index, dtype=float)
    pain_series = driver.shift(3, freq="D")
    table = lagged_rank_correlation(pain_series, driver, range(1, 5))
    assert table.loc[table["lag_days"] == 3, "rho"].item() == 1.0
    assert (table["n"] > MIN_PAIRS).all()
    few = lagged_rank_correlation(pain_series.head(5), driver, range(3, 4))
    assert few["rho"].isna().all() and few["n"].item() == 5


def test_flare_up_and_the_runs_before_it() -> None:
    entries = pain(
        [
            {"date": DAY - timedelta(days=d), "moment": "after-run", "score": s}
            for d, s in [(12, 2), (9, 2), (5, 2), (0, 6), (-2, 7)]
        ]
    )
    flares = flare_ups(entries)
    assert flares[["day", "score"]].values.tolist() == [[DAY, 6]]  # the 7 is the same flare
    history = runs([(DAY - timedelta(days=20), 10_000.0), (DAY - timedelta(days=2), 14_000.0)])
    before = runs_before_flares(flares, history)
    assert before["run_day"].tolist() == [DAY - timedelta(days=2)]
    assert round(before["vs_longest_pct"].item()) == 40


def test_chart_builders_return_figures_with_units() -> None:
    entries = prepare(pain([{"date": DAY, "moment": "after-run", "score": 4}]))
    checkins = pd.DataFrame({"date": [DAY], "stress": [4], "sleep_quality": [3]})
    fig = pain_timeline(entries, daily(DAY, [50.0] * 10), checkins)
    assert {t.name for t in fig.data} >= {"Daily training load", "Pain: left outer hip"}
    table = pd.DataFrame({"lag_days": [1, 2], "rho": [0.3, None], "n": [40, 3]})
    bars = association_bars(table, "t", "days")
    assert list(bars.data[0].text) == ["n=40"]
