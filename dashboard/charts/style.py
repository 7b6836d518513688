"""One look for every chart: shared colours, the title/legend layout and the usual-ratio band."""

from __future__ import annotations

import plotly.graph_objects as go

from training.bands import ACWR_CAUTION, ACWR_LOW

FITNESS_COLOR = "#2E86DE"
FATIGUE_COLOR = "#E67E22"
FORM_COLOR = "#8E44AD"
VOLUME_COLOR = "#16A085"
HEIGHT = 360
# The legend sits under the plot, where a long one can wrap onto more rows without ever reaching
# the title (a legend between title and plot overlaps the title as soon as it wraps).
LEGEND_BELOW = {"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0}
MARGIN = {"l": 10, "r": 10, "t": 50, "b": 70}


def apply_layout(
    fig: go.Figure, title: str, y_title: str, *, height: int = HEIGHT, **extra: object
) -> go.Figure:
    """Title on top, the legend under the plot (never over the title), compact margins."""
    fig.update_layout(
        title=title,
        height=height,
        margin=MARGIN,
        hovermode="x unified",
        legend=LEGEND_BELOW,
        yaxis_title=y_title,
        **extra,
    )
    return fig


def add_usual_ratio_band(fig: go.Figure) -> None:
    """Shade the 0.8-1.3 load-ratio band that the app calls 'your usual' (Gabbett 2016)."""
    fig.add_hrect(
        y0=ACWR_LOW,
        y1=ACWR_CAUTION,
        fillcolor="rgba(46,204,113,0.12)",
        line_width=0,
        layer="below",
        annotation_text="usual range",
        annotation_position="top left",
    )
