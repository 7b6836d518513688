"""Load trends: weekly volume, fitness/fatigue/form, load ratio and monotony over a chosen range."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import context, data
from dashboard.charts.load import fitness_fatigue_form, load_ratio, monotony, weekly_volume
from training.bands import ACWR_CAVEAT
from training.weekly import week_start, weekly_totals

RANGES = {"3 months": 91, "6 months": 182, "1 year": 365, "2 years": 730, "All": None}

ctx = context.require()
daily = data.daily_metrics(ctx.db_path, ctx.athlete_id, ctx.today)
st.title("Load trends")
if daily.empty:
    st.info("No activities yet for this athlete. Import a Strava export or sync to see trends.")
    st.stop()

choice = st.segmented_control("Range", list(RANGES), default="6 months", key="trend_range")
days = RANGES.get(choice or "6 months")
first = daily["date"].min().date()
start = first if days is None else max(first, ctx.today - timedelta(days=days))
shown = daily[daily["date"] >= pd.Timestamp(start)]
weeks = weekly_totals(shown)
this_week = pd.Timestamp(week_start(ctx.today))

busiest = weeks.loc[weeks["distance_m"].idxmax()] if not weeks.empty else None
if busiest is not None:
    st.subheader(
        f"{len(weeks)} weeks shown: {shown['distance_m'].sum() / 1000:.0f} km run, "
        f"biggest week {busiest['distance_m'] / 1000:.0f} km (week of {busiest['week']:%d %b %Y})."
    )

st.plotly_chart(weekly_volume(weeks, this_week), key="trend_weekly")
st.plotly_chart(fitness_fatigue_form(shown), key="trend_pmc")
with st.expander("How fitness, fatigue and form are computed"):
    st.markdown(
        "Each session gets a load on one scale where an hour at threshold is 100 (heart-rate "
        "score, else pace score, else session RPE, else a duration estimate). **Fitness** is a "
        "42-day and **fatigue** a 7-day exponentially weighted average of daily load "
        "(Banister 1975; Coggan's PMC). **Form** is yesterday's fitness minus fatigue, the "
        "TrainingPeaks convention. Zones follow intervals.icu: above +20 transition, +5 to +20 "
        "fresh, −10 to +5 neutral, −30 to −10 productive, below −30 high fatigue."
    )
st.plotly_chart(load_ratio(shown), key="trend_acwr")
st.caption(
    ACWR_CAVEAT + " The EWMA line uses λ = 2/(N+1) with N = 7 and 28 days (Williams et al. 2017); "
    "the dotted line compares the last 7 days with the 21 days before them (Windt & Gabbett 2019)."
)
st.plotly_chart(monotony(shown), key="trend_monotony")
st.caption(
    "Monotony is the mean of the last 7 daily loads divided by their standard deviation; above "
    "2.0, days are too alike to recover between them (Foster 1998)."
)
