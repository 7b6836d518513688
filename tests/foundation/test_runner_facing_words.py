"""No page shows the demo runner an internal name: zone codes, warning ids, load sources, keys."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP
from tests.foundation.test_every_page import PAGES

INTERNAL_NAMES = (
    # form-zone and load-ratio band codes
    "grey", "high_fatigue", "well_above", "optimal",
    # load sources and record sources
    "hr_stream", "hr_avg", "strava_api", "strava_export",
    # warning ids
    "load_ratio_high", "load_ratio_low", "run_spike", "weekly_distance_jump", "form_very_low",
    "ramp_fast", "monotony_high", "no_rest_day", "pain_during_run", "pain_next_morning",
    "pain_trend_rising", "stress_sleep_high_load", "hard_effort_yesterday", "numbers_settling",
    "red_flag_", "back_to_build",
    # cap bindings and red-flag keys
    "usual_easy", "settling_floor", "return_to_run", "cant_bear_weight", "night_rest_pain",
    "fever_unwell", "locking_catching", "pain_on_hopping",
    # snake_case column names
    "tsb_eod", "acwr_rolling", "distance_m", "moving_time_s", "load_source", "athlete_id",
)  # fmt: skip
PATTERN = re.compile(r"\b(" + "|".join(re.escape(n) for n in INTERNAL_NAMES) + r")", re.I)
TEXT_KINDS = (
    "title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "error",
    "success", "expander", "tabs",
)  # fmt: skip


def _figure_words(at: AppTest) -> Iterator[str]:
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec.get("layout", {})
        yield json.dumps(layout.get("title", ""))
        for axis in ("xaxis", "yaxis", "yaxis2"):
            yield json.dumps(layout.get(axis, {}).get("title", ""))
        for trace in spec.get("data", []):
            yield str(trace.get("name", ""))
            yield str(trace.get("hovertemplate", ""))


def _table_words(table: pd.DataFrame, column_config: str) -> Iterator[str]:
    """Column headers as shown (the configured label, hidden columns left out) and cell values."""
    config = json.loads(column_config or "{}")
    for name in table.columns:
        spec = config.get(f"col:name:{name}", config.get(str(name), {}))
        if spec.get("hidden"):
            continue
        yield str(spec.get("label") or name)
        yield " ".join(map(str, table[name].tolist()))


def _shown_words(at: AppTest) -> Iterator[str]:
    for kind in TEXT_KINDS:
        for element in getattr(at, kind, []):
            yield str(getattr(element, "value", "") or getattr(element, "label", ""))
    for metric in at.metric:
        yield f"{metric.label} {metric.value} {metric.delta or ''}"
    for frame in at.dataframe:
        yield from _table_words(frame.value, frame.proto.columns)
    for widget in (*at.selectbox, *at.radio, *at.multiselect):
        yield f"{widget.label} " + " ".join(map(str, widget.options))
    yield from _figure_words(at)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.split("/")[-1].removesuffix(".py"))
def test_pages_speak_to_the_runner(full_demo_db: Path, page: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception
    shown = list(_shown_words(at))
    assert sum(map(len, shown)) > 200, "the page showed next to nothing: the collector is broken"
    leaks = sorted({m.group(1).lower() for text in shown for m in PATTERN.finditer(text)})
    assert leaks == [], f"{page} shows internal names: {leaks}"
