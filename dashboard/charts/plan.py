"""Figures for the Plan page: projection continuing the real history, planned vs actual weeks."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import (
    FATIGUE_COLOR,
    FITNESS_COLOR,
    FORM_COLOR,
    VOLUME_COLOR,
    add_usual_ratio_band,
    apply_layout,
)
from training.planner.review import WeekReview

PLANNED_COLOR = "rgba(22,160,133,0.35)"
RACE_COLOR = "#C0392B"


def projection_figure(
    history: pd.DataFrame, projection: pd.DataFrame, today: date, race_day: date | None = None
) -> go.Figure:
    """Fitness, fatigue and form: solid for the real past, dashed for the planned future."""
    fig = go.Figure()
    lines = [
        ("ctl", "Fitness (CTL)", FITNESS_COLOR),
        ("atl", "Fatigue (ATL)", FATIGUE_COLOR),
        ("tsb", "Form (TSB, morning)", FORM_COLOR),
    ]
    for column, label, color in lines:
        fig.add_scatter(
            x=history["date"],
            y=history[column],
            name=label,
            legendgroup=column,
            line={"color": color},
            hovertemplate=f"{label} %{{y:.1f}}<extra>real</extra>",
        )
        fig.add_scatter(
            x=projection["date"],
            y=projection[column],
            name=f"{label}, planned",
            legendgroup=column,
            showlegend=False,
            line={"color": color, "dash": "dash"},
            hovertemplate=f"{label} %{{y:.1f}}<extra>projected</extra>",
        )
    fig.add_vline(
        x=pd.Timestamp(today).timestamp() * 1000,
        line_dash="dot",
        line_color="#7F8C8D",
        annotation_text="today",
        annotation_position="top left",
    )
    if race_day is not None:
        fig.add_vline(
            x=pd.Timestamp(race_day).timestamp() * 1000,
            line_color=RACE_COLOR,
            annotation_text=f"race {race_day:%d %b}",
            annotation_position="top right",
        )
    return apply_layout(
        fig, "Fitness, fatigue and form: real, then as planned (dashed)", "load units"
    )


def ratio_figure(history: pd.DataFrame, projection: pd.DataFrame, today: date) -> go.Figure:
    """The EWMA load ratio, real then projected, over the 0.8-1.3 usual band."""
    fig = go.Figure()
    add_usual_ratio_band(fig)
    fig.add_scatter(
        x=history["date"],
        y=history["acwr"],
        name="Load ratio",
        line={"color": FORM_COLOR},
        hovertemplate="%{y:.2f}<extra>real</extra>",
    )
    fig.add_scatter(
        x=projection["date"],
        y=projection["acwr"],
        name="Load ratio, planned",
        line={"color": FORM_COLOR, "dash": "dash"},
        hovertemplate="%{y:.2f}<extra>projected</extra>",
    )
    fig.add_vline(x=pd.Timestamp(today).timestamp() * 1000, line_dash="dot", line_color="#7F8C8D")
    return apply_layout(fig, "Recent load vs your usual (EWMA 7/28 days)", "ratio", height=300)


def plan_vs_actual_figure(reviews: list[WeekReview]) -> go.Figure:
    """Planned km per week beside the km actually run in the weeks that have started."""
    weeks = [r.week.week_start for r in reviews]
    fig = go.Figure()
    fig.add_bar(
        x=weeks,
        y=[r.planned_distance_m / 1000 for r in reviews],
        name="Planned km",
        marker_color=PLANNED_COLOR,
        customdata=[r.week.week_type for r in reviews],
        text=[t if t in ("taper", "race") else "" for t in (r.week.week_type for r in reviews)],
        textposition="outside",
        hovertemplate="planned %{y:.1f} km (%{customdata} week)<extra></extra>",
    )
    fig.add_bar(
        x=weeks,
        y=[None if r.actual_distance_m is None else r.actual_distance_m / 1000 for r in reviews],
        name="Actual km",
        marker_color=VOLUME_COLOR,
        hovertemplate="run %{y:.1f} km<extra></extra>",
    )
    return apply_layout(
        fig, "Planned vs actual running distance", "km", height=300, barmode="group"
    )
