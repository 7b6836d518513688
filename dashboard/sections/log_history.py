"""Log page history: pain, check-in and RPE tables, each entry editable, deletes undoable."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.charts.pain import site_label
from dashboard.context import PageContext
from dashboard.sections import log_actions
from pipelines.entries import checkins, pain, rpe
from pipelines.entries.validation import EARLIEST_DATE, HOOPER_ITEMS
from training.load import LOAD_SOURCE_WORDS
from training.vocabulary import MOMENT_LABELS, MOMENTS, RED_FLAGS, SIDES, SITE_LABELS, SITES


def _pain_values(entry_id: int) -> dict[str, object]:
    fields = (
        "date",
        "site",
        "site_other",
        "side",
        "moment",
        "score",
        "red_flags",
        "activity_id",
        "note",
    )
    values = {field: log_actions.value(f"pain_edit_{field}_{entry_id}") for field in fields}
    values["side"] = None if values["side"] == "—" else values["side"]
    return values


def _pain_tab(ctx: PageContext, pains: pd.DataFrame) -> None:
    sites = st.multiselect(
        "Filter by site", SITES, format_func=SITE_LABELS.__getitem__, key="pain_filter"
    )
    shown = pains[pains["site"].isin(sites)] if sites else pains
    if shown.empty:
        st.info("No pain logged here yet. Use the Pain form above after a run.")
        return
    labels = {
        int(r.id): f"{r.date:%a %d %b %Y} · "
        + site_label(
            r.site,
            r.side if isinstance(r.side, str) else None,
            r.site_other if isinstance(r.site_other, str) else None,
        )
        + f" · {MOMENT_LABELS[r.moment].lower()} · {r.score}/10"
        for r in shown.itertuples()
    }
    table = pd.DataFrame(
        {
            "Entry": [labels[int(i)] for i in shown["id"]],
            "Red flags": [", ".join(RED_FLAGS[k] for k in flags) for flags in shown["red_flags"]],
            "Session": shown["activity_name"].fillna(""),
            "Note": shown["note"].fillna(""),
        }
    )
    st.dataframe(table, hide_index=True, key="pain_table")
    editor = st.expander("Edit or delete an entry")
    entry_id = editor.selectbox(
        "Entry to edit or delete", list(labels), format_func=labels.__getitem__, key="pain_edit_id"
    )
    row = shown[shown["id"] == entry_id].iloc[0]
    side = row["side"] if isinstance(row["side"], str) else "—"
    activity = "" if pd.isna(row["activity_id"]) else str(int(row["activity_id"]))
    with editor.form(f"pain_edit_form_{entry_id}"):
        k = f"_{entry_id}"
        st.date_input("Day", row["date"].date(), EARLIEST_DATE, ctx.today, key="pain_edit_date" + k)
        st.selectbox(
            "Where",
            SITES,
            SITES.index(row["site"]),
            format_func=SITE_LABELS.__getitem__,
            key="pain_edit_site" + k,
        )
        st.text_input(
            "What hurts (when Other)",
            row["site_other"] if isinstance(row["site_other"], str) else "",
            key="pain_edit_site_other" + k,
        )
        st.radio(
            "Side",
            [*SIDES, "—"],
            [*SIDES, "—"].index(side),
            horizontal=True,
            key="pain_edit_side" + k,
        )
        st.radio(
            "When",
            MOMENTS,
            MOMENTS.index(row["moment"]),
            horizontal=True,
            format_func=MOMENT_LABELS.__getitem__,
            key="pain_edit_moment" + k,
        )
        st.slider("Pain (0-10)", 0, 10, int(row["score"]), key="pain_edit_score" + k)
        st.multiselect(
            "Red flags",
            list(RED_FLAGS),
            list(row["red_flags"]),
            format_func=RED_FLAGS.__getitem__,
            key="pain_edit_red_flags" + k,
        )
        st.text_input("Session id (empty for none)", activity, key="pain_edit_activity_id" + k)
        st.text_input(
            "Note", row["note"] if isinstance(row["note"], str) else "", key="pain_edit_note" + k
        )
        st.form_submit_button(
            "Save changes",
            key="pain_edit_save",
            on_click=lambda: log_actions.write(
                ctx,
                lambda con: pain.update_pain(
                    con, ctx.athlete_id, entry_id, _pain_values(entry_id), today=ctx.today
                ),
                "Pain entry updated.",
            ),
        )
    editor.button(
        "Delete this entry",
        key="pain_delete",
        on_click=lambda: log_actions.write(
            ctx,
            lambda con: pain.delete_pain(con, ctx.athlete_id, entry_id),
            "Pain entry deleted.",
            undo_label=f"the pain entry {labels[entry_id]}",
        ),
    )


def _checkin_values(day: date) -> dict[str, object]:
    fields = ("date", *HOOPER_ITEMS, "mood", "sleep_hours", "resting_hr", "note")
    return {field: log_actions.value(f"checkin_edit_{field}_{day}") for field in fields}


def _checkin_tab(ctx: PageContext, wellness: pd.DataFrame) -> None:
    if wellness.empty:
        st.info("No check-ins yet. The daily check-in above takes about ten seconds.")
        return
    table = wellness[["date", *HOOPER_ITEMS, "mood", "sleep_hours", "resting_hr", "note"]]
    table = table.assign(hooper=wellness[list(HOOPER_ITEMS)].sum(axis=1))
    st.dataframe(
        table,
        hide_index=True,
        key="checkin_table",
        column_config={
            "date": st.column_config.DateColumn("Day"),
            "hooper": "Hooper index (4-28)",
            "sleep_quality": "sleep",
            "sleep_hours": "sleep (h)",
            "resting_hr": "resting HR",
        },
    )
    days = [d.date() for d in wellness["date"]]
    editor = st.expander("Edit or delete a check-in")
    day = editor.selectbox(
        "Check-in to edit or delete",
        days,
        format_func="{:%a %d %b %Y}".format,
        key="checkin_edit_day",
    )
    row = wellness[wellness["date"].dt.date == day].iloc[0]
    with editor.form(f"checkin_edit_form_{day}"):
        k = f"_{day}"
        st.date_input("Day", day, EARLIEST_DATE, ctx.today, key="checkin_edit_date" + k)
        cols = st.columns(len(HOOPER_ITEMS) + 1)
        for col, item in zip(cols, HOOPER_ITEMS, strict=False):
            col.number_input(
                item.replace("_", " ") + " (1-7)",
                1,
                7,
                int(row[item]),
                key=f"checkin_edit_{item}" + k,
            )
        mood = None if pd.isna(row["mood"]) else int(row["mood"])
        cols[-1].number_input("mood (1-5)", 1, 5, mood, key="checkin_edit_mood" + k)
        sleep = None if pd.isna(row["sleep_hours"]) else float(row["sleep_hours"])
        st.number_input("Sleep (hours)", 0.0, 24.0, sleep, 0.25, key="checkin_edit_sleep_hours" + k)
        resting = None if pd.isna(row["resting_hr"]) else int(row["resting_hr"])
        st.number_input("Resting HR", 25, 120, resting, key="checkin_edit_resting_hr" + k)
        st.text_input(
            "Note", row["note"] if isinstance(row["note"], str) else "", key="checkin_edit_note" + k
        )
        st.form_submit_button(
            "Save changes",
            key="checkin_edit_save",
            on_click=lambda: log_actions.write(
                ctx,
                lambda con: checkins.update_checkin(
                    con, ctx.athlete_id, day, _checkin_values(day), today=ctx.today
                ),
                "Check-in updated.",
            ),
        )
    editor.button(
        "Delete this check-in",
        key="checkin_delete",
        on_click=lambda: log_actions.write(
            ctx,
            lambda con: checkins.delete_checkin(con, ctx.athlete_id, day),
            "Check-in deleted.",
            undo_label=f"the check-in of {day:%a %d %b %Y}",
        ),
    )


def _rpe_tab(ctx: PageContext, rpes: pd.DataFrame) -> None:
    if rpes.empty:
        st.info("No session RPE yet. Rate recent sessions in the prompt above.")
        return
    shown = rpes[["date", "name", "rpe", "load", "load_source"]].assign(
        load_source=rpes["load_source"].map(LOAD_SOURCE_WORDS).fillna("")
    )
    st.dataframe(
        shown,
        hide_index=True,
        key="rpe_table",
        column_config={
            "date": st.column_config.DateColumn("Day"),
            "name": "Session",
            "rpe": "RPE (0-10)",
            "load": st.column_config.NumberColumn("Load", format="%.0f"),
            "load_source": "Load from",
        },
    )
    labels = {int(r.activity_id): f"{r.date:%a %d %b %Y} · {r.name}" for r in rpes.itertuples()}
    editor = st.expander("Edit or delete a session RPE")
    activity_id = editor.selectbox(
        "Session to edit or delete", list(labels), format_func=labels.__getitem__, key="rpe_edit_id"
    )
    current = float(rpes.loc[rpes["activity_id"] == activity_id, "rpe"].iloc[0])
    with editor.form(f"rpe_edit_form_{activity_id}"):
        st.number_input("RPE (0-10)", 0.0, 10.0, current, 0.5, key=f"rpe_edit_value_{activity_id}")
        st.form_submit_button(
            "Save changes",
            key="rpe_edit_save",
            on_click=lambda: log_actions.write(
                ctx,
                lambda con: rpe.set_rpe(
                    con,
                    ctx.athlete_id,
                    activity_id,
                    log_actions.value(f"rpe_edit_value_{activity_id}"),
                ),
                "RPE updated; load rescored.",
            ),
        )
    editor.button(
        "Delete this RPE",
        key="rpe_delete",
        on_click=lambda: log_actions.write(
            ctx,
            lambda con: rpe.delete_rpe(con, ctx.athlete_id, activity_id),
            "RPE deleted.",
            undo_label=f"the RPE of {labels[activity_id]}",
        ),
    )


def render(
    ctx: PageContext, pains: pd.DataFrame, wellness: pd.DataFrame, rpes: pd.DataFrame
) -> None:
    """History tabs with edit and delete, and an Undo button after a delete."""
    if log_actions.UNDO_KEY in st.session_state:
        box = st.container(border=True)
        box.write(f"Deleted {st.session_state[log_actions.UNDO_KEY][1]}.")
        box.button("Undo delete", key="undo_delete", on_click=log_actions.undo, args=(ctx,))
    tabs = st.tabs(["Pain", "Check-ins", "Session RPE"])
    with tabs[0]:
        _pain_tab(ctx, pains)
    with tabs[1]:
        _checkin_tab(ctx, wellness)
    with tabs[2]:
        _rpe_tab(ctx, rpes)
