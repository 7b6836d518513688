"""What came before pain: lagged rank correlations with load change and stress, and flare-ups.

These are descriptions of one runner's own data, not causes: few pairs, many lags tried, and
pain is logged when it is noticed. Every number carries its sample size so the page can say so.
A day counts as pain 0 when the runner checked in that day and logged no pain; days with
neither are unknown and left out.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from training.coach.pain_rules import prepare

LOAD_LAGS = range(1, 15)  # load 1-14 days before; docs/science.md#pain-associations
STRESS_LAGS = range(0, 4)  # pain vs the stress rating the same day and up to 3 days before
MIN_PAIRS = 10  # below this many day pairs a correlation is not shown
FLARE_MIN_SCORE = 5  # a flare-up is at least "moderate"; docs/science.md#pain-scale
FLARE_RISE = 2  # … and sits 2+ points above the site's median of the 14 days before
FLARE_GAP_DAYS = 14  # readings within two weeks of a flare-up belong to the same one
RUNS_BEFORE_DAYS = 7  # runs shown before each flare-up


def daily_pain(pain: pd.DataFrame, wellness: pd.DataFrame) -> pd.Series:
    """Worst pain score per day (any site), 0 on check-in days without pain, by Timestamp."""
    scores = pd.Series(dtype=float)
    if not pain.empty:
        days = pd.to_datetime(pain["date"]).dt.normalize()
        scores = pain.assign(day=days).groupby("day")["score"].max().astype(float)
    if not wellness.empty:
        checked = pd.to_datetime(wellness["date"]).dt.normalize().unique()
        zeros = pd.Series(0.0, index=pd.DatetimeIndex(checked))
        scores = scores.combine(zeros, max, fill_value=0.0) if not scores.empty else zeros
    return scores.sort_index()


def load_change_pct(daily: pd.DataFrame) -> pd.Series:
    """Change of the 7-day load against the 7 days before it, in percent, by Timestamp."""
    if daily.empty:
        return pd.Series(dtype=float)
    loads = pd.Series(
        pd.to_numeric(daily["load"], errors="coerce").fillna(0.0).to_numpy(),
        index=pd.to_datetime(daily["date"]).dt.normalize(),
    ).sort_index()
    week = loads.rolling(7).sum()
    before = week.shift(7)
    return ((week / before - 1.0) * 100.0).where(before > 0)


def lagged_rank_correlation(pain: pd.Series, driver: pd.Series, lags: range) -> pd.DataFrame:
    """Spearman correlation of pain on day d with the driver on day d − lag, with n per lag."""
    rows = []
    for lag in lags:
        shifted = driver.copy()
        shifted.index = shifted.index + pd.Timedelta(days=lag)
        pairs = pd.concat(
            [pain.rename("pain"), shifted.rename("driver")], axis=1, sort=True
        ).dropna()
        n = len(pairs)
        rho = None
        if n >= MIN_PAIRS and pairs["pain"].nunique() > 1 and pairs["driver"].nunique() > 1:
            rho = float(pairs["pain"].rank().corr(pairs["driver"].rank()))
        rows.append({"lag_days": lag, "rho": rho, "n": n})
    return pd.DataFrame(rows, columns=["lag_days", "rho", "n"])


def pain_vs_load(pain: pd.DataFrame, wellness: pd.DataFrame, daily: pd.DataFrame) -> pd.DataFrame:
    """Pain against the week-on-week load change 1-14 days earlier."""
    return lagged_rank_correlation(daily_pain(pain, wellness), load_change_pct(daily), LOAD_LAGS)


def pain_vs_stress(pain: pd.DataFrame, wellness: pd.DataFrame) -> pd.DataFrame:
    """Pain against the Hooper stress rating the same day and up to 3 days earlier."""
    if wellness.empty:
        stress = pd.Series(dtype=float)
    else:
        stress = pd.Series(
            pd.to_numeric(wellness["stress"], errors="coerce").to_numpy(),
            index=pd.to_datetime(wellness["date"]).dt.normalize(),
        ).dropna()
    return lagged_rank_correlation(daily_pain(pain, wellness), stress.sort_index(), STRESS_LAGS)


def flare_ups(pain: pd.DataFrame) -> pd.DataFrame:
    """First day of each flare-up per site: ≥ 5/10 and 2+ points above its recent median."""
    columns = ["day", "place", "score"]
    ready = prepare(pain)
    if ready.empty:
        return pd.DataFrame(columns=columns)
    per_day = ready.groupby(["place", "day"])["score"].max().reset_index()
    found = []
    for place, group in per_day.groupby("place"):
        last_flare = None
        for day, score in zip(group["day"], group["score"], strict=True):
            prior = group[(group["day"] < day) & (group["day"] >= day - timedelta(days=14))]
            median = float(prior["score"].median()) if not prior.empty else 0.0
            if score < FLARE_MIN_SCORE or score < median + FLARE_RISE:
                continue
            if last_flare is not None and (day - last_flare).days <= FLARE_GAP_DAYS:
                continue
            found.append((day, place, int(score)))
            last_flare = day
    return pd.DataFrame(found, columns=columns).sort_values("day").reset_index(drop=True)


def runs_before_flares(flares: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """The runs in the 7 days up to each flare-up, with their size against the 30 days before."""
    columns = ["flare_day", "place", "run_day", "distance_m", "longest_30d_m", "vs_longest_pct"]
    if flares.empty or runs.empty:
        return pd.DataFrame(columns=columns)
    days = pd.to_datetime(runs["date"]).dt.date
    rows = []
    for flare_day, place in zip(flares["day"], flares["place"], strict=True):
        window = runs[(days <= flare_day) & (days > flare_day - timedelta(days=RUNS_BEFORE_DAYS))]
        for run_day, distance in zip(
            pd.to_datetime(window["date"]).dt.date, window["distance_m"], strict=True
        ):
            earlier = runs[(days < run_day) & (days >= run_day - timedelta(days=30))]
            longest = float(earlier["distance_m"].max()) if not earlier.empty else None
            pct = None if not longest else (float(distance) / longest - 1.0) * 100.0
            rows.append((flare_day, place, run_day, float(distance), longest, pct))
    return pd.DataFrame(rows, columns=columns).sort_values(["flare_day", "run_day"])
