"""Overview: this week against the usual, and where fitness and form stand today."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import context, data
from dashboard.charts.load import fitness_fatigue_form, weekly_volume
from dashboard.formatting import duration, km, signed_pct
from dashboard.headline import week_headline
from training.bands import acwr_meaning, form_meaning
from training.weekly import compare_week, weekly_totals

ctx = context.require()
daily = data.daily_metrics(ctx.db_path, ctx.athlete_id, ctx.today)
st.title("Overview")
if daily.empty:
    st.info("No activities yet for this athlete. Import a Strava export or sync to see trends.")
    st.stop()

week = compare_week(daily, ctx.today)
latest = daily.iloc[-1]
st.subheader(week_headline(week, float(latest["tsb"])))

cols = st.columns(4)
cols[0].metric(
    "Distance this week",
    km(week.distance_m),
    f"{signed_pct(week.distance_change_pct)} vs usual so far",
    delta_color="off",
    delta_arrow="off",
)
cols[1].metric(
    "Time this week",
    duration(week.moving_time_s),
    f"usual week {duration(week.usual_moving_time_s)}",
    delta_color="off",
    delta_arrow="off",
)
cols[2].metric(
    "Load this week",
    f"{week.load:.0f}",
    f"usual week {week.usual_load:.0f}",
    delta_color="off",
    delta_arrow="off",
)
cols[3].metric(
    "Form (this morning)",
    f"{latest['tsb']:+.1f}",
    form_meaning(float(latest["tsb"])),
    delta_color="off",
    delta_arrow="off",
)
ratio = latest["acwr"]
st.caption(
    f"Fitness (CTL) {latest['ctl']:.1f} · fatigue (ATL) {latest['atl']:.1f} · load ratio "
    + (
        "not available before 28 days of history"
        if ratio != ratio
        else f"{ratio:.2f} ({acwr_meaning(float(ratio))})"
    )
    + f" · data up to {ctx.today:%a %d %b %Y}"
)

recent = daily[daily["date"] >= daily["date"].max() - pd.Timedelta(days=12 * 7)]
left, right = st.columns(2)
left.plotly_chart(
    weekly_volume(weekly_totals(recent), pd.Timestamp(week.week_start)),
    width="stretch",
    key="overview_weeks",
)
right.plotly_chart(fitness_fatigue_form(recent), width="stretch", key="overview_pmc")
