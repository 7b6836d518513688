"""Settings: the profile, and the ways data comes in."""

from __future__ import annotations

import streamlit as st

from dashboard import context
from dashboard.sections import import_upload, profile_form, strava_connect

st.title("Settings")
ctx = context.current()
if ctx is not None:
    profile_form.render(ctx)
else:
    st.info("No athlete yet: connect Strava or import your export below, or run `stridewise demo`.")

import_upload.render(ctx)
strava_connect.render(ctx)
