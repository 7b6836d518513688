"""Log: pain and the daily check-in in a few taps, session RPE, history, and a pain calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from dashboard import context, data, writes
from dashboard.charts.pain import pain_calendar, site_label
from dashboard.context import PageContext
from dashboard.sections import log_history
from dashboard.sections.log_actions import FLAG_SAFETY, flash, show_flash
from pipelines.entries import checkins, pain, rpe
from pipelines.entries.validation import (
    EARLIEST_DATE,
    HOOPER_LEVELS,
    MOOD_LEVELS,
    PAIN_SCALE_TEXT,
    RPE_LEVELS,
    SLEEP_QUALITY_LEVELS,
    asks_red_flags,
)
from training.vocabulary import MOMENT_LABELS, MOMENTS, RED_FLAGS, SITE_LABELS, SITES

NO_SIDE = "not one side"
HOOPER_QUESTIONS = {
    "stress": "Stress",
    "sleep_quality": "Sleep quality last night",
    "fatigue": "Fatigue",
    "soreness": "Muscle soreness",
}
CHECKIN_DEFAULTS: dict[str, int | float | str | None] = {
    "stress": 4,
    "sleep_quality": 4,
    "fatigue": 4,
    "soreness": 4,
    "mood": 3,
    "sleep_hours": None,
    "resting_hr": None,
    "note": "",
}
MAP_RANGES = {"3 months": 91, "6 months": 182, "1 year": 365}


def _pain_activity_key(day: date) -> str:
    return f"pain_activity_{day.isoformat()}"


def _save_pain(ctx: PageContext) -> None:
    """Button callback: validate and store the quick pain entry, then reset the score and note."""
    state = st.session_state
    day = state["pain_date"]
    flags = [key for key in RED_FLAGS if state.get(f"pain_flag_{key}")]
    values = {
        "date": day,
        "site": state["pain_site"],
        "site_other": state.get("pain_site_other"),
        "side": None if state["pain_side"] == NO_SIDE else state["pain_side"],
        "moment": state["pain_moment"],
        "score": state["pain_score"],
        "activity_id": state.get(_pain_activity_key(day)),
        "note": state.get("pain_note"),
        "red_flags": flags if asks_red_flags(state["pain_site"], state["pain_score"]) else [],
    }
    saved = writes.write(
        ctx.db_path,
        lambda con: pain.add_pain(con, ctx.athlete_id, values, today=ctx.today),
        show=lambda message: state.__setitem__("pain_error", message),
    )
    if saved is None:
        return
    state.pop("pain_error", None)
    where = site_label(state["pain_site"], values["side"], state.get("pain_site_other"))
    moment = MOMENT_LABELS[state["pain_moment"]].lower()
    flash("success", f"Saved: {where}, {state['pain_score']}/10 {moment}.")
    if values["red_flags"]:
        flash("warning", FLAG_SAFETY)
    state["pain_score"] = 0
    state["pain_note"] = ""
    for key in RED_FLAGS:
        state[f"pain_flag_{key}"] = False


def _pain_form(ctx: PageContext, activities: pd.DataFrame, last_pain: pd.DataFrame) -> None:
    state = st.session_state
    if "pain_date" not in state:
        latest = last_pain.iloc[0] if not last_pain.empty else None
        state["pain_date"] = ctx.today
        state["pain_site"] = latest["site"] if latest is not None else SITES[0]
        side = latest["side"] if latest is not None else None
        state["pain_side"] = side if isinstance(side, str) else NO_SIDE
        state["pain_moment"] = MOMENTS[0]
        state["pain_score"] = 0
    st.subheader("Pain")
    st.date_input("Day", min_value=EARLIEST_DATE, max_value=ctx.today, key="pain_date")
    site = st.selectbox("Where", SITES, format_func=SITE_LABELS.__getitem__, key="pain_site")
    if site == "other":
        st.text_input("What hurts?", max_chars=60, key="pain_site_other")
    st.radio("Side", ["left", "right", "both", NO_SIDE], horizontal=True, key="pain_side")
    st.radio(
        "When", MOMENTS, format_func=MOMENT_LABELS.__getitem__, horizontal=True, key="pain_moment"
    )
    score = st.slider(f"Pain: {PAIN_SCALE_TEXT}", 0, 10, key="pain_score")
    day = state["pain_date"]
    that_day = activities[pd.to_datetime(activities["start_date_local"]).dt.date == day]
    options = [None, *that_day["id"].astype(int)]
    names = {int(r.id): f"{r.name} ({r.sport_type})" for r in that_day.itertuples()}
    default = pain.single_run(that_day)
    st.selectbox(
        "Session it relates to",
        options,
        index=options.index(default),
        format_func=lambda i: "none" if i is None else names[i],
        key=_pain_activity_key(day),
    )
    if asks_red_flags(site, score):
        st.markdown("**Does any of these apply?** If so, please see a clinician.")
        for key, label in RED_FLAGS.items():
            st.checkbox(label, key=f"pain_flag_{key}")
    st.text_input("Note (optional)", max_chars=500, key="pain_note")
    st.button("Save pain", type="primary", key="pain_save", on_click=_save_pain, args=(ctx,))
    if "pain_error" in state:
        st.error(state["pain_error"])


def _save_checkin(ctx: PageContext) -> None:
    """Form callback: store the day's check-in (saving again that day updates it)."""
    state = st.session_state
    values = {
        field: state[f"checkin_{field}"]
        for field in ("date", *HOOPER_QUESTIONS, "mood", "sleep_hours", "resting_hr", "note")
    }
    saved = writes.write(
        ctx.db_path,
        lambda con: checkins.save_checkin(con, ctx.athlete_id, values, today=ctx.today),
        show=lambda message: state.__setitem__("checkin_error", message),
    )
    if saved is None:
        return
    replaced = saved.value
    state.pop("checkin_error", None)
    hooper = sum(int(state[f"checkin_{item}"]) for item in HOOPER_QUESTIONS)
    verb = "Updated" if replaced else "Saved"
    flash(
        "success",
        f"{verb} the check-in for {state['checkin_date']:%a %d %b}: Hooper index "
        f"{hooper}/28 (lower is better).",
    )


