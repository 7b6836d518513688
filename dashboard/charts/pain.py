"""Pain calendar: the worst score of each day at each body site and side, as a heat-map."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from pipelines.entries.validation import PAIN_MAX, PAIN_MIN
from training.vocabulary import MOMENT_LABELS, SITE_LABELS, SITES

# White for "logged 0", through the NRS bands mild 1-3, moderate 4-6, severe 7-10
# (docs/science.md#pain-scale)
PAIN_COLORSCALE = [
    [0.0, "#F4F6F6"],
    [0.1, "#FCE8B2"],
    [0.35, "#F8C471"],
    [0.6, "#E67E22"],
    [1.0, "#922B21"],
]
ROW_HEIGHT_PX = 34
MIN_HEIGHT_PX = 260
GAPPED_DAYS_MAX = 120  # beyond this, 1 px gaps between days hide the cells


def site_label(site: str, side: str | None, site_other: str | None = None) -> str:
    """'Hip, outer side · left' or the runner's own words for 'other'."""
    name = site_other if site == "other" and site_other else SITE_LABELS.get(site, site)
    return f"{name} · {side}" if side else name


def _labels(pain: pd.DataFrame) -> list[str]:
    return [
        site_label(s, d if isinstance(d, str) else None, o if isinstance(o, str) else None)
        for s, d, o in zip(pain["site"], pain["side"], pain["site_other"], strict=True)
    ]


def worst_by_day_and_site(pain: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Rows: site and side; columns: every day in [start, end]; cells: the day's worst score."""
    days = pd.date_range(start, end, freq="D")
    if pain.empty:
        return pd.DataFrame(columns=days, dtype=float)
    frame = pain.assign(day=pd.to_datetime(pain["date"]))
    frame = frame[(frame["day"] >= days[0]) & (frame["day"] <= days[-1])]
    if frame.empty:
        return pd.DataFrame(columns=days, dtype=float)
    frame = frame.assign(
        row=_labels(frame),
        order=frame["site"].map({site: i for i, site in enumerate(SITES)}),
    )
    table = frame.pivot_table(index="row", columns="day", values="score", aggfunc="max")
    rows = frame.sort_values(["order", "row"])["row"].drop_duplicates()
    return table.reindex(index=list(rows), columns=days)


def _moments_text(pain: pd.DataFrame, table: pd.DataFrame) -> list[list[str]]:
    """Hover text per cell: each moment logged that day with its score."""
    frame = pain.assign(day=pd.to_datetime(pain["date"]), row=_labels(pain))
    lines: dict[tuple[str, pd.Timestamp], list[str]] = {}
    for row in frame.itertuples():
        label = f"{MOMENT_LABELS.get(row.moment, row.moment).lower()} {row.score}/10"
        lines.setdefault((row.row, row.day), []).append(label)
    return [[", ".join(lines.get((row, day), [])) for day in table.columns] for row in table.index]


def pain_calendar(pain: pd.DataFrame, start: date, end: date) -> go.Figure:
    """Heat-map of the worst pain per day and site; empty cells are days with nothing logged."""
    table = worst_by_day_and_site(pain, start, end)
    fig = go.Figure()
    if not table.empty:
        fig.add_heatmap(
            x=table.columns,
            y=table.index,
            z=table.to_numpy(),
            zmin=PAIN_MIN,
            zmax=PAIN_MAX,
            colorscale=PAIN_COLORSCALE,
            xgap=1 if len(table.columns) <= GAPPED_DAYS_MAX else 0,
            ygap=3,
            hoverongaps=False,
            customdata=_moments_text(pain, table),
            colorbar={"title": "pain 0-10", "tickvals": [0, 3, 5, 7, 10]},
            hovertemplate="%{x|%a %d %b %Y}<br>%{y}: worst %{z}/10<br>%{customdata}<extra></extra>",
        )
    fig.update_layout(
        title="Pain by day and body site (worst score of the day)",
        height=max(MIN_HEIGHT_PX, 140 + ROW_HEIGHT_PX * len(table.index)),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        yaxis={"autorange": "reversed", "title": None},
        xaxis={"range": [pd.Timestamp(start), pd.Timestamp(end) + pd.Timedelta(days=1)]},
    )
    return fig
