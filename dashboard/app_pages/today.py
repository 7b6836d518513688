"""Today: what today should be and why, the warnings with their sources, and a 7-day outlook."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import context, data
from training.bands import ACWR_CAVEAT, acwr_band, form_meaning

ICONS = {
    "see_clinician": ":material/medical_services:",
    "rest": ":material/bedtime:",
    "cross_train": ":material/directions_bike:",
    "easy": ":material/directions_walk:",
    "train": ":material/directions_run:",
}
SEVERITY_STYLE = {  # (icon, colour) per severity; material icons render without emoji fonts
    "urgent": (":material/emergency:", "red"),
    "high": (":material/error:", "red"),
    "caution": (":material/warning:", "orange"),
    "info": (":material/info:", "blue"),
}
TITLES = {
    "run_spike": "A run well past your recent longest",
    "weekly_distance_jump": "Weekly distance up more than 30%",
    "load_ratio_high": "Recent load above your usual",
    "load_ratio_low": "Load below your usual for two weeks",
    "form_very_low": "High fatigue (form at −30 or below)",
    "ramp_fast": "Fitness ramping fast",
    "monotony_high": "Days very alike (monotony above 2.0)",
    "no_rest_day": "No rest day for a while",
    "pain_during_run": "Pain during a run",
    "pain_next_morning": "Pain not settled the next morning",
    "pain_trend_rising": "Pain rising week on week",
    "pain_at_rest": "Pain at rest or at night",
    "hard_effort_yesterday": "The day after a race or hard effort",
    "numbers_settling": "Your numbers are still settling",
    "profile_heart_rates": "Your profile's heart rates need fixing",
    "stress_sleep_high_load": "Stress and sleep worse than usual, with high load",
    "stress_sleep_worse": "Stress or sleep worse than usual",
}

ctx = context.require()
advice = data.advice(ctx.db_path, ctx.athlete_id, ctx.today)
st.title("Today")
st.caption(f"{ctx.today:%A %d %B %Y} · {ctx.profile.name}")

with st.container(border=True, key="today_card"):
    st.subheader(f"{ICONS[advice.kind]} {advice.headline}")
    if advice.kind == "see_clinician":
        flag = next(w for w in advice.warnings if w.is_red_flag)
        st.error(flag.action, icon=":material/medical_services:")
    cap = advice.cap
    cols = st.columns(3)
    cols[0].metric(
        "Run cap today",
        "—" if cap.minutes is None else f"{cap.minutes} min",
        "easy pace",
        delta_color="off",
        delta_arrow="off",
    )
    cols[1].metric("Distance", "—" if cap.km is None else f"{cap.km:.1f} km")
    cols[2].metric("Load", "—" if cap.load is None else f"{cap.load:.0f}")
    st.markdown("\n".join(f"- {reason}" for reason in advice.reasons))

morning = advice.morning
with st.container(border=True, key="today_morning"):
    st.markdown(f"**This morning** (the end of {morning.day - timedelta(days=1):%a %d %b})")
    cols = st.columns(4)
    cols[0].metric(
        "Form",
        f"{morning.form:+.0f}",
        form_meaning(morning.form),
        delta_color="off",
        delta_arrow="off",
    )
    cols[1].metric(
        "Load ratio",
        "—" if morning.ratio is None else f"{morning.ratio:.2f}",
        acwr_band(morning.ratio).replace("_", " "),
        delta_color="off",
        delta_arrow="off",
    )
    cols[2].metric("Monotony", "—" if morning.monotony is None else f"{morning.monotony:.1f}")
    cols[3].metric("Ramp", "—" if morning.ramp is None else f"{morning.ramp:+.1f}/wk")
    st.caption(
        "Every number on this page, and every warning, reads the same state: the end of "
        "yesterday. The cap covers what is left of today."
    )

if advice.practices:
    with st.container(border=True, key="today_practices"):
        st.markdown("**A stressful stretch: recovery that has evidence behind it**")
        st.markdown("\n".join(f"- {practice}" for practice in advice.practices))

st.subheader("Active warnings")
if not advice.warnings:
    st.success("No warnings today: load, pain and recovery all look in range.")
for warning in advice.warnings:
    title = TITLES.get(warning.id) or warning.id.removeprefix("red_flag_").replace("_", " ")
    icon, colour = SEVERITY_STYLE[warning.severity]
    label = f":{colour}[**{warning.severity.upper()}**] · "
    label += ("Red flag: " + title) if warning.is_red_flag else title
    with st.expander(label, expanded=warning.severity in {"urgent", "high"}, icon=icon):
        st.markdown(f"**Why:** {warning.message}")
        st.markdown(f"**What to do:** {warning.action}")
        numbers = pd.DataFrame(
            {"value": [str(v) for v in warning.numbers.values()]},
            index=[k.replace("_", " ") for k in warning.numbers],
        )
        st.dataframe(numbers, width="content")
        st.caption(f"Source: {warning.source}")

st.subheader("7-day outlook if you rest")
forecast = advice.forecast
outlook = pd.DataFrame(
    {
        "Morning": [f"{d.day:%a %d %b}" for d in forecast.outlook],
        "Form": [round(d.form, 1) for d in forecast.outlook],
        "What it means": [form_meaning(d.form) for d in forecast.outlook],
        "Load ratio": [None if d.ratio is None else round(d.ratio, 2) for d in forecast.outlook],
        "Ratio band": [acwr_band(d.ratio).replace("_", " ") for d in forecast.outlook],
    }
)
st.dataframe(outlook, hide_index=True, key="today_outlook")
st.caption(
    "Rest-only projection with the same fitness/fatigue model as Load trends. Days until form "
    "is back above −10: "
    + ("now" if forecast.days_to_form_ok == 0 else str(forecast.days_to_form_ok or "over 14"))
    + "; days until the load ratio sits in 0.8-1.3: "
    + ("now" if forecast.days_to_ratio_ok == 0 else str(forecast.days_to_ratio_ok or "over 14"))
    + ". "
    + ACWR_CAVEAT
)
