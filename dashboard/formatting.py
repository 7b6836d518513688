"""Small formatters for numbers the runner reads: km, durations, signed percentages."""

from __future__ import annotations


def km(distance_m: float) -> str:
    """'12.3 km'."""
    return f"{distance_m / 1000:.1f} km"


def duration(seconds: float) -> str:
    """'1 h 05 min' or '42 min'."""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def signed_pct(value: float | None) -> str:
    """'+18%', '−5%' or '—' when unknown."""
    if value is None:
        return "—"
    return f"{value:+.0f}%".replace("-", "−")