def _checkin_form(ctx: PageContext, wellness: pd.DataFrame) -> None:
    state = st.session_state
    latest = wellness.iloc[0] if not wellness.empty else None
    marker = (ctx.athlete_id, None if latest is None else latest["date"])
    if state.get("checkin_prefilled") != marker or "checkin_date" not in state:
        state["checkin_prefilled"] = marker
        state["checkin_date"] = ctx.today
        for field, fallback in CHECKIN_DEFAULTS.items():
            value = fallback if latest is None or pd.isna(latest[field]) else latest[field]
            convert = {"sleep_hours": float, "note": str}.get(field, int)
            state[f"checkin_{field}"] = None if value is None else convert(value)
        if latest is None or latest["date"].date() != ctx.today:
            state["checkin_note"] = ""
    st.subheader("Daily check-in")
    if latest is not None and latest["date"].date() == ctx.today:
        st.caption("Today's check-in is saved; change anything and save again to update it.")
    elif latest is not None:
        st.caption(
            f"Starting from your check-in of {latest['date']:%a %d %b}; adjust what changed."
        )
    with st.form("checkin_form", border=False):
        st.date_input("Day", min_value=EARLIEST_DATE, max_value=ctx.today, key="checkin_date")
        for field, question in HOOPER_QUESTIONS.items():
            words = SLEEP_QUALITY_LEVELS if field == "sleep_quality" else HOOPER_LEVELS
            st.select_slider(
                question,
                options=list(words),
                key=f"checkin_{field}",
                format_func=lambda v, w=words: f"{v} · {w[v]}",
            )
        st.select_slider(
            "Mood",
            options=list(MOOD_LEVELS),
            key="checkin_mood",
            format_func=lambda v: f"{v} · {MOOD_LEVELS[v]}",
        )
        cols = st.columns(2)
        cols[0].number_input(
            "Sleep (hours)", min_value=0.0, max_value=24.0, step=0.25, key="checkin_sleep_hours"
        )
        cols[1].number_input(
            "Resting HR (bpm, optional)",
            min_value=25,
            max_value=120,
            step=1,
            key="checkin_resting_hr",
        )
        st.text_input("Note (optional)", max_chars=500, key="checkin_note")
        st.form_submit_button(
            "Save check-in", type="primary", key="checkin_save", on_click=_save_checkin, args=(ctx,)
        )
    if "checkin_error" in state:
        st.error(state["checkin_error"])


