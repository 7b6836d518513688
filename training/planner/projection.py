"""Project fitness, fatigue, form and the load ratio forward from today's real state.

CTL and ATL continue from today's stored values with the engine's own recurrence
(training.fitness: X_t = X_{t-1} + k (L_t - X_{t-1}), k = 1 - e^(-1/τ)); the EWMA and rolling
load ratios, monotony and the 30-day longest run are computed on the real daily loads followed
by the planned ones, exactly as the engine would once the plan has been run.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from training.bands import FORM_FRESH
from training.fitness import (
    ACWR_ACUTE_DAYS,
    ACWR_CHRONIC_DAYS,
    ACWR_MIN_HISTORY_DAYS,
    LONGEST_RUN_WINDOW_DAYS,
    METRIC_COLUMNS,
    MONOTONY_DAYS,
    RAMP_DAYS,
    daily_frame,
    ewma_lambda,
    foster_monotony,
    pmc_coefficient,
)
from training.profile import AthleteProfile

DAY_COLUMNS = ["date", "load", "distance_m", "moving_time_s", "run_count", "longest_run_m"]


def planned_days(sessions: pd.DataFrame, after: date, end: date) -> pd.DataFrame:
    """Daily totals of planned sessions for every day after `after` up to `end`, rest days 0."""
    spine = pd.date_range(
        pd.Timestamp(after + timedelta(days=1)), pd.Timestamp(end), freq="D", name="date"
    )
    if sessions.empty:
        frame = pd.DataFrame(0.0, index=spine, columns=DAY_COLUMNS[1:]).reset_index()
    else:
        acts = sessions.assign(athlete_id=0, start_date_local=pd.to_datetime(sessions["date"]))
        days = daily_frame(acts, end).set_index("date")[DAY_COLUMNS[1:]]
        frame = days.reindex(spine, fill_value=0).reset_index()
    frame["run_count"] = frame["run_count"].astype("int64")
    return frame[DAY_COLUMNS]


def _pmc(loads: np.ndarray, days: float, start: float) -> np.ndarray:
    k = pmc_coefficient(days)
    out = np.empty(len(loads))
    value = start
    for i, load in enumerate(loads):
        value = value + k * (load - value)
        out[i] = value
    return out


def _ewma(loads: np.ndarray, days: int) -> np.ndarray:
    lam = ewma_lambda(days)
    out = np.empty(len(loads))
    value = loads[0] if len(loads) else 0.0
    for i, load in enumerate(loads):
        value = value + lam * (load - value)
        out[i] = value
    return out


def project(history: pd.DataFrame, future: pd.DataFrame, profile: AthleteProfile) -> pd.DataFrame:
    """Daily metrics for the `future` days (planned_days) continuing the real `history`.

    `history` is the athlete's daily_metrics rows up to today, oldest first (may be empty).
    Returns the columns of training.fitness.METRIC_COLUMNS for the future days only.
    """
    hist = history.sort_values("date") if not history.empty else history
    n_hist = len(hist)
    loads = np.concatenate(
        [
            pd.to_numeric(hist["load"]).to_numpy(float) if n_hist else np.empty(0),
            future["load"].to_numpy(float),
        ]
    )
    ctl_seed = float(profile.starting_ctl)
    atl_seed = ctl_seed if profile.starting_atl is None else float(profile.starting_atl)
    ctl_now = float(hist["ctl"].iloc[-1]) if n_hist else ctl_seed
    atl_now = float(hist["atl"].iloc[-1]) if n_hist else atl_seed
    future_loads = loads[n_hist:]
    ctl_f = _pmc(future_loads, profile.ctl_days, ctl_now)
    atl_f = _pmc(future_loads, profile.atl_days, atl_now)
    ctl_all = np.concatenate([hist["ctl"].to_numpy(float) if n_hist else np.empty(0), ctl_f])
    atl_all = np.concatenate([hist["atl"].to_numpy(float) if n_hist else np.empty(0), atl_f])
    ctl_lag = np.concatenate([np.full(RAMP_DAYS, ctl_seed), ctl_all])[: len(ctl_all)]
    ctl_prev = np.concatenate([[ctl_seed], ctl_all[:-1]])
    atl_prev = np.concatenate([[atl_seed], atl_all[:-1]])

    acute = _ewma(loads, ACWR_ACUTE_DAYS)
    chronic = _ewma(loads, ACWR_CHRONIC_DAYS)
    series = pd.Series(loads)
    acute_mean = series.rolling(ACWR_ACUTE_DAYS).mean().to_numpy()
    before = series.shift(ACWR_ACUTE_DAYS).rolling(ACWR_MIN_HISTORY_DAYS - ACWR_ACUTE_DAYS).mean()
    week_mean = series.rolling(MONOTONY_DAYS).mean().to_numpy()
    week_sd = series.rolling(MONOTONY_DAYS).std(ddof=0).to_numpy()
    longest = pd.Series(
        np.concatenate(
            [
                pd.to_numeric(hist["longest_run_m"]).to_numpy(float) if n_hist else np.empty(0),
                future["longest_run_m"].to_numpy(float),
            ]
        )
    )
    longest_30d = (
        longest.shift(1, fill_value=0.0).rolling(LONGEST_RUN_WINDOW_DAYS, min_periods=1).max()
    )
    history_ok = np.arange(len(loads)) >= ACWR_MIN_HISTORY_DAYS - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        acwr = np.where(history_ok & (chronic > 0), acute / chronic, np.nan)
        rolling = np.where(
            history_ok & (before.to_numpy() > 0), acute_mean / before.to_numpy(), np.nan
        )
    monotony = foster_monotony(week_mean, week_sd)
    tail = slice(n_hist, None)
    out = future[DAY_COLUMNS].copy()
    out.insert(0, "athlete_id", profile.athlete_id)
    out["date"] = pd.to_datetime(out["date"])
    out["ctl"] = ctl_f
    out["atl"] = atl_f
    out["tsb"] = (ctl_prev - atl_prev)[tail]
    out["tsb_eod"] = ctl_f - atl_f
    out["ramp"] = (ctl_all - ctl_lag)[tail]
    out["acwr"] = acwr[tail]
    out["acwr_rolling"] = rolling[tail]
    out["monotony"] = monotony[tail]
    out["strain"] = (week_mean * MONOTONY_DAYS * monotony)[tail]
    out["longest_run_30d_m"] = longest_30d.to_numpy()[tail]
    return out[METRIC_COLUMNS].reset_index(drop=True)


def days_until_fresh(projection: pd.DataFrame, week_start: date) -> int | None:
    """Days from `week_start` until morning form (TSB) first rises above +5, the fresh zone.

    0 means fresh on the first morning; None means not fresh even by the next Monday morning.
    """
    dates = pd.to_datetime(projection["date"]).dt.date
    for offset in range(8):
        rows = projection[dates == week_start + timedelta(days=offset)]
        if not rows.empty and float(rows["tsb"].iloc[0]) > FORM_FRESH:
            return offset
    return None
