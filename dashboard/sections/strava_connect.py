"""Settings section: connect Strava, see the connection, sync now, retention, disconnect."""

from __future__ import annotations

import html
import time
from datetime import UTC, datetime

import streamlit as st

from dashboard import data, writes
from dashboard.context import PageContext
from pipelines.errors import InvalidEntry
from pipelines.strava import background
from pipelines.strava.auth import STATE_MAX_AGE_S, authorize_url, make_state
from pipelines.strava.config import StravaSettings, load_settings
from pipelines.strava.disconnect import disconnect
from pipelines.strava.retention import set_preferences
from pipelines.strava.status import ConnectionStatus

STRAVA_ORANGE = "#FC4C02"  # Strava brand colour for "Connect with Strava" buttons
STATE_KEY = "strava_oauth_state"
PROCESS_KEY = "strava_sync_process"
SCOPE_TEXT = {
    "read": "public profile",
    "activity:read": "activities visible to followers",
    "activity:read_all": "all activities, including private ones",
    "profile:read_all": "full profile and heart-rate zones",
}


def _state(settings: StravaSettings) -> str:
    """One signed state per browser session, renewed before it expires."""
    state, issued = st.session_state.get(STATE_KEY, ("", 0.0))
    if not state or time.time() - issued > STATE_MAX_AGE_S / 2:
        state, issued = make_state(settings), time.time()
        st.session_state[STATE_KEY] = (state, issued)
    return str(state)


def _connect_button(settings: StravaSettings) -> None:
    url = html.escape(authorize_url(settings, _state(settings)), quote=True)
    st.markdown(
        f'<a href="{url}" target="_self" style="display:inline-block;background:{STRAVA_ORANGE};'
        "color:#fff;font-weight:700;padding:0.7rem 1.4rem;border-radius:4px;"
        'text-decoration:none;font-family:sans-serif">Connect with Strava</a>',
        unsafe_allow_html=True,
    )
    st.caption(
        "Opens Strava in this tab. Stridewise asks to read your activities (including private "
        "ones) and your heart-rate zones; it never posts anything. Your data stays in this "
        "computer's database and is shown only to you."
    )


