"""Stridewise entrypoint: page config, the sign-in gate, athlete picker and navigation."""

from __future__ import annotations

import streamlit as st

from dashboard import data, sign_in, strava_redirect
from dashboard.context import ATHLETE_KEY

st.set_page_config(page_title="Stridewise", page_icon="🏃", layout="wide")
sign_in.require()
strava_redirect.handle()

data.forget_if_changed_elsewhere(data.db_path())
athletes = data.athletes(data.db_path())
if athletes:
    ids = [athlete_id for athlete_id, _, _ in athletes]
    names = {athlete_id: name for athlete_id, name, _ in athletes}
    if st.session_state.get(ATHLETE_KEY) not in ids:
        st.session_state[ATHLETE_KEY] = ids[0]
    if len(ids) > 1:
        st.sidebar.selectbox("Athlete", ids, format_func=names.__getitem__, key=ATHLETE_KEY)
else:
    st.session_state.pop(ATHLETE_KEY, None)

PAGES = [
    st.Page("app_pages/today.py", title="Today", icon=":material/today:", default=True),
    st.Page("app_pages/overview.py", title="Overview", icon=":material/home:"),
    st.Page("app_pages/load_trends.py", title="Load trends", icon=":material/monitoring:"),
    st.Page("app_pages/log.py", title="Log", icon=":material/edit_note:"),
    st.Page("app_pages/body_mind.py", title="Body & mind", icon=":material/psychology:"),
    st.Page("app_pages/plan.py", title="Plan", icon=":material/event_note:"),
    st.Page("app_pages/strength.py", title="Strength", icon=":material/fitness_center:"),
    st.Page("app_pages/settings.py", title="Settings", icon=":material/settings:"),
]
st.navigation(PAGES).run()
