"""Form zones at their boundaries (docs/science.md#case-6) and load-ratio bands."""

from __future__ import annotations

import pytest

from training.bands import acwr_band, form_zone


@pytest.mark.parametrize(
    ("tsb", "zone"),
    [
        (22, "transition"),
        (20, "fresh"),
        (5, "grey"),
        (0, "grey"),
        (-10, "optimal"),
        (-30, "high_fatigue"),
        (-31, "high_fatigue"),
    ],
)
def test_form_zone_boundaries(tsb: float, zone: str) -> None:
    assert form_zone(tsb) == zone


@pytest.mark.parametrize(
    ("ratio", "band"),
    [
        (None, "unknown"),
        (float("nan"), "unknown"),
        (0.79, "low"),
        (0.8, "usual"),
        (1.3, "usual"),
        (1.31, "above"),
        (1.5, "above"),
        (1.51, "well_above"),
    ],
)
def test_acwr_bands(ratio: float | None, band: str) -> None:
    assert acwr_band(ratio) == band
