"""Figures for Body & mind: pain by site over load, stress and sleep; lagged associations."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.style import LEGEND_BELOW, MARGIN

LOAD_COLOR = "rgba(127,140,141,0.35)"
STRESS_COLOR = "#C0392B"
SLEEP_COLOR = "#2E86DE"
PAIN_COLORS = ["#8E44AD", "#E67E22", "#16A085", "#D35400", "#2C3E50", "#27AE60"]
HEIGHT = 560


def pain_timeline(pain: pd.DataFrame, daily: pd.DataFrame, wellness: pd.DataFrame) -> go.Figure:
    """Top: worst daily pain per site (0-10) over daily load bars. Bottom: stress and sleep (1-7).

    `pain` needs day, place and score; `daily` date and load; `wellness` date, stress and
    sleep_quality.
    """
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.62, 0.38],
        vertical_spacing=0.06,
        specs=[[{"secondary_y": True}], [{}]],
    )
    fig.add_bar(
        x=daily["date"],
        y=daily["load"],
        name="Daily training load",
        marker_color=LOAD_COLOR,
        hovertemplate="load %{y:.0f}<extra></extra>",
        row=1,
        col=1,
        secondary_y=True,
    )
    # The load axis overlays the pain axis; plotly drops an overlay whose base axis has no
    # trace, so an invisible point keeps the pain axis (and the layout) in place.
    fig.add_scatter(
        x=daily["date"][:1],
        y=[0] * min(len(daily), 1),
        mode="markers",
        marker_opacity=0,
        showlegend=False,
        hoverinfo="skip",
        row=1,
        col=1,
        secondary_y=False,
    )
    if not pain.empty:
        worst = pain.groupby(["place", "day"], as_index=False)["score"].max()
        for i, (place, group) in enumerate(worst.groupby("place")):
            fig.add_scatter(
                x=pd.to_datetime(group["day"]),
                y=group["score"],
                name=f"Pain: {place}",
                mode="lines+markers",
                line={"color": PAIN_COLORS[i % len(PAIN_COLORS)]},
                hovertemplate=f"{place}: %{{y}}/10<extra></extra>",
                row=1,
                col=1,
                secondary_y=False,
            )
    if not wellness.empty:
        days = pd.to_datetime(wellness["date"])
        fig.add_scatter(
            x=days,
            y=wellness["stress"],
            name="Stress (1 low … 7 high)",
            mode="lines",
            line={"color": STRESS_COLOR, "width": 1.5},
            hovertemplate="stress %{y}<extra></extra>",
            row=2,
            col=1,
        )
        fig.add_scatter(
            x=days,
            y=wellness["sleep_quality"],
            name="Sleep (1 good … 7 bad)",
            mode="lines",
            line={"color": SLEEP_COLOR, "width": 1.5},
            hovertemplate="sleep %{y}<extra></extra>",
            row=2,
            col=1,
        )
    fig.update_yaxes(title_text="pain (0-10)", range=[0, 10.5], row=1, col=1, secondary_y=False)
    fig.update_yaxes(
        title_text="load", showgrid=False, tickformat=".0f", row=1, col=1, secondary_y=True
    )
    fig.update_yaxes(title_text="Hooper rating", range=[0.5, 7.5], row=2, col=1)
    fig.update_layout(
        title="Pain, load, stress and sleep",
        height=HEIGHT,
        hovermode="x unified",
        margin=MARGIN,
        legend=LEGEND_BELOW,
    )
    return fig


def association_bars(table: pd.DataFrame, title: str, x_title: str) -> go.Figure:
    """Rank correlation per lag as bars, with the number of day pairs on each bar."""
    shown = table.dropna(subset=["rho"])
    fig = go.Figure()
    fig.add_bar(
        x=shown["lag_days"],
        y=shown["rho"],
        text=[f"n={n}" for n in shown["n"]],
        textposition="outside",
        marker_color=["#C0392B" if r > 0 else "#2E86DE" for r in shown["rho"]],
        customdata=shown["n"],
        hovertemplate="lag %{x} d: ρ = %{y:.2f} (n = %{customdata})<extra></extra>",
    )
    fig.add_hline(y=0, line_color="#7F8C8D")
    fig.update_layout(
        title=title,
        height=320,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis_title=x_title,
        yaxis_title="Spearman ρ",
        yaxis_range=[-1, 1],
    )
    return fig