def _ago(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    minutes = int((datetime.now(UTC).replace(tzinfo=None) - moment).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 120:
        return f"{minutes} min ago"
    return f"{moment:%d %b %Y %H:%M} UTC"


def _progress(path: str, athlete_id: int) -> None:
    """Progress of the running sync; reruns the page once it has ended."""
    status = data.strava_status(path, athlete_id)
    latest = status.latest if status else None
    process = st.session_state.get(PROCESS_KEY)
    if latest is not None and latest.active:
        label = f"Syncing… {latest.fetched} activities checked, {latest.upserted} new or changed"
        if latest.message:
            label += f"; {latest.message}"
        if latest.status == "waiting":
            label = f"Waiting for Strava's rate limit: {latest.message}"
        st.progress(min(max(latest.progress, 0.0), 1.0), text=label)
        return
    if process is not None and process.poll() is None:
        st.progress(0.0, text="Starting the sync…")
        return
    if process is not None:
        st.session_state.pop(PROCESS_KEY)
        data.clear()
        st.rerun(scope="app")


def _outcome(path: str, status: ConnectionStatus) -> None:
    latest = status.latest
    if latest is None:
        st.info("Not synced yet: click **Sync now** to fetch your Strava history.")
    elif latest.status == "paused":
        st.warning(
            f"Sync paused: {latest.message}. Everything fetched so far is saved; "
            "click Sync now after that time to continue."
        )
    elif latest.status == "failed":
        st.error(f"The last sync failed: {latest.message}")
    elif latest.status == "done" and latest.message:
        st.caption(f"Last sync: {latest.message}.")
    if latest is None or latest.status != "done":
        message = background.last_message(path)
        if message.startswith("error:"):
            st.error(message.removeprefix("error:").strip())


def _sync_controls(path: str, status: ConnectionStatus) -> None:
    running = bool(status.latest and status.latest.active) or (
        st.session_state.get(PROCESS_KEY) is not None
    )
    if st.button("Sync now", key="strava_sync_now", type="primary", disabled=running):
        st.session_state[PROCESS_KEY] = background.start_sync(path, status.athlete_id)
        running = True
    st.fragment(_progress, run_every=1.0 if running else None)(path, status.athlete_id)
    if not running:
        _outcome(path, status)


def _retention(path: str, status: ConnectionStatus) -> None:
    prefs = status.preferences
    with st.form("strava_retention"):
        days = st.number_input(
            "Keep activities fetched from the Strava API for (days; 0 = keep everything)",
            min_value=0,
            max_value=36500,
            step=1,
            value=prefs.retention_days or 0,
            help="Strava's 2026 API policy is reported to limit how long apps may keep API "
            "data. Older API activities are deleted after each sync; activities you import "
            "from your own Strava export are never pruned.",
            key="strava_retention_days",
        )
        details = st.checkbox(
            "Also read each new run's detail (perceived exertion): one extra request per run",
            value=prefs.fetch_details,
            key="strava_fetch_details",
        )
        streams = st.checkbox(
            "Also read heart-rate streams, for load from your full heart-rate trace: one "
            "extra request per activity with heart rate",
            value=prefs.fetch_streams,
            help="Newest activities first. Each sync stops before Strava's request budget is "
            "used up and the next one carries on, so a long history fills in over a few days.",
            key="strava_fetch_streams",
        )
        saved = st.form_submit_button("Save sync settings")
    if saved:
        saved = writes.write(
            path,
            lambda con: set_preferences(
                con,
                status.athlete_id,
                retention_days=int(days),
                overlap_days=prefs.overlap_days,
                fetch_details=details,
                fetch_streams=streams,
            ),
        )
        if saved is None:
            return
        st.success("Sync settings saved; they apply from the next sync.")


def _disconnect(path: str, settings: StravaSettings, status: ConnectionStatus) -> None:
    with st.expander("Disconnect Strava"):
        st.write("Stridewise asks Strava to revoke its access and forgets the tokens.")
        wipe = st.checkbox(
            "Also delete every activity that came from the Strava API (your "
            "own entries and export imports stay)",
            key="strava_delete_data",
        )
        done = st.button("Disconnect", key="strava_disconnect") and writes.guarded(
            lambda: disconnect(path, settings, status.athlete_id, delete_data=wipe),
            "Strava was not disconnected.",
        )
        if done:
            result = done.value
            st.session_state.pop(STATE_KEY, None)
            note = (
                ""
                if result.deauthorized
                else (
                    " Strava could not be reached: remove Stridewise at "
                    "https://www.strava.com/settings/apps."
                )
            )
            st.success(f"Disconnected; {result.deleted_activities} API activities deleted.{note}")
            st.rerun()


def render(ctx: PageContext | None) -> None:
    """The Strava block of Settings; works before any athlete exists (connecting creates one)."""
    st.subheader("Strava")
    try:
        settings = load_settings()
    except InvalidEntry as error:
        st.error(f"Strava settings are wrong. {error.field}: {error.allowed}.")
        return
    if not settings.configured:
        st.info(
            "To connect Strava, create your own Strava API application and put its "
            "STRAVA_CLIENT_ID and STRAVA_CLIENT_SECRET in `.streamlit/secrets.toml` under "
            "`[strava]` (see the README), then restart the app."
        )
        return
    path = data.db_path()
    status = data.strava_status(path, ctx.athlete_id if ctx else None)
    if status is None:
        _connect_button(settings)
        return
    granted = [SCOPE_TEXT.get(scope, scope) for scope in sorted(status.scopes)]
    st.markdown(f"Connected as **{status.athlete_name}** · last sync {_ago(status.last_success)}")
    st.caption(
        "Access granted: "
        + (", ".join(granted) or "unknown (headless setup)")
        + ". Powered by Strava."
    )
    _sync_controls(path, status)
    _retention(path, status)
    _disconnect(path, settings, status)
