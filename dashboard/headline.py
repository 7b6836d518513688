"""The Overview's one-sentence summary of the week, built from numbers only (testable)."""

from __future__ import annotations

from dashboard.formatting import km
from training.bands import form_meaning
from training.weekly import WeekComparison


def week_headline(week: WeekComparison, tsb: float | None) -> str:
    """One sentence: distance so far against the usual week at this point, and today's form."""
    runs = f"{week.runs} run{'' if week.runs == 1 else 's'}"
    days = f"{week.days_elapsed} day{'' if week.days_elapsed == 1 else 's'}"
    sentence = f"This week so far: {km(week.distance_m)} in {runs} over {days}"
    change = week.distance_change_pct
    usual = km(week.usual_distance_m)
    if change is None:
        sentence += "."
    elif abs(change) < 10:
        sentence += f", in line with your usual {usual} week."
    else:
        direction = "ahead of" if change > 0 else "behind"
        sentence += f", {abs(change):.0f}% {direction} your usual {usual} week at this point."
    if tsb is not None:
        sentence += f" Form this morning is {tsb:+.0f}: {form_meaning(tsb)}."
    return sentence
