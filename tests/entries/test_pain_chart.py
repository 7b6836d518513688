"""The pain calendar's numbers: worst score per day and site/side, days without entries empty."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from dashboard.charts.pain import pain_calendar, site_label, worst_by_day_and_site

PAIN = pd.DataFrame(
    {
        "date": pd.to_datetime(
            ["2026-03-02", "2026-03-02", "2026-03-03", "2026-03-03", "2026-02-01"]
        ),
        "site": ["hip-lateral", "hip-lateral", "knee", "other", "hip-lateral"],
        "side": ["left", "left", None, None, "left"],
        "site_other": [None, None, None, "groin", None],
        "moment": ["during-run", "next-morning", "after-run", "at-rest", "at-rest"],
        "score": [3, 6, 2, 4, 9],
    }
)


def test_site_labels_use_side_and_own_words() -> None:
    assert site_label("hip-lateral", "left") == "Hip, outer side · left"
    assert site_label("other", None, "groin") == "groin"
    assert site_label("knee", None) == "Knee"


def test_worst_score_per_day_and_site_in_site_order() -> None:
    table = worst_by_day_and_site(PAIN, date(2026, 3, 1), date(2026, 3, 4))
    assert list(table.index) == ["Hip, outer side · left", "Knee", "groin"]
    assert len(table.columns) == 4
    assert table.loc["Hip, outer side · left", pd.Timestamp("2026-03-02")] == 6
    assert table.loc["groin", pd.Timestamp("2026-03-03")] == 4
    assert math.isnan(table.loc["Knee", pd.Timestamp("2026-03-01")])  # nothing logged


def test_the_figure_has_units_and_hover_with_moments() -> None:
    fig = pain_calendar(PAIN, date(2026, 3, 1), date(2026, 3, 4))
    (heatmap,) = fig.data
    assert (heatmap.zmin, heatmap.zmax) == (0, 10)
    assert heatmap.customdata[0][1] == "during a run 3/10, next morning 6/10"
    assert "worst %{z}/10" in heatmap.hovertemplate


def test_an_empty_range_gives_an_empty_figure() -> None:
    assert pain_calendar(PAIN, date(2025, 1, 1), date(2025, 1, 31)).data == ()
