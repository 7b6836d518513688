"""Settings section: upload a Strava export ZIP or watch files, with progress and a summary."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.context import ATHLETE_KEY, PageContext
from pipelines.athletes import validate_profile_value
from pipelines.db import DatabaseBusy, connect
from pipelines.errors import InvalidEntry
from pipelines.imports.inputs import read_uploads
from pipelines.imports.memo import load_memo
from pipelines.imports.models import ImportReport, UnreadableExport
from pipelines.imports.store import write_import
from pipelines.imports.timezones import machine_timezone

MAX_UPLOAD_MB = 2048  # whole-account exports with photos run to gigabytes; the CLI has no limit
SUMMARY_KEY = "import_summary"
FILE_TYPES = ["zip", "fit", "gz", "gpx", "tcx"]


def _headline(report: ImportReport) -> str:
    span = ""
    if report.first_date and report.last_date:
        span = f" from {report.first_date:%d %b %Y} to {report.last_date:%d %b %Y}"
    return (
        f"Imported {report.read} activities{span}: {report.added} new, {report.updated} "
        f"updated, {report.unchanged} already up to date; {report.with_heart_rate} with "
        f"heart-rate samples. Local times use {report.timezone} where a file had none."
        + (
            f" {report.files_unchanged} files were unchanged since your last import, so they "
            "were not read again."
            if report.files_unchanged
            else ""
        )
    )


def _show_summary() -> None:
    summary = st.session_state.pop(SUMMARY_KEY, None)
    if summary is None:
        return
    st.success(summary["headline"])
    if summary["note"]:
        st.info(summary["note"])
    if summary["skipped"]:
        st.warning(f"{len(summary['skipped'])} item(s) skipped; everything else was imported.")
        with st.expander("What was skipped and why"):
            st.dataframe(
                [{"File or row": item, "Reason": reason} for item, reason in summary["skipped"]],
                hide_index=True,
            )


def _target_athlete(ctx: PageContext | None, path: str) -> int | None:
    """Import into the selected athlete unless it is the demo runner."""
    if ctx is None:
        return None
    sources = {athlete_id: source for athlete_id, _, source in data.athletes(path)}
    return None if sources.get(ctx.athlete_id) == "demo" else ctx.athlete_id


def _run_import(ctx: PageContext | None, uploads: list[tuple[str, bytes]], zone: str) -> None:
    path = data.db_path()
    bar = st.progress(0.0, text="Reading your files…")
    shown = [-1]

    def progress(done: int, total: int, label: str) -> None:
        percent = 100 * done // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            bar.progress(percent / 100, text=f"Reading {done} of {total}: {label}")

    athletes_before = len(data.athletes(path))
    try:
        valid_zone = str(validate_profile_value("timezone", zone))
        parsed = read_uploads(uploads, progress, load_memo(path))
        bar.progress(1.0, text="Saving and rebuilding your training load…")
        with connect(path) as con:
            report = write_import(con, parsed, athlete_id=_target_athlete(ctx, path),
                                  timezone=valid_zone)  # fmt: skip
    except UnreadableExport as exc:
        bar.empty()
        st.error(f"Nothing was imported: {exc}. Your data is unchanged.")
        return
    except InvalidEntry as exc:
        bar.empty()
        st.error(f"Nothing was imported. {exc.field}: {exc.allowed}.")
        return
    except DatabaseBusy as exc:
        bar.empty()
        st.error(f"Nothing was imported: {exc}")
        return
    data.clear()
    note = ""
    if athletes_before <= 1:
        st.session_state[ATHLETE_KEY] = report.athlete_id  # no athlete picker on screen yet
    elif ctx is None or ctx.athlete_id != report.athlete_id:
        note = "Pick the imported athlete in the sidebar to see this history."
    st.session_state[SUMMARY_KEY] = {
        "headline": _headline(report), "note": note,
        "skipped": [(s.item, s.reason) for s in report.skipped],
    }  # fmt: skip
    st.rerun()


def render(ctx: PageContext | None) -> None:
    """Upload box, time-zone question when the profile has none, Import button, last summary."""
    st.subheader("Import your history")
    st.caption(
        "Your Strava archive (strava.com → Settings → My Account → Download or delete your "
        "account → Request your archive) holds every activity; upload the ZIP as it arrives. "
        "Files from Garmin, Coros, Polar or Wahoo (.fit, .fit.gz, .gpx, .tcx) work too. "
        "Importing again is safe: nothing is duplicated, and your pain and check-in entries "
        "are never touched."
    )
    _show_summary()
    uploads = st.file_uploader(
        "Strava export ZIP, or activity files", type=FILE_TYPES, accept_multiple_files=True,
        key="import_files", max_upload_size=MAX_UPLOAD_MB,
    )  # fmt: skip
    zone = ctx.profile.timezone if ctx is not None else None
    if zone is None:
        zone = st.text_input(
            "Time zone you train in (used when a file has no local time)",
            value=st.context.timezone or machine_timezone(), key="import_timezone",
        )  # fmt: skip
    if st.button("Import", key="import_button", type="primary", disabled=not uploads):
        _run_import(ctx, [(f.name, f.getvalue()) for f in uploads or []], zone or "")
