"""Warning titles come from training/coach and carry the rule's own numbers."""

from __future__ import annotations

from training.coach.titles import title_of
from training.coach.warning import Warning


def test_titles_quote_the_rule_constants() -> None:
    assert title_of(Warning("monotony_high", "caution", "")).endswith("(monotony above 2.0)")
    assert title_of(Warning("form_very_low", "high", "")) == "High fatigue (form at −30 or below)"
    assert title_of(Warning("weekly_distance_jump", "info", "")).endswith("more than 30%")


def test_a_red_flag_is_named_by_its_key() -> None:
    assert title_of(Warning("red_flag_rest_pain", "high", "")) == "Red flag: rest pain"
