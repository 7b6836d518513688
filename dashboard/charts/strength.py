"""Figures for the Strength page: weekly adherence and exercise pain against the 3 and 5 lines."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import apply_layout
from training.strength.adherence import Adherence
from training.strength.pain import ACCEPTABLE_MAX_PAIN, PROGRESS_MAX_PAIN

DONE_COLOR = "#16A085"
MISSED_COLOR = "#D5DBDB"
PAIN_COLOR = "#C0392B"
HEIGHT = 320


def adherence_bars(result: Adherence) -> go.Figure:
    """Stacked bars per plan week: sessions done and sessions missed so far."""
    weeks = [f"Week {w.week}" for w in result.weeks]
    done = [w.done for w in result.weeks]
    missed = [w.planned - w.done for w in result.weeks]
    share = [f"{w.fraction:.0%} of {w.planned}" for w in result.weeks]
    fig = go.Figure(
        [
            go.Bar(
                x=weeks,
                y=done,
                name="Done",
                marker_color=DONE_COLOR,
                customdata=share,
                hovertemplate="%{x}: %{y} done (%{customdata})<extra></extra>",
            ),
            go.Bar(
                x=weeks,
                y=missed,
                name="Missed",
                marker_color=MISSED_COLOR,
                hovertemplate="%{x}: %{y} missed<extra></extra>",
            ),
        ]
    )
    return apply_layout(
        fig,
        f"Sessions done: {result.fraction:.0%} of those due",
        "sessions",
        height=HEIGHT,
        barmode="stack",
    )


def pain_trend(history: pd.DataFrame) -> go.Figure:
    """The worst exercise pain of each logged session, with the progress and stop lines."""
    per_session = (
        history.groupby(["done_on", "number"], as_index=False)["pain"].max()
        if not history.empty
        else pd.DataFrame({"done_on": [], "number": [], "pain": []})
    )
    fig = go.Figure(
        go.Scatter(
            x=per_session["done_on"],
            y=per_session["pain"],
            mode="lines+markers",
            name="Worst pain during the session",
            line_color=PAIN_COLOR,
            customdata=per_session["number"],
            hovertemplate="%{x|%a %d %b}: %{y}/10 (session %{customdata})<extra></extra>",
        )
    )
    fig.add_hline(
        y=PROGRESS_MAX_PAIN,
        line_dash="dot",
        line_color="#27AE60",
        annotation_text=f"progress at ≤ {PROGRESS_MAX_PAIN}",
    )
    fig.add_hline(
        y=ACCEPTABLE_MAX_PAIN,
        line_dash="dot",
        line_color=PAIN_COLOR,
        annotation_text=f"above {ACCEPTABLE_MAX_PAIN}: ease off",
    )
    fig.update_yaxes(range=[0, 10])
    return apply_layout(
        fig, "Pain during strength sessions (0-10)", "pain (0-10)", height=HEIGHT, barmode="stack"
    )
