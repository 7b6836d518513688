"""Plan: draft the coming weeks, edit them, and see their effect before running them."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import context, data
from dashboard.charts.plan import plan_vs_actual_figure, projection_figure, ratio_figure
from pipelines import plans as plan_store
from pipelines.db import connect
from pipelines.errors import InvalidEntry
from pipelines.plan_calendar import plan_calendar
from pipelines.plan_drafts import (
    draft_plan,
    goal_of,
    goal_window,
    later_goal,
    plan_shortfall,
    settings_of,
)
from pipelines.plan_report import week_detail, week_name, week_runs
from training.bands import ACWR_CAVEAT, form_meaning
from training.planner.edits import insert_recovery_week, recovery_week_start
from training.planner.model import PlanSettings, RaceGoal, VolumeGoal
from training.planner.race import race_day_of
from training.planner.state import start_state

ctx = context.require()
daily = data.daily_metrics(ctx.db_path, ctx.athlete_id, ctx.today)
activities = data.activities(ctx.db_path, ctx.athlete_id).assign(athlete_id=ctx.athlete_id)
stored = data.plans(ctx.db_path, ctx.athlete_id)
st.title("Plan")


def _new_plan_form() -> None:
    """Generate a block from today's fitness and a goal, then save it as the active plan."""
    with st.form("plan_new"):
        name = st.text_input("Plan name", value="My next block", key="plan_name")
        goal_kind = st.radio(
            "Goal", ["Race", "Weekly distance"], horizontal=True, key="plan_goal_kind"
        )
        c1, c2 = st.columns(2)
        first_day, last_day = goal_window(ctx.today)
        goal_day = c1.date_input(
            "Race day / reach it by",
            value=min(max(ctx.today + timedelta(weeks=10), first_day), last_day),
            min_value=first_day,
            max_value=last_day,
            key="plan_goal_date",
        )
        distance_km = c2.number_input(
            "Race distance or weekly km",
            min_value=1.0,
            max_value=300.0,
            value=21.1,
            step=0.5,
            key="plan_goal_km",
        )
        c3, c4 = st.columns(2)
        pattern = c3.radio("Build:recovery", ["3:1", "2:1"], horizontal=True, key="plan_pattern")
        cut = c4.slider("Recovery-week cut (%)", 20, 40, 30, key="plan_cut")
        submitted = st.form_submit_button("Draft plan", type="primary")
    if not submitted:
        return
    goal: RaceGoal | VolumeGoal = (
        RaceGoal(goal_day, distance_km * 1000)
        if goal_kind == "Race"
        else VolumeGoal(distance_km * 1000, goal_day)
    )
    _draft(goal, PlanSettings(build_weeks=int(pattern[0]), recovery_cut=cut / 100), name)


def _draft(goal: RaceGoal | VolumeGoal, plan_settings: PlanSettings, name: str) -> None:
    """Draft from today's real state (as `stridewise plan draft` does) and show the new plan."""
    try:
        with connect(ctx.db_path) as con:
            plan_id = draft_plan(con, ctx.athlete_id, ctx.today, goal, plan_settings, name)
    except (InvalidEntry, ValueError) as exc:
        st.error(f"Could not draft the plan: {exc}")
        return
    data.clear()
    st.session_state["plan_show_next"] = plan_id
    st.rerun()


if not stored:
    st.info(
        "No plan yet. Pick a goal below: the planner drafts the weeks from your current "
        "fitness, with a recovery week every third or fourth week."
    )
    _new_plan_form()
    st.stop()

with st.expander("Draft a new plan"):
    _new_plan_form()

names = {p.id: p.name + (" (active)" if p.active else "") for p in stored}
if st.session_state.get("plan_show_next") in names:  # a plan just drafted: show it
    st.session_state["plan_choice"] = st.session_state.pop("plan_show_next")
chosen = st.selectbox("Plan", list(names), format_func=names.__getitem__, key="plan_choice")
plan = next(p for p in stored if p.id == chosen)

rows = pd.DataFrame(plan_store.weeks_to_rows(plan.weeks), columns=plan_store.ROW_COLUMNS)
edited = st.data_editor(
    rows,
    key="plan_editor",
    hide_index=True,
    disabled=["Week"],
    width="stretch",
    column_config={
        "Week": st.column_config.DateColumn("Week", format="ddd D MMM YYYY"),
        "Type": st.column_config.SelectboxColumn(
            "Type", options=list(("build", "recovery", "taper", "race", "rest")), required=True
        ),
        "Target": st.column_config.NumberColumn("Target", min_value=0.0, step=0.5),
        "Unit": st.column_config.SelectboxColumn(
            "Unit", options=list(plan_store.UNITS), required=True
        ),
        "Runs": st.column_config.NumberColumn("Runs", min_value=0, max_value=7, step=1),
        "Long run (km)": st.column_config.NumberColumn("Long run (km)", min_value=0.0),
    },
)
try:
    weeks = plan_store.weeks_from_rows(edited.to_dict("records"), plan.weeks)
except InvalidEntry as exc:
    st.error(f"That edit is not allowed: {exc}. The projection shows the saved plan.")
    weeks = list(plan.weeks)
changed = tuple(weeks) != plan.weeks

