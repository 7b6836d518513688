"""Strength: this week's hip and glute sessions, a one-minute check-off, and how it is going."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import streamlit as st

from dashboard import context, data
from dashboard.charts.strength import adherence_bars, pain_trend
from pipelines.db import connect
from pipelines.entries.validation import SITE_LABELS
from pipelines.errors import InvalidEntry
from pipelines.strength import logbook, store
from pipelines.strength.calendar import plan_calendar
from pipelines.strength.library import bundled_library
from pipelines.strength.store import StoredPlan
from training.strength.adherence import adherence
from training.strength.pain import REFERRAL_TEXT
from training.strength.plan import PlannedSession, Referral, generate_plan
from training.strength.progression import Action
from training.strength.tracking import (
    Prescription,
    Progress,
    SessionLog,
    next_session,
    prescribe,
    replay,
)

FRAMING = (
    "Hip and glute strengthening is supported in hip-pain rehabilitation and lowers injury rates "
    "across sports; it is not proven to prevent running injuries. This plan is a template, not "
    "a prescription: progress only when pain during the exercises stays at 3/10 or below and "
    "has settled by the next morning."
)
RPE_CHOICES = [2, 3, 4, 5, 6, 7, 8]
ACTION_ICONS = {  # material icons render without an emoji font
    Action.PROGRESS: ":green[:material/arrow_upward:]",
    Action.HOLD: ":orange[:material/pause:]",
    Action.REGRESS: ":red[:material/arrow_downward:]",
    Action.MAINTAIN: ":green[:material/check:]",
}

library = bundled_library()
ctx = context.require()
view = data.strength_overview(ctx.db_path, ctx.athlete_id, ctx.today)
st.title("Strength")


def plan_form(key: str) -> None:
    """Inputs for a new plan, prefilled from the last four weeks of pain entries."""
    pain, schedule = view.pain, view.schedule
    sites = [None, *SITE_LABELS]
    with st.form(key):
        site = st.selectbox(
            "Where does it hurt?",
            sites,
            index=sites.index(pain.site),
            format_func=lambda s: "No pain right now" if s is None else SITE_LABELS[s],
        )
        level = st.slider("Typical pain in the last two weeks (0-10)", 0, 10, pain.level)
        trend = st.radio(
            "Over the last weeks the pain is",
            ["settling", "stable", "rising"],
            index=["settling", "stable", "rising"].index(pain.trend),
            horizontal=True,
        )
        per_week = st.radio("Sessions a week", [2, 3], index=1, horizontal=True)
        days = ", ".join(date(2024, 1, 1 + d).strftime("%a") for d in sorted(schedule.hard_days))
        st.caption(
            f"Sessions avoid your long-run day ({days or 'none found'}) and prefer rest days."
        )
        if not st.form_submit_button("Make my 12-week plan", type="primary"):
            return
    try:
        profile = store.validate_inputs(site, level, trend, per_week)
    except InvalidEntry as exc:
        st.error(f"{exc}. Please correct it and try again.")
        return
    made = generate_plan(library, ctx.today, profile, schedule, per_week)
    if isinstance(made, Referral):
        st.error(made.advice)
        return
    with connect(ctx.db_path) as con:
        store.save_plan(con, ctx.athlete_id, made)
    data.clear()
    st.rerun()


if view.red_flags:
    st.error(f"**{REFERRAL_TEXT}**")
    st.markdown("\n".join(f"- {warning.message}" for warning in view.red_flags))
    st.caption(
        "The plan is paused while these are present, the same red flags the Today page shows "
        "(from your pain entries of the last two weeks). Once a clinician has cleared you, "
        "remove the red flag from that pain entry on the Log page to carry on."
    )
    st.stop()

if view.plan is None:
    st.subheader("Make a plan that fits around your running")
    st.caption(FRAMING)
    plan_form("new_plan")
    st.stop()

stored: StoredPlan = view.plan
progress: Progress = replay(library, view.logs)
logged: dict[int, SessionLog] = {log.number: log for log in view.logs}
sessions = stored.sessions
monday = ctx.today - timedelta(days=ctx.today.weekday())
this_week = [s for s in sessions if monday <= s.date < monday + timedelta(days=7)]
upcoming = next_session(sessions, logged, ctx.today)
shown = this_week or ([upcoming] if upcoming else [])
anchor = shown[0] if shown else sessions[-1]
phase = library.phase(anchor.phase)
due = adherence(sessions, logged, ctx.today)
done_this_week = sum(1 for s in this_week if s.number in logged)
st.subheader(
    f"Week {anchor.week} of 12 · phase {phase.number}, {phase.name}: "
    f"{done_this_week} of {len(this_week)} sessions done this week"
    if shown
    else "Your 12-week plan is finished"
)
st.caption(f"{phase.focus} {FRAMING}")


def morning_prompt() -> None:
    """Ask once how the sore area felt the morning after the last logged session."""
    waiting = [log for log in view.logs if log.morning.settled is None and log.done_on < ctx.today]
    if not waiting:
        return
    last = waiting[-1]
    with st.container(border=True):
        st.markdown(
            f"**How did it feel the morning after session {last.number} "
            f"({last.done_on:%a %d %b})?** Progress waits for this answer."
        )
        left, right = st.columns(2)
        answer = None
        if left.button("Back to how it was before", key="morning_settled"):
            answer = True
        if right.button("Worse than before", key="morning_worse"):
            answer = False
        if answer is not None:
            with connect(ctx.db_path) as con:
                logbook.record_morning(con, stored, last.number, settled=answer)
            data.clear()
            st.rerun()


def show_exercise(item: Prescription) -> None:
    """Dose, cue, steps and cautions of one exercise."""
    load = f" with {item.load_kg:g} kg" if item.load_kg else ""
    st.markdown(f"**{item.exercise.name}**: {item.level.name}, {item.level.dose_text()}{load}")
    st.caption(f"{item.level.cue} Works: {', '.join(item.exercise.muscles)}.")
    st.markdown("\n".join(f"{i}. {step}" for i, step in enumerate(item.exercise.steps, 1)))
    st.caption(
        ":material/warning: "
        + " ".join(item.exercise.cautions)
        + f" Source: {item.exercise.source}."
    )


def check_off(session: PlannedSession, items: list[Prescription]) -> None:
    """The one-minute form: pain per exercise, reps reached; the dose is prefilled."""
    with st.form(f"check_off_{session.number}"):
        st.markdown(
            "**Mark it done.** Pain 0-10 during each exercise; change reps if you "
            "fell short of the top of the range."
        )
        rows = []
        for item in items:
            cols = st.columns([3, 1, 1, 1])
            cols[0].markdown(item.exercise.name)
            reps = cols[1].number_input(
                item.level.unit,
                0,
                300,
                item.level.top,
                key=f"reps_{session.number}_{item.exercise.key}",
            )
            load = cols[2].number_input(
                "kg",
                0.0,
                500.0,
                item.load_kg,
                step=0.5,
                key=f"load_{session.number}_{item.exercise.key}",
            )
            pain = cols[3].number_input(
                "pain", 0, 10, 0, key=f"pain_{session.number}_{item.exercise.key}"
            )
            rows.append(
                {
                    "key": item.exercise.key,
                    "level": item.level.number,
                    "sets": item.level.sets,
                    "reps": reps,
                    "load_kg": load,
                    "pain": pain,
                }
            )
        cols = st.columns(3)
        done_on = cols[0].date_input(
            "Done on",
            min(session.date, ctx.today),
            max_value=ctx.today,
            key=f"day_{session.number}",
        )
        minutes = cols[1].number_input("Minutes", 1, 180, 20, key=f"min_{session.number}")
        rpe = cols[2].select_slider(
            "Effort (RPE 0-10)", RPE_CHOICES, 4, key=f"rpe_{session.number}"
        )
        if not st.form_submit_button("Mark done", type="primary"):
            return
    try:
        with connect(ctx.db_path) as con:
            logbook.log_session(
                con,
                stored,
                session.number,
                done_on=done_on,
                exercises=rows,
                rpe=rpe,
                minutes=minutes,
                today=ctx.today,
            )
    except InvalidEntry as exc:
        st.error(f"Not saved: {exc}.")
        return
    data.clear()
    st.toast(f"Session {session.number} logged; it counts toward your training load.")
    st.rerun()


morning_prompt()
st.markdown("### This week" if this_week else "### Next session")
if not shown:
    st.info("Make a new plan below to keep a maintenance routine going.")
for session in shown:
    items = prescribe(library, session, progress)
    minutes = sum(item.level.seconds() for item in items) / 60
    mark = (
        ":material/check_circle: done" if session.number in logged else f"about {minutes:.0f} min"
    )
    with st.expander(
        f"{session.date:%a %d %b} · session {session.template} · {mark}",
        expanded=session.number not in logged and session.date >= ctx.today,
    ):
        for item in items:
            show_exercise(item)
        if session.number in logged:
            if st.button("Undo this check-off", key=f"undo_{session.number}"):
                with connect(ctx.db_path) as con:
                    logbook.delete_session_log(con, stored, session.number)
                data.clear()
                st.rerun()
        else:
            check_off(session, items)

st.markdown("### Next progression step")
if progress.last_steps:
    for step in progress.last_steps.values():
        name = library.exercises[step.key].name
        st.markdown(f"{ACTION_ICONS[step.action]} **{name}**: {step.action.value}, {step.reason}.")
else:
    st.caption("Log your first session to see how each exercise moves on.")

left, right = st.columns(2)
left.plotly_chart(adherence_bars(due), width="stretch", key="strength_adherence")
right.plotly_chart(pain_trend(view.history), width="stretch", key="strength_pain")

st.download_button(
    "Add the sessions to my calendar (.ics)",
    plan_calendar(
        library,
        stored,
        progress,
        skip=logged,
        stamp=datetime.combine(stored.plan.start, time(), tzinfo=UTC),
    ),
    file_name="stridewise-strength.ics",
    mime="text/calendar",
    key="strength_ics",
)
for note in stored.plan.notes:
    st.caption(note)
with st.expander("Make a new plan (replaces this one; your logs are kept)"):
    plan_form("replace_plan")
