"""Log page writes: one write per action, messages that survive the rerun, undo for deletes."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import writes
from dashboard.context import PageContext
from pipelines.db import Connection
from pipelines.entries import trash

FLAG_SAFETY = (
    "You ticked a warning sign. Please see a clinician promptly, the same day if you have a "
    "fever, can't put weight on the leg, or the pain began with a fall; hold off hard or long "
    "runs until then."
)
_FLASH = "log_flash"
UNDO_KEY = "log_undo"


def flash(kind: str, text: str) -> None:
    """Queue a message for the next run of the page (callbacks can't draw)."""
    st.session_state.setdefault(_FLASH, []).append((kind, text))


def show_flash() -> None:
    """Show and forget the queued messages."""
    for kind, text in st.session_state.pop(_FLASH, []):
        {"success": st.success, "warning": st.warning, "error": st.error}[kind](text)


def write(
    ctx: PageContext, action: Callable[[Connection], object], success: str, undo_label: str = ""
) -> None:
    """Run one write; on success clear caches and offer undo for deletes, else show why."""
    done = writes.write(ctx.db_path, action, show=lambda message: flash("error", message))
    if done is None:
        return
    if undo_label:
        st.session_state[UNDO_KEY] = (done.value, undo_label)
    flash("success", success)


def undo(ctx: PageContext) -> None:
    """Put the last deleted entry back."""
    trash_id, label = st.session_state.pop(UNDO_KEY)
    write(ctx, lambda con: trash.restore(con, ctx.athlete_id, trash_id), f"Restored {label}.")


def value(key: str) -> object:
    """The current value of a widget, read inside a callback."""
    return st.session_state.get(key)
