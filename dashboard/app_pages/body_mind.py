"""Body & mind: pain by site beside load, stress and sleep, and what tended to come before pain."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import context, data
from dashboard.charts.body_mind import association_bars, pain_timeline
from training.coach.associations import (
    MIN_PAIRS,
    flare_ups,
    pain_vs_load,
    pain_vs_stress,
    runs_before_flares,
)
from training.coach.pain_rules import prepare

RANGES = {"3 months": 91, "6 months": 182, "1 year": 365, "All": None}

ctx = context.require()
inputs = data.coach_inputs(ctx.db_path, ctx.athlete_id, ctx.today)
st.title("Body & mind")
if inputs.pain.empty and inputs.wellness.empty:
    st.info(
        "No pain entries or check-ins yet. Log how you feel on the Log page, or with "
        "`stridewise log checkin` and `stridewise log pain`, to see patterns here."
    )
    st.stop()

pain = prepare(inputs.pain)
# Open on the shortest range that still shows the latest pain entry.
latest_pain = None if pain.empty else pd.to_datetime(pain["day"]).max().date()
age = 0 if latest_pain is None else (ctx.today - latest_pain).days
default = next((k for k, v in RANGES.items() if v is None or v > age), "All")
choice = st.segmented_control("Range", list(RANGES), default=default, key="body_range")
days = RANGES.get(choice or default)
start = None if days is None else ctx.today - timedelta(days=days)


def within(frame: pd.DataFrame, column: str = "date") -> pd.DataFrame:
    """Rows from the chosen range start on."""
    if start is None or frame.empty:
        return frame
    return frame[pd.to_datetime(frame[column]).dt.date >= start]


shown_pain = within(pain, "day")
if shown_pain.empty:
    st.subheader("No pain logged in this range.")
else:
    worst = shown_pain.sort_values(["score", "day"]).iloc[-1]
    st.subheader(
        f"Pain logged on {shown_pain['day'].nunique()} days in this range; worst: "
        f"{worst['place']} {int(worst['score'])}/10 on {worst['day']:%d %b %Y}."
    )
st.plotly_chart(
    pain_timeline(shown_pain, within(inputs.daily), within(inputs.wellness)), key="body_timeline"
)

st.subheader("What came before pain")
st.caption(
    "Spearman rank correlations over your whole history: how your worst daily pain moved with "
    "your week-on-week load change some days earlier, and with your stress rating. Days you "
    "checked in without logging pain count as 0; other days are left out. n is the number of "
    f"day pairs (we show nothing under {MIN_PAIRS}). These describe your own data, they do not "
    "prove a cause: many lags are tried, pain is logged when noticed, and a third thing (a "
    "busy, stressful block) can move both. Use them as prompts for a conversation with a "
    "physio, not as rules."
)
left, right = st.columns(2)
by_load = pain_vs_load(inputs.pain, inputs.wellness, inputs.daily)
by_stress = pain_vs_stress(inputs.pain, inputs.wellness)
left.plotly_chart(
    association_bars(
        by_load,
        "Pain vs load change, 1-14 days earlier",
        "days between the load change and the pain",
    ),
    key="body_assoc_load",
)
right.plotly_chart(
    association_bars(
        by_stress, "Pain vs stress rating", "days between the stress rating and the pain"
    ),
    key="body_assoc_stress",
)
with st.expander("The numbers"):
    st.dataframe(
        pd.concat([by_load.assign(driver="load change"), by_stress.assign(driver="stress")]),
        hide_index=True,
    )

st.subheader("Runs before each flare-up")
flares = flare_ups(inputs.pain)
if flares.empty:
    st.caption(
        "No flare-ups: none of your pain readings reached 5/10 while sitting 2 points "
        "above that site's level of the fortnight before."
    )
else:
    before = runs_before_flares(flares, inputs.runs)
    table = pd.DataFrame(
        {
            "Flare-up": [f"{d:%d %b %Y}" for d in before["flare_day"]],
            "Site": before["place"],
            "Run": [f"{d:%a %d %b}" for d in before["run_day"]],
            "Distance (km)": (before["distance_m"] / 1000).round(1),
            "Longest of the 30 days before (km)": (before["longest_30d_m"] / 1000).round(1),
            "vs that longest": [
                None if pd.isna(p) else f"{p:+.0f}%" for p in before["vs_longest_pct"]
            ],
        }
    )
    st.dataframe(table, hide_index=True, key="body_flares")
    st.caption(
        "A run more than 10% past your longest of the previous 30 days is a 'spike' "
        "(Frandsen et al. 2025)."
    )
