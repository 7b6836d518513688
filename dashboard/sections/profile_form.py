"""Settings section: the athlete's physiology and model settings."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard import data
from dashboard.context import PageContext
from pipelines.athletes import profile_problem, update_profile
from pipelines.db import connect
from pipelines.errors import InvalidEntry
from pipelines.metrics import recompute
from training.profile import AthleteProfile
from training.starting_fitness import estimate_starting_ctl


@dataclass(frozen=True)
class NumberField:
    """One numeric profile field as the form shows it; `optional` fields treat 0 as unknown."""

    field: str
    label: str
    low: float
    high: float
    step: float = 1.0
    optional: bool = False


PHYSIOLOGY = [  # shown three, then two, to a row
    NumberField("hr_max", "Max HR (bpm)", 0, 250, optional=True),
    NumberField("hr_rest", "Resting HR (bpm)", 0, 120, optional=True),
    NumberField("lthr", "Threshold HR (bpm)", 0, 240, optional=True),
]
MODEL = [
    NumberField("ctl_days", "Fitness time constant (days; 42 is the PMC default)", 14, 90),
    NumberField("atl_days", "Fatigue time constant (days; 7 is the PMC default)", 3, 21),
    NumberField(
        "trimp_female_a",
        "Women's TRIMP weighting a (0.86 Morton 1990; 0.64 GoldenCheetah)",
        0.64,
        0.86,
        0.01,
    ),
    NumberField("no_rest_days_limit", "Days in a row without rest before a note", 3, 30),
]
PACE = NumberField(
    "threshold_pace_s_per_km",
    "Threshold pace (seconds per km; 285 = 4:45/km)",
    0.0,
    900.0,
    5.0,
    optional=True,
)
STARTING = NumberField(
    "starting_ctl", "Starting fitness (CTL) before your first activity", 0.0, 200.0, 0.5
)


def _number_input(column: object, spec: NumberField, profile: AthleteProfile) -> float | None:
    """A number input keyed `profile_<field>`; whole-number fields stay whole numbers."""
    value = getattr(profile, spec.field)
    whole = float(spec.step).is_integer() and float(spec.low).is_integer()
    cast = int if whole else float
    entered = column.number_input(  # type: ignore[attr-defined]
        spec.label,
        min_value=cast(spec.low),
        max_value=cast(spec.high),
        step=cast(spec.step),
        value=None if value is None else cast(value),
        key=f"profile_{spec.field}",
    )
    if spec.optional and (entered is None or entered == 0):
        return None
    return entered  # type: ignore[no-any-return]


def _save(ctx: PageContext, changes: dict[str, object]) -> bool:
    """Validate and write the changes and rescore every session; say what is wrong if refused."""
    try:
        with connect(ctx.db_path) as con:
            update_profile(con, ctx.athlete_id, changes)
            recompute(con, [ctx.athlete_id])
    except InvalidEntry as exc:
        st.error(f"Not saved. {exc.field}: {exc.allowed}.")
        return False
    data.clear()
    return True


def starting_fitness(ctx: PageContext) -> None:
    """Offer the starting-fitness estimate from the first weeks of history."""
    estimate = estimate_starting_ctl(data.daily_metrics(ctx.db_path, ctx.athlete_id, ctx.today))
    if estimate is None or estimate <= 0 or ctx.profile.starting_ctl > 0:
        return
    with st.container(border=True, key="starting_fitness"):
        st.markdown(
            f"**Starting fitness: estimated {estimate:.1f} from your first four weeks.** Without "
            "one, fitness starts at 0 and form reads far too low for about six weeks."
        )
        used = st.button(f"Use {estimate:.1f} as my starting fitness", key="use_starting_fitness")
        if used and _save(ctx, {"starting_ctl": estimate}):
            st.toast("Starting fitness saved; every session was rescored.")
            st.rerun()


def render(ctx: PageContext) -> None:
    """Profile form; saving validates everything, writes it, and rescoring follows."""
    p = ctx.profile
    st.subheader("Your profile")
    st.caption("Heart-rate and pace scores need these; leave a field empty if you don't know it.")
    problem = profile_problem(p)
    if problem:
        st.warning(problem, icon=":material/warning:")
    starting_fitness(ctx)
    with st.form("profile_form"):
        changes: dict[str, object] = {
            "name": st.text_input("Name", value=p.name, key="profile_name"),
            "sex": st.selectbox(
                "Sex (for the heart-rate load constant)",
                ["", "F", "M"],
                index=["", "F", "M"].index(p.sex or ""),
                key="profile_sex",
            )
            or None,
        }
        for column, spec in zip(st.columns(3), PHYSIOLOGY, strict=True):
            changes[spec.field] = _number_input(column, spec, p)
        pace_column, zone_column = st.columns(2)
        changes[PACE.field] = _number_input(pace_column, PACE, p)
        changes["timezone"] = (
            zone_column.text_input(
                "Time zone (IANA, e.g. Europe/Paris)",
                value=p.timezone or "",
                key="profile_timezone",
            )
            or None
        )
        changes[STARTING.field] = _number_input(st, STARTING, p)
        with st.expander("Model settings"):
            columns = st.columns(2) + st.columns(2)
            for column, spec in zip(columns, MODEL, strict=True):
                changes[spec.field] = _number_input(column, spec, p)
        saved = st.form_submit_button("Save profile", key="profile_save")
    if saved and _save(ctx, changes):
        st.success("Profile saved; every session was rescored.")
