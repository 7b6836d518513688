"""Figures for load trends: weekly volume, fitness/fatigue/form, load ratio, monotony."""

from __future__ import annotations

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
from training.bands import (
    ACWR_HIGH,
    FORM_FRESH,
    FORM_GREY,
    FORM_OPTIMAL,
    FORM_TRANSITION,
)


def weekly_volume(weeks: pd.DataFrame, current_week: pd.Timestamp | None = None) -> go.Figure:
    """Bars of weekly running km with the week's load as a line on a second axis.

    The week still in progress is drawn paler so it doesn't read as a sudden drop.
    """
    in_progress = weeks["week"] == current_week if current_week is not None else False
    fig = go.Figure()
    fig.add_bar(
        x=weeks["week"],
        y=weeks["distance_m"] / 1000,
        name="Running distance (km)",
        marker_color=VOLUME_COLOR,
        marker_opacity=[
            0.45 if flag else 1.0 for flag in pd.Series(in_progress, index=weeks.index)
        ],
        customdata=["so far" if flag else "" for flag in pd.Series(in_progress, index=weeks.index)],
        hovertemplate="%{y:.1f} km %{customdata}<extra>week of %{x|%d %b %Y}</extra>",
    )
    fig.add_scatter(
        x=weeks["week"],
        y=weeks["load"],
        name="Training load (all sports)",
        yaxis="y2",
        mode="lines+markers",
        line={"color": FATIGUE_COLOR},
        hovertemplate="load %{y:.0f}<extra></extra>",
    )
    fig.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "title": "load",
            "showgrid": False,
            "rangemode": "tozero",
            "tickformat": ".0f",
        },
        yaxis={"rangemode": "tozero"},
    )
    return apply_layout(fig, "Weekly volume", "km")


def fitness_fatigue_form(daily: pd.DataFrame) -> go.Figure:
    """CTL and ATL as lines, form (TSB) as a line over shaded form zones."""
    fig = go.Figure()
    bands = [
        (FORM_TRANSITION, 1000, "rgba(52,152,219,0.10)", "Transition"),
        (FORM_FRESH, FORM_TRANSITION, "rgba(46,204,113,0.12)", "Fresh"),
        (FORM_GREY, FORM_FRESH, "rgba(149,165,166,0.12)", "Neutral"),
        (FORM_OPTIMAL, FORM_GREY, "rgba(241,196,15,0.12)", "Productive"),
        (-1000, FORM_OPTIMAL, "rgba(231,76,60,0.12)", "High fatigue"),
    ]
    for low, high, color, label in bands:
        fig.add_hrect(
            y0=low,
            y1=high,
            fillcolor=color,
            line_width=0,
            layer="below",
            annotation_text=label,
            annotation_position="right",
            annotation_font_size=10,
        )
    fig.add_scatter(
        x=daily["date"],
        y=daily["ctl"],
        name="Fitness (CTL)",
        line={"color": FITNESS_COLOR, "width": 2.5},
        hovertemplate="fitness %{y:.1f}<extra></extra>",
    )
    fig.add_scatter(
        x=daily["date"],
        y=daily["atl"],
        name="Fatigue (ATL)",
        line={"color": FATIGUE_COLOR, "width": 1.5},
        hovertemplate="fatigue %{y:.1f}<extra></extra>",
    )
    fig.add_scatter(
        x=daily["date"],
        y=daily["tsb"],
        name="Form (TSB, this morning)",
        line={"color": FORM_COLOR, "width": 1.5},
        hovertemplate="form %{y:.1f}<extra></extra>",
    )
    values = pd.concat([daily["ctl"], daily["atl"], daily["tsb"]])
    low = min(FORM_OPTIMAL - 10, float(values.min()) - 5) if len(values) else -40
    high = max(FORM_TRANSITION + 5, float(values.max()) + 5) if len(values) else 40
    fig.update_yaxes(range=[low, high])
    return apply_layout(fig, "Fitness, fatigue and form", "load units")


def load_ratio(daily: pd.DataFrame) -> go.Figure:
    """EWMA and rolling acute:chronic ratios over the 0.8–1.3 usual band and the 1.5 line."""
    fig = go.Figure()
    add_usual_ratio_band(fig)
    fig.add_hline(
        y=ACWR_HIGH,
        line_dash="dot",
        line_color="#E74C3C",
        annotation_text="well above usual",
        annotation_position="top left",
    )
    fig.add_scatter(
        x=daily["date"],
        y=daily["acwr"],
        name="Load ratio (EWMA 7/28)",
        line={"color": FORM_COLOR},
        hovertemplate="%{y:.2f}<extra>EWMA</extra>",
    )
    fig.add_scatter(
        x=daily["date"],
        y=daily["acwr_rolling"],
        name="Rolling 7 / previous 21 days",
        line={"color": "#7F8C8D", "dash": "dot"},
        hovertemplate="%{y:.2f}<extra>rolling</extra>",
    )
    return apply_layout(fig, "Recent load vs your usual (acute:chronic ratio)", "ratio")


def monotony(daily: pd.DataFrame) -> go.Figure:
    """Foster monotony over 7 days with the 2.0 flag line."""
    fig = go.Figure()
    fig.add_hline(
        y=2.0,
        line_dash="dot",
        line_color="#E74C3C",
        annotation_text="monotony 2.0 (Foster 1998)",
        annotation_position="top left",
    )
    fig.add_scatter(
        x=daily["date"],
        y=daily["monotony"],
        name="Monotony (7 days)",
        line={"color": VOLUME_COLOR},
        hovertemplate="%{y:.2f}<extra></extra>",
    )
    return apply_layout(fig, "Training monotony", "mean / SD of daily load")
