"""Settings section: import a Strava export or watch files, uploaded or read from a path.

An upload passes through the server's memory, so it is capped (server.maxUploadSize); a path on
this computer is read in place, so an export of any size works and memory stays low.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from dashboard import data, uploads, writes
from dashboard.context import ATHLETE_KEY, PageContext
from pipelines.athletes import validate_profile_value
from pipelines.errors import InvalidEntry
from pipelines.imports.export import Progress, read_export, read_paths, read_uploads
from pipelines.imports.local_path import import_path
from pipelines.imports.memo import Memo, load_memo
from pipelines.imports.models import ImportReport, ParsedImport, UnreadableExport
from pipelines.imports.store import write_import
from pipelines.imports.timezones import machine_timezone
from training.vocabulary import DEMO

SUMMARY_KEY = "import_summary"
FILE_TYPES = ["zip", "fit", "gz", "gpx", "tcx"]
Reader = Callable[[Progress, Memo], ParsedImport]


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
    return None if sources.get(ctx.athlete_id) == DEMO else ctx.athlete_id


def _run_import(ctx: PageContext | None, read: Reader, zone: str) -> None:
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
        parsed = read(progress, load_memo(path))
    except UnreadableExport as exc:
        bar.empty()
        st.error(f"Nothing was imported: {exc}. Your data is unchanged.")
        return
    except InvalidEntry as exc:
        bar.empty()
        st.error(f"Nothing was imported. {writes.explain(exc)}")
        return
    bar.progress(1.0, text="Saving and rebuilding your training load…")
    target = _target_athlete(ctx, path)
    written = writes.write(
        path,
        lambda con: write_import(con, parsed, athlete_id=target, timezone=valid_zone),
        "Nothing was imported.",
    )
    if written is None:
        bar.empty()
        return
    report = written.value
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


def _from_uploads(files: Sequence[UploadedFile]) -> Reader:
    """A ZIP is moved to a temporary file and read from disk; watch files are small."""

    def read(progress: Progress, memo: Memo) -> ParsedImport:
        if len(files) == 1 and files[0].name.lower().endswith(".zip"):
            with uploads.on_disk(files[0]) as archive:
                return read_export(archive, progress, memo)
        return read_uploads([(f.name, f.getvalue()) for f in files], progress, memo)

    return read


def _from_path(text: str) -> Reader:
    """The export or files at a path the runner typed, checked before anything is read."""

    def read(progress: Progress, memo: Memo) -> ParsedImport:
        return read_paths([import_path(text)], progress, memo)

    return read


def _upload_tab(ctx: PageContext | None, zone: str) -> None:
    limit_mb = st.get_option("server.maxUploadSize")
    st.caption(
        f"For an export up to {limit_mb:,} MB, or a few watch files. The upload passes through "
        "the app's memory; a bigger export imports faster and lighter from its path (the other "
        "tab)."
    )
    files = st.file_uploader(
        "Strava export ZIP, or activity files", type=FILE_TYPES, accept_multiple_files=True,
        key="import_files",
    )  # fmt: skip
    if st.button("Import", key="import_button", type="primary", disabled=not files):
        _run_import(ctx, _from_uploads(files or []), zone)


def _path_tab(ctx: PageContext | None, zone: str) -> None:
    st.caption(
        "For an export of any size: Strava's archives of long-time runners, with their photos, "
        "are often 0.5-5 GB. Stridewise reads it where it is, with nothing uploaded or copied. "
        "The path is on the computer running Stridewise (in the Docker image, under /imports)."
    )
    text = st.text_input(
        "Path of the export ZIP, the unzipped export folder, or a folder of activity files",
        key="import_path", placeholder="~/Downloads/export_12345.zip",
    )  # fmt: skip
    # Never disabled: the field counts as typed only once it loses focus, so a disabled button
    # would swallow the click that moves the focus.
    if st.button("Import from this path", key="import_path_button", type="primary"):
        _run_import(ctx, _from_path(text), zone)


def render(ctx: PageContext | None) -> None:
    """Where to import from, time-zone question when the profile has none, last summary."""
    st.subheader("Import your history")
    st.caption(
        "Your Strava archive (strava.com → Settings → My Account → Download or delete your "
        "account → Request your archive) holds every activity; import the ZIP as it arrives. "
        "Files from Garmin, Coros, Polar or Wahoo (.fit, .fit.gz, .gpx, .tcx) work too. "
        "Importing again is safe: nothing is duplicated, and your pain and check-in entries "
        "are never touched."
    )
    _show_summary()
    zone = ctx.profile.timezone if ctx is not None else None
    if zone is None:
        zone = st.text_input(
            "Time zone you train in (used when a file has no local time)",
            value=st.context.timezone or machine_timezone(), key="import_timezone",
        )  # fmt: skip
    upload, local = st.tabs(["Upload", "From a file or folder on this computer"])
    with upload:
        _upload_tab(ctx, zone or "")
    with local:
        _path_tab(ctx, zone or "")
