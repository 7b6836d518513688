"""Daily fitness, fatigue, form, ramp, load ratios and monotony from session loads.

Conventions (SCIENCE.md sections 2-4, pinned by tests against section 9):
- CTL/ATL: X_t = X_{t-1} + k (L_t - X_{t-1}), k = 1 - e^(-1/τ), seeded on the day before the
  athlete's first day (0 unless the runner sets a starting fitness).
- TSB is yesterday's CTL - ATL ("form this morning"); tsb_eod is today's, after today's load.
- Ramp = CTL_t - CTL_{t-7}.
- EWMA ACWR: λ = 2/(N+1), N = 7 and 28, seeded with the first day's load; rolling ACWR is
  uncoupled (7-day mean over the 21 days before it). Both are NULL before 28 days of history.
- Monotony uses the population SD of the last 7 daily loads (rest days as 0), capped at 10:
  identical non-zero loads (SD 0) read 10, the most monotonous week there is, instead of an
  undefined value that no rule could flag; a week without any load stays NULL.
- `endurance_sessions` (in memory only, not stored) counts the day's runs and cross-training
  sessions of 20 minutes or more: the days that break a rest day.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

import numpy as np
import pandas as pd

from training.profile import AthleteProfile
from training.sports import RUN_SPORTS, is_endurance_session

ACWR_ACUTE_DAYS = 7  # Williams et al. 2017 EWMA acute window (SCIENCE.md 3)
ACWR_CHRONIC_DAYS = 28  # Williams et al. 2017 EWMA chronic window (SCIENCE.md 3)
ACWR_MIN_HISTORY_DAYS = 28  # suppress the ratio until a full chronic window exists (SCIENCE.md 3)
MONOTONY_DAYS = 7  # Foster 1998 weekly window (SCIENCE.md 4)
RAMP_DAYS = 7  # GoldenCheetah rr_ = CTL_t - CTL_{t-7} (SCIENCE.md 2.4)
LONGEST_RUN_WINDOW_DAYS = 30  # Frandsen et al. 2025 single-session reference window (SCIENCE.md 5)
MONOTONY_CAP = 10.0  # SD 0 leaves Foster monotony undefined: cap it; docs/science.md#monotony

METRIC_COLUMNS = [
    "athlete_id",
    "date",
    "load",
    "distance_m",
    "moving_time_s",
    "run_count",
    "longest_run_m",
    "ctl",
    "atl",
    "tsb",
    "tsb_eod",
    "ramp",
    "acwr",
    "acwr_rolling",
    "monotony",
    "strain",
    "longest_run_30d_m",
]


def pmc_coefficient(days: float) -> float:
    """Daily smoothing factor of the PMC's exponential variant: 1 - e^(-1/τ)."""
    return 1.0 - math.exp(-1.0 / days)


def ewma_lambda(days: float) -> float:
    """Williams et al. (2017) EWMA decay: λ = 2 / (N + 1)."""
    return 2.0 / (days + 1.0)


def _recurrence(loads: np.ndarray, k: np.ndarray, seed: np.ndarray) -> np.ndarray:
    """Run X_t = X_{t-1} + k (L_t - X_{t-1}) down the rows of a days × athletes array."""
    out = np.empty_like(loads)
    previous = seed.astype(float)
    for t in range(loads.shape[0]):
        previous = previous + k * (loads[t] - previous)
        out[t] = previous
    return out