def _save_rpe(ctx: PageContext) -> None:
    """Form callback: rate a recent session; its load is rescored from that day."""
    state = st.session_state
    saved = writes.write(
        ctx.db_path,
        lambda con: rpe.set_rpe(con, ctx.athlete_id, state["rpe_activity"], state["rpe_value"]),
        show=lambda message: flash("error", message),
    )
    if saved is not None:
        flash(
            "success", f"Saved RPE {state['rpe_value']} for {saved.value:%a %d %b}; load rescored."
        )


def _rpe_prompt(ctx: PageContext, awaiting: pd.DataFrame) -> None:
    st.subheader("How hard were your recent sessions?")
    st.caption(
        "Session RPE on Foster's CR-10, about 30 minutes after the session. It sets the "
        "session's load when there is no heart rate or pace to score it."
    )
    labels = {
        int(r.id): f"{r.start_date_local:%a %d %b} · {r.name} · {round(r.moving_time_s / 60)} min"
        for r in awaiting.itertuples()
    }
    with st.form("rpe_form", border=False):
        st.selectbox("Session", list(labels), format_func=labels.__getitem__, key="rpe_activity")
        st.select_slider(
            "Effort",
            options=list(range(11)),
            value=5,
            key="rpe_value",
            format_func=lambda v: f"{v} · {RPE_LEVELS[v]}" if v in RPE_LEVELS else str(v),
        )
        st.form_submit_button("Save RPE", key="rpe_save", on_click=_save_rpe, args=(ctx,))


def _headline(
    ctx: PageContext, wellness: pd.DataFrame, pains: pd.DataFrame, awaiting: pd.DataFrame
) -> str:
    parts = []
    today_checkin = (
        wellness[wellness["date"].dt.date == ctx.today] if not wellness.empty else wellness
    )
    if today_checkin.empty:
        parts.append("No check-in yet today")
    else:
        row = today_checkin.iloc[0]
        parts.append(f"Today's check-in: Hooper {sum(int(row[i]) for i in HOOPER_QUESTIONS)}/28")
    if not pains.empty:
        last = pains.iloc[0]
        where = site_label(
            last["site"],
            last["side"] if isinstance(last["side"], str) else None,
            last["site_other"] if isinstance(last["site_other"], str) else None,
        )
        parts.append(f"last pain {last['date']:%a %d %b}: {where.lower()} {last['score']}/10")
    if not awaiting.empty:
        parts.append(
            f"{len(awaiting)} recent session{'s' if len(awaiting) > 1 else ''} without an RPE"
        )
    return " · ".join(parts) + "."


ctx = context.require()
pains = data.pain_history(ctx.db_path, ctx.athlete_id)
wellness = data.wellness_entries(ctx.db_path, ctx.athlete_id)
awaiting = data.awaiting_rpe(ctx.db_path, ctx.athlete_id, ctx.today)
st.title("Log")
st.subheader(_headline(ctx, wellness, pains, awaiting))
show_flash()
left, right = st.columns(2, gap="large")
with left, st.container(border=True):
    _pain_form(ctx, data.activities(ctx.db_path, ctx.athlete_id), pains)
with right, st.container(border=True):
    _checkin_form(ctx, wellness)
if not awaiting.empty:
    with st.container(border=True):
        _rpe_prompt(ctx, awaiting)

st.header("History")
log_history.render(ctx, pains, wellness, data.rpe_history(ctx.db_path, ctx.athlete_id))

st.header("Pain calendar")
span = st.segmented_control("Range", list(MAP_RANGES), default="3 months", key="pain_map_range")
start = ctx.today - timedelta(days=MAP_RANGES[span or "3 months"] - 1)
if pains.empty or pains["date"].max().date() < start:
    st.info(f"No pain logged in the last {span or '3 months'}.")
else:
    st.plotly_chart(pain_calendar(pains, start, ctx.today), key="pain_map")
st.caption(
    "Each cell is the worst pain logged that day at that site (NRS 0-10: 1-3 mild, "
    "4-6 moderate, 7-10 severe). Pain during a run up to 5/10 that settles by the next "
    "morning is usually acceptable; pain rising week on week is not (Silbernagel 2007)."
)
