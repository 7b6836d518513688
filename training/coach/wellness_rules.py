"""Stress and sleep against the runner's own baseline (Hooper items, 1 = very good … 7 = very bad).

An item is 'worse' on a day when it sits at least one SD above its mean over the 28 days before
the last 5 (so a bad week does not raise its own baseline). Ratings are whole numbers, so a flat
baseline (SD 0) is floored at half a point: a one-point change then counts.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from training.bands import ACWR_CAUTION, FORM_OPTIMAL
from training.coach.morning import dated, yesterday_row
from training.coach.warning import Warning

BASELINE_DAYS = 28  # the runner's own 28-day baseline (SCIENCE.md 6.1)
RECENT_DAYS = 5  # look at the last 5 days … (SCIENCE.md 6.1 proposal)
WORSE_DAYS_MIN = 3  # … and flag 3 or more worse days (SCIENCE.md 6.1 proposal)
BASELINE_MIN_ENTRIES = 10  # fewer check-ins than this give no stable baseline
SD_FLOOR = 0.5  # half a scale point: whole-number ratings make SD 0 common
ITEMS = {"stress": "stress", "sleep_quality": "sleep quality"}

HOOPER_1995 = (
    "Hooper & Mackinnon 1995, Monitoring overtraining in athletes, Sports Med 20(5):321-327 "
    "(items); flagged against your own 28-day baseline rather than fixed bands, since the "
    "published bands are not Hooper's"
)


@dataclass(frozen=True)
class ItemStatus:
    """One Hooper item over the last 5 days against its own baseline."""

    item: str
    baseline_mean: float
    baseline_sd: float
    worse_days: int
    today: float | None

    @property
    def threshold(self) -> float:
        """The rating at or above which a day counts as worse than usual."""
        return self.baseline_mean + max(self.baseline_sd, SD_FLOOR)

    @property
    def today_worse(self) -> bool:
        """Today's rating is one SD or more worse than usual."""
        return self.today is not None and self.today >= self.threshold


def item_status(wellness: pd.DataFrame, item: str, as_of: date) -> ItemStatus | None:
    """Baseline and recent worse days of one item, or None without enough check-ins."""
    if wellness.empty or item not in wellness:
        return None
    days = pd.to_datetime(wellness["date"]).dt.date
    values = pd.to_numeric(wellness[item], errors="coerce")
    recent_start = as_of - timedelta(days=RECENT_DAYS - 1)
    base = values[
        (days < recent_start) & (days >= recent_start - timedelta(days=BASELINE_DAYS))
    ].dropna()
    if len(base) < BASELINE_MIN_ENTRIES:
        return None
    mean, sd = float(base.mean()), statistics.pstdev(base.tolist())
    recent = values[(days >= recent_start) & (days <= as_of)]
    threshold = mean + max(sd, SD_FLOOR)
    today_values = values[days == as_of].dropna()
    return ItemStatus(
        item=item,
        baseline_mean=mean,
        baseline_sd=sd,
        worse_days=int((recent.dropna() >= threshold).sum()),
        today=float(today_values.iloc[-1]) if not today_values.empty else None,
    )


def high_load(daily: pd.DataFrame, as_of: date) -> bool:
    """This morning: load above the usual band (ratio > 1.3) or form at −30 or below."""
    if daily.empty:
        return False
    frame = dated(daily)
    yesterday = yesterday_row(frame, as_of)
    today = frame[frame["day"] == as_of]
    ratio = None if yesterday is None else yesterday.get("acwr")
    form = None if today.empty else today.iloc[-1].get("tsb")
    return bool(
        (ratio is not None and pd.notna(ratio) and ratio > ACWR_CAUTION)
        or (form is not None and pd.notna(form) and form <= FORM_OPTIMAL)
    )


def stressed_today(wellness: pd.DataFrame, as_of: date) -> bool:
    """Today's stress rating is one SD or more worse than the runner's baseline."""
    status = item_status(wellness, "stress", as_of)
    return status is not None and status.today_worse


def wellness_warnings(wellness: pd.DataFrame, daily: pd.DataFrame, as_of: date) -> list[Warning]:
    """Stress or sleep worse than usual on 3 of the last 5 days; caution when load is high too."""
    statuses = [s for s in (item_status(wellness, item, as_of) for item in ITEMS) if s]
    worse = [s for s in statuses if s.worse_days >= WORSE_DAYS_MIN]
    if not worse:
        return []
    loaded = high_load(daily, as_of)
    described = " and ".join(
        f"{ITEMS[s.item]} ({s.worse_days} of the last {RECENT_DAYS} days at "
        f"{s.threshold:.1f} or worse; your usual {s.baseline_mean:.1f} ± {s.baseline_sd:.1f})"
        for s in worse
    )
    numbers: dict[str, float | int | str | None] = {"high_load": "yes" if loaded else "no"}
    for s in worse:
        numbers[f"{s.item}_worse_days"] = s.worse_days
        numbers[f"{s.item}_baseline_mean"] = round(s.baseline_mean, 2)
        numbers[f"{s.item}_baseline_sd"] = round(s.baseline_sd, 2)
    if loaded:
        return [
            Warning(
                id="stress_sleep_high_load",
                severity="caution",
                message=(
                    f"Your {described} have been worse than usual while your training load is "
                    "high. Recovery draws on the same reserves as life stress and sleep."
                ),
                numbers=numbers,
                action=(
                    "Lower the training load for a few days (the cap below accounts for it), "
                    "protect your sleep, and keep runs easy."
                ),
                source=HOOPER_1995,
            )
        ]
    return [
        Warning(
            id="stress_sleep_worse",
            severity="info",
            message=f"Your {described} have been worse than usual.",
            numbers=numbers,
            action="Your load is not high, so simply keep an eye on it; easy running often helps.",
            source=HOOPER_1995,
        )
    ]