def foster_monotony(week_mean: np.ndarray, week_sd: np.ndarray) -> np.ndarray:
    """Mean / population SD of 7 daily loads, capped at MONOTONY_CAP; NaN for a week at 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = np.where(week_sd > 1e-9, week_mean / week_sd, np.inf)
    return np.where(week_mean > 1e-9, np.minimum(raw, MONOTONY_CAP), np.nan)


DAY_COLUMNS = [
    "athlete_id",
    "date",
    "load",
    "distance_m",
    "moving_time_s",
    "run_count",
    "longest_run_m",
    "endurance_sessions",
]


def daily_frame(activities: pd.DataFrame, end: date) -> pd.DataFrame:
    """One row per athlete and local day from the first activity to `end`, rest days as zero.

    `activities` needs athlete_id, start_date_local, load, sport_type, distance_m, moving_time_s.
    """
    if activities.empty:
        return pd.DataFrame(columns=DAY_COLUMNS)
    acts = activities.assign(
        date=pd.to_datetime(activities["start_date_local"]).dt.normalize(),
        is_run=activities["sport_type"].isin(list(RUN_SPORTS)),
        load=pd.to_numeric(activities["load"], errors="coerce").fillna(0.0),
        distance=pd.to_numeric(activities["distance_m"], errors="coerce").fillna(0.0),
        moving=pd.to_numeric(activities["moving_time_s"], errors="coerce").fillna(0.0),
    )
    acts["run_distance"] = acts["distance"].where(acts["is_run"], 0.0)
    acts["endurance"] = [
        is_endurance_session(sport, moving)
        for sport, moving in zip(acts["sport_type"], acts["moving"], strict=True)
    ]
    per_day = acts.groupby(["athlete_id", "date"], sort=True).agg(
        load=("load", "sum"),
        distance_m=("run_distance", "sum"),
        moving_time_s=("moving", "sum"),
        run_count=("is_run", "sum"),
        longest_run_m=("run_distance", "max"),
        endurance_sessions=("endurance", "sum"),
    )
    end_ts = pd.Timestamp(end)
    frames = []
    for athlete_id, group in per_day.groupby(level="athlete_id", sort=True):
        days = group.droplevel("athlete_id")
        first = days.index.min()
        last = max(end_ts, days.index.max())
        spine = pd.date_range(first, last, freq="D", name="date")
        filled = days.reindex(spine, fill_value=0).reset_index()
        filled.insert(0, "athlete_id", athlete_id)
        frames.append(filled)
    out = pd.concat(frames, ignore_index=True)
    for column in ("run_count", "endurance_sessions"):
        out[column] = out[column].astype("int64")
    return out


def daily_metrics(
    activities: pd.DataFrame, profiles: Mapping[int, AthleteProfile], end: date
) -> pd.DataFrame:
    """Daily PMC, ratios and monotony for every athlete, from session loads (see module doc).

    Returns METRIC_COLUMNS (the stored table) plus `endurance_sessions`.
    """
    days = daily_frame(activities, end)
    if days.empty:
        return pd.DataFrame(columns=[*METRIC_COLUMNS, "endurance_sessions"])
    days["offset"] = days.groupby("athlete_id").cumcount()
    wide = days.pivot(index="offset", columns="athlete_id", values="load")
    present = wide.notna().to_numpy()
    loads = wide.fillna(0.0).to_numpy(dtype=float)
    athletes = [int(a) for a in wide.columns]

    def profile_of(athlete_id: int) -> AthleteProfile:
        return profiles.get(athlete_id) or AthleteProfile(athlete_id=athlete_id)

    ps = [profile_of(a) for a in athletes]
    k_ctl = np.array([pmc_coefficient(p.ctl_days) for p in ps])
    k_atl = np.array([pmc_coefficient(p.atl_days) for p in ps])
    ctl0 = np.array([p.starting_ctl for p in ps], dtype=float)
    atl0 = np.array([p.starting_ctl if p.starting_atl is None else p.starting_atl for p in ps])
    ctl = _recurrence(loads, k_ctl, ctl0)
    atl = _recurrence(loads, k_atl, atl0)
    ctl_prev = np.vstack([ctl0, ctl[:-1]])
    atl_prev = np.vstack([atl0, atl[:-1]])
    ctl_lag = np.vstack([np.tile(ctl0, (RAMP_DAYS, 1)), ctl])[: len(ctl)]

    first_loads = loads[0]
    acute = _recurrence(loads, np.full(len(athletes), ewma_lambda(ACWR_ACUTE_DAYS)), first_loads)
    chronic = _recurrence(
        loads, np.full(len(athletes), ewma_lambda(ACWR_CHRONIC_DAYS)), first_loads
    )
    loads_frame = pd.DataFrame(loads)
    acute_mean = loads_frame.rolling(ACWR_ACUTE_DAYS).mean().to_numpy()
    before_acute = (
        loads_frame.shift(ACWR_ACUTE_DAYS)
        .rolling(ACWR_MIN_HISTORY_DAYS - ACWR_ACUTE_DAYS)
        .mean()
        .to_numpy()
    )
    week_mean = loads_frame.rolling(MONOTONY_DAYS).mean().to_numpy()
    week_sd = loads_frame.rolling(MONOTONY_DAYS).std(ddof=0).to_numpy()
    week_sum = week_mean * MONOTONY_DAYS
    longest = days.pivot(index="offset", columns="athlete_id", values="longest_run_m").fillna(0.0)
    longest_30d = (
        longest.shift(1, fill_value=0.0)
        .rolling(LONGEST_RUN_WINDOW_DAYS, min_periods=1)
        .max()
        .to_numpy()
    )

    history_ok = (np.arange(len(loads)) >= ACWR_MIN_HISTORY_DAYS - 1)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        acwr = np.where(history_ok & (chronic > 0), acute / chronic, np.nan)
        acwr_rolling = np.where(history_ok & (before_acute > 0), acute_mean / before_acute, np.nan)
    monotony = foster_monotony(week_mean, week_sd)
    metrics = {
        "ctl": ctl,
        "atl": atl,
        "tsb": ctl_prev - atl_prev,
        "tsb_eod": ctl - atl,
        "ramp": ctl - ctl_lag,
        "acwr": acwr,
        "acwr_rolling": acwr_rolling,
        "monotony": monotony,
        "strain": week_sum * monotony,
        "longest_run_30d_m": longest_30d,
    }
    rows, cols = np.nonzero(present)
    order = np.lexsort((rows, cols))
    rows, cols = rows[order], cols[order]
    out = days.sort_values(["athlete_id", "offset"]).reset_index(drop=True)
    for name, values in metrics.items():
        out[name] = values[rows, cols]
    return out[[*METRIC_COLUMNS, "endurance_sessions"]]