outlook = data.plan_outlook(ctx.db_path, ctx.athlete_id, ctx.today, tuple(weeks))
upcoming = [r for r in outlook.reviews if r.week.week_end >= ctx.today]
flagged = sum(1 for r in upcoming if any(w.severity != "info" for w in r.warnings))
last = outlook.reviews[-1]
planned_km = sum(r.planned_distance_m for r in outlook.reviews) / 1000
race_day = race_day_of(weeks, outlook.model.long_run_weekday)
headline = (
    f"{plan.name}: {len(weeks)} weeks to {weeks[-1].week_end:%d %b %Y}, {planned_km:.0f} km planned"
)
if race_day is not None:
    headline += f", race on {race_day:%a %d %b}"
# Form the morning after the plan: the next Monday's, else the end of the projection.
final_form = last.form_after
if final_form is None and not outlook.projection.empty:
    final_form = float(outlook.projection["tsb_eod"].iloc[-1])
if final_form is not None:
    headline += f"; form the morning after: {final_form:+.0f} ({form_meaning(final_form)})"
st.subheader(headline + (f". {flagged} week(s) flagged." if flagged else ". No week flagged."))

short = plan_shortfall(plan, daily, activities, ctx.today, weeks)
goal = goal_of(plan)
if short is not None and goal is not None:
    st.warning(short.sentence, icon=":material/flag:")
    later = short.later_day
    offered = later is not None and later <= goal_window(ctx.today)[1]
    if offered and st.button(f"Draft it for {later:%a %d %b %Y} instead", key="plan_later"):
        _draft(later_goal(goal, later), settings_of(plan), f"{plan.name[:45]}, {later:%d %b}")

cols = st.columns(4)
if changed and cols[0].button("Save changes", type="primary", key="plan_save"):
    with connect(ctx.db_path) as con:
        plan_store.replace_weeks(con, plan.id, weeks)
    data.clear()
    st.rerun()
if cols[1].button("Insert a recovery week now", key="plan_recovery_now"):
    at = recovery_week_start(ctx.today)
    base = max(at, weeks[0].week_start)
    try:
        new_weeks = insert_recovery_week(
            weeks,
            base,
            outlook.model,
            cut=plan.recovery_cut,
            previous_distance_m=start_state(daily, ctx.today).base_distance_m,
        )
        with connect(ctx.db_path) as con:
            plan_store.replace_weeks(con, plan.id, new_weeks)
    except (ValueError, InvalidEntry) as exc:
        st.error(f"No recovery week inserted: {exc}")
    else:
        data.clear()
        st.rerun()
if not plan.active and cols[2].button("Make active", key="plan_activate"):
    with connect(ctx.db_path) as con:
        plan_store.activate_plan(con, plan.id)
    data.clear()
    st.rerun()
# A plan is the runner's own work: deleting it takes a second, deliberate click.
if cols[3].popover("Delete plan").button(f"Delete “{plan.name}” for good", key="plan_delete"):
    with connect(ctx.db_path) as con:
        plan_store.delete_plan(con, plan.id)
    data.clear()
    st.rerun()

shown = daily[daily["date"] >= pd.Timestamp(ctx.today - timedelta(weeks=8))]
st.plotly_chart(
    projection_figure(shown, outlook.projection, ctx.today, race_day),
    key="plan_projection",
)
st.plotly_chart(ratio_figure(shown, outlook.projection, ctx.today), key="plan_ratio")
st.caption(
    ACWR_CAVEAT + " The generator keeps each build week within 1.3× the three weeks "
    "before it and every run within 110% of your longest run in the previous 30 days "
    "(Frandsen et al. 2025); long runs grow on that rule towards the race's long-run goal, "
    "so a long-run day may lift the daily ratio for a day."
)

st.subheader("Week by week")
runs_by_week = week_runs(weeks, outlook.model)
for review in outlook.reviews:
    w = review.week
    label = (
        f"{w.week_start:%d %b}: **{week_name(w, weeks)}**, "
        f"{review.planned_distance_m / 1000:.1f} km planned "
        f"({week_detail(w, runs_by_week[w.week_start])})"
    )
    if review.actual_distance_m is not None:
        label += f", {review.actual_distance_m / 1000:.1f} km run"
    if review.adherence is not None:
        label += f" ({review.adherence:.0%} of plan)"
    if review.days_until_fresh is not None:
        label += f"; fresh after {review.days_until_fresh} day(s)"
    if not review.warnings:
        st.markdown(f":green[:material/check_circle:] {label}")
    elif all(w.severity == "info" for w in review.warnings):
        st.markdown(f":blue[:material/info:] {label}")
    else:
        st.markdown(f":orange[:material/warning:] {label}")
    in_week = outlook.sessions[outlook.sessions["week_start"] == w.week_start]
    if not in_week.empty:
        st.caption(
            " · ".join(
                f"{day:%a} **{title}**" if kind == "race" else f"{day:%a} {title}"
                for day, kind, title in zip(
                    in_week["date"], in_week["kind"], in_week["title"], strict=True
                )
            )
        )
    for warning in review.warnings:
        st.caption(
            f"**{warning.severity}**: {warning.message} {warning.action} (source: {warning.source})"
        )

st.plotly_chart(plan_vs_actual_figure(outlook.reviews), key="plan_vs_actual")
st.caption(
    "Recovery weeks and their cut are a coaching convention (3:1 or 2:1, −20 to −40%). "
    "The taper follows Bosquet et al. 2007: about two weeks, volume cut by 40-60%, as many "
    "runs and the same intensity; the race stands alone on race day."
)

st.download_button(
    "Export planned sessions (.ics)",
    plan_calendar(plan, outlook.sessions),
    file_name="stridewise-plan.ics",
    mime="text/calendar",
    key="plan_ics",
)
