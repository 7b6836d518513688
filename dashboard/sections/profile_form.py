"""Settings section: the athlete's physiology and model settings."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.context import PageContext
from pipelines.athletes import update_profile
from pipelines.db import connect
from pipelines.errors import InvalidEntry
from pipelines.metrics import recompute


def _optional(value: float | None) -> float | None:
    return None if value is None or value == 0 else value


def render(ctx: PageContext) -> None:
    """Profile form; saving validates everything, writes it, and rescoring follows."""
    p = ctx.profile
    st.subheader("Your profile")
    st.caption("Heart-rate and pace scores need these; leave a field empty if you don't know it.")
    with st.form("profile_form"):
        name = st.text_input("Name", value=p.name, key="profile_name")
        sex = st.selectbox(
            "Sex (for the heart-rate load constant)",
            ["", "F", "M"],
            index=["", "F", "M"].index(p.sex or ""),
            key="profile_sex",
        )
        c1, c2, c3 = st.columns(3)
        hr_max = c1.number_input(
            "Max HR (bpm)", min_value=0, max_value=250, step=1, value=p.hr_max, key="profile_hr_max"
        )
        hr_rest = c2.number_input(
            "Resting HR (bpm)",
            min_value=0,
            max_value=120,
            step=1,
            value=p.hr_rest,
            key="profile_hr_rest",
        )
        lthr = c3.number_input(
            "Threshold HR (bpm)",
            min_value=0,
            max_value=240,
            step=1,
            value=p.lthr,
            key="profile_lthr",
        )
        c4, c5 = st.columns(2)
        pace = c4.number_input(
            "Threshold pace (seconds per km; 285 = 4:45/km)",
            min_value=0.0,
            max_value=900.0,
            step=5.0,
            value=p.threshold_pace_s_per_km,
            key="profile_pace",
        )
        timezone = c5.text_input(
            "Time zone (IANA, e.g. Europe/Paris)", value=p.timezone or "", key="profile_timezone"
        )
        starting = st.number_input(
            "Starting fitness (CTL) before your first activity",
            min_value=0.0,
            max_value=200.0,
            value=float(p.starting_ctl),
            key="profile_starting_ctl",
        )
        with st.expander("Model settings"):
            m1, m2 = st.columns(2)
            ctl_days = m1.number_input(
                "Fitness time constant (days; 42 is the PMC default)",
                min_value=14,
                max_value=90,
                value=p.ctl_days,
                key="profile_ctl_days",
            )
            atl_days = m2.number_input(
                "Fatigue time constant (days; 7 is the PMC default)",
                min_value=3,
                max_value=21,
                value=p.atl_days,
                key="profile_atl_days",
            )
            m3, m4 = st.columns(2)
            female_a = m3.number_input(
                "Women's TRIMP weighting a (0.86 Morton 1990; 0.64 GoldenCheetah)",
                min_value=0.64,
                max_value=0.86,
                step=0.01,
                value=p.trimp_female_a,
                key="profile_trimp_female_a",
            )
            rest_limit = m4.number_input(
                "Days in a row without rest before a note",
                min_value=3,
                max_value=30,
                value=p.no_rest_days_limit,
                key="profile_no_rest_days_limit",
            )
        saved = st.form_submit_button("Save profile", key="profile_save")
    if not saved:
        return
    changes = {
        "name": name,
        "sex": sex or None,
        "hr_max": _optional(hr_max),
        "hr_rest": _optional(hr_rest),
        "lthr": _optional(lthr),
        "threshold_pace_s_per_km": _optional(pace),
        "timezone": timezone or None,
        "starting_ctl": starting,
        "ctl_days": ctl_days,
        "atl_days": atl_days,
        "trimp_female_a": female_a,
        "no_rest_days_limit": rest_limit,
    }
    try:
        with connect(ctx.db_path) as con:
            update_profile(con, ctx.athlete_id, changes)
            recompute(con, [ctx.athlete_id])
    except InvalidEntry as exc:
        st.error(f"Not saved. {exc.field}: {exc.allowed}.")
        return
    data.clear()
    st.success("Profile saved; every session was rescored.")
