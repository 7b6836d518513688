"""The Overview's one-sentence summary of the week, built from numbers only (testable)."""

from __future__ import annotations

from dashboard.formatting import km
from training.bands import form_meaning
from training.weekly import WeekComparison


def week_headline(week: WeekComparison, tsb: float | None) -> str:
    """'This week so far: 42.0 km, 18% above your usual week. Form: neutral: maintaining.'"""
    parts = [f"This week so far: {km(week.distance_m)} in {week.runs} run"
             f"{'' if week.runs == 1 else 's'}"]
    change = week.distance_change_pct
    if change is None:
        parts[0] += "."
    elif abs(change) < 5:
        parts[0] += ", about your usual week."
    else:
        direction = "above" if change > 0 else "below"
        parts[0] += f", {abs(change):.0f}% {direction} your usual full week."
    if tsb is not None:
        parts.append(f"Form this morning is {tsb:+.0f}: {form_meaning(tsb)}.")
    return " ".join(parts)
