"""Every chart on every page keeps its legend clear of its title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP
from tests.foundation.test_every_page import PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.split("/")[-1].removesuffix(".py"))
def test_legends_sit_under_the_plot(full_demo_db: Path, page: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec.get("layout", {})
        in_legend = [t for t in spec.get("data", []) if t.get("showlegend") is not False]
        if layout.get("showlegend") is False or len(in_legend) < 2 or not layout.get("title"):
            continue  # plotly draws no legend for a single trace
        legend = layout.get("legend", {})
        assert legend.get("y", 1.0) < 0 and legend.get("yanchor") == "top", (page, layout["title"])
