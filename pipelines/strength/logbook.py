"""Logging strength sessions: per-exercise sets, reps, load and pain, and the next morning.

A logged session also becomes a `WeightTraining` activity with the runner's session RPE, so it
counts toward training load through the session-RPE score (Foster 2001; SCIENCE.md 1.5) like
any other session. Its id is negative and derived from plan and session, so it never collides
with Strava or file ids and logging the same session again updates it instead of adding one.
"""

from __future__ import annotations

import json
import zoneinfo
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

import pandas as pd

from pipelines.athletes import get_profile
from pipelines.db import Connection, transaction
from pipelines.entries import validation
from pipelines.errors import InvalidEntry
from pipelines.metrics import recompute
from pipelines.strength.store import StoredPlan, session_of
from training.strength.pain import Morning
from training.strength.progression import ExerciseLog
from training.strength.tracking import SessionLog

ACTIVITY_ID_BASE = -1_000_000_000_000  # strength-log activities live below this id
ACTIVITY_SOURCE = "strength_plan"
ACTIVITY_SPORT = "WeightTraining"
SESSION_HOUR = time(12, 0)  # the time of day is not asked; noon keeps the local date safe
SETTLED_WITHOUT_BASELINE = 2  # no earlier morning score: 0-2 is the model's "safe" zone (6.6)
MAX_MINUTES = 180


def activity_id(plan_id: int, number: int) -> int:
    """The activity id a logged session is stored under."""
    return ACTIVITY_ID_BASE - (plan_id * 1000 + number)


def _exercise_logs(
    allowed: Sequence[str], rows: Sequence[Mapping[str, object]]
) -> list[ExerciseLog]:
    logs = []
    for row in rows:
        key = row.get("key")
        if key not in allowed:
            raise InvalidEntry(
                "exercise", "one of this session's exercises: " + ", ".join(allowed), key
            )
        load = row.get("load_kg", 0.0)
        if isinstance(load, bool) or not isinstance(load, int | float) or not 0 <= load <= 500:
            raise InvalidEntry("load_kg", "a number of kilograms from 0 to 500", load)
        logs.append(
            ExerciseLog(
                key=str(key),
                level=validation.whole_number("level", row.get("level"), 1, 9),
                sets=validation.whole_number("sets", row.get("sets"), 0, 10),
                reps=validation.whole_number("reps", row.get("reps"), 0, 300),
                load_kg=float(load),
                pain=validation.whole_number("pain", row.get("pain"), 0, 10),
            )
        )
    return logs


def _utc(local: datetime, timezone: str | None) -> datetime:
    if not timezone:
        return local
    aware = local.replace(tzinfo=zoneinfo.ZoneInfo(timezone))
    return aware.astimezone(zoneinfo.ZoneInfo("UTC")).replace(tzinfo=None)


def log_session(
    con: Connection,
    stored: StoredPlan,
    number: int,
    *,
    done_on: object,
    exercises: Sequence[Mapping[str, object]],
    rpe: object,
    minutes: object,
    today: date,
    note: object = None,
) -> int:
    """Mark a planned session done; validates everything first and writes nothing on error.

    Returns the id of the activity that carries the session's load.
    """
    session = session_of(stored, number)
    day = validation.entry_date(done_on, today, "done_on")
    rating = validation.rpe(rpe)
    length = validation.whole_number("minutes", minutes, 1, MAX_MINUTES)
    text = validation.text("note", note, validation.NOTE_MAX_CHARS)
    logs = _exercise_logs(session.exercises, exercises)
    athlete = stored.athlete_id
    act_id = activity_id(stored.id, number)
    local = datetime.combine(day, SESSION_HOUR)
    profile = get_profile(con, athlete)
    previous = con.execute(
        "SELECT done_on FROM strength_session_logs WHERE plan_id = ? AND number = ?",
        [stored.id, number],
    ).fetchone()
    with transaction(con):
        con.execute(
            """INSERT INTO activities (id, athlete_id, source, name, sport_type, start_date,
                   start_date_local, timezone, distance_m, moving_time_s, elapsed_time_s, raw)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET start_date = EXCLUDED.start_date,
                   start_date_local = EXCLUDED.start_date_local,
                   moving_time_s = EXCLUDED.moving_time_s, elapsed_time_s = EXCLUDED.elapsed_time_s,
                   updated_at = now()""",
            [
                act_id,
                athlete,
                ACTIVITY_SOURCE,
                f"Strength session {number} ({session.template})",
                ACTIVITY_SPORT,
                _utc(local, profile.timezone),
                local,
                profile.timezone,
                length * 60,
                length * 60,
                json.dumps({"strength_plan_id": stored.id, "session": number}),
            ],
        )
        con.execute(
            """INSERT INTO strength_session_logs (plan_id, number, athlete_id, done_on, minutes,
                   rpe, activity_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (plan_id, number) DO UPDATE SET done_on = EXCLUDED.done_on,
                   minutes = EXCLUDED.minutes, rpe = EXCLUDED.rpe, note = EXCLUDED.note,
                   updated_at = now()""",
            [stored.id, number, athlete, day, length, rating, act_id, text],
        )
        con.execute(
            "DELETE FROM strength_exercise_logs WHERE plan_id = ? AND number = ?",
            [stored.id, number],
        )
        con.executemany(
            "INSERT INTO strength_exercise_logs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [[stored.id, number, g.key, g.level, g.sets, g.reps, g.load_kg, g.pain] for g in logs],
        )
        con.execute(
            """INSERT INTO session_rpe (activity_id, athlete_id, rpe, source) VALUES (?, ?, ?, ?)
               ON CONFLICT (activity_id) DO UPDATE SET rpe = EXCLUDED.rpe, updated_at = now()""",
            [act_id, athlete, rating, ACTIVITY_SOURCE],
        )
        moved_from = previous[0] if previous is not None else day
        recompute(con, [athlete], since=min(day, moved_from))
    return act_id


def record_morning(
    con: Connection, stored: StoredPlan, number: int, *, settled: object, pain: object = None
) -> None:
    """Store how the sore area felt the morning after a logged session."""
    session_of(stored, number)
    if not isinstance(settled, bool):
        raise InvalidEntry(
            "settled", "yes or no: was it back to how it was before the session?", settled
        )
    score = None if validation.is_blank(pain) else validation.whole_number("pain", pain, 0, 10)
    updated = con.execute(
        """UPDATE strength_session_logs SET morning_settled = ?, morning_pain = ?,
               updated_at = now()
           WHERE plan_id = ? AND number = ? RETURNING number""",
        [settled, score, stored.id, number],
    ).fetchall()
    if not updated:
        raise InvalidEntry("session", "a session that has been logged as done", number)


def delete_session_log(con: Connection, stored: StoredPlan, number: int) -> None:
    """Undo a check-off: remove the logs, the activity and its RPE, and rescore load."""
    row = con.execute(
        "SELECT done_on, activity_id FROM strength_session_logs WHERE plan_id = ? AND number = ?",
        [stored.id, number],
    ).fetchone()
    if row is None:
        raise InvalidEntry("session", "a session that has been logged as done", number)
    day, act_id = row
    with transaction(con):
        for sql in (
            "DELETE FROM strength_exercise_logs WHERE plan_id = ? AND number = ?",
            "DELETE FROM strength_session_logs WHERE plan_id = ? AND number = ?",
        ):
            con.execute(sql, [stored.id, number])
        con.execute("DELETE FROM session_rpe WHERE activity_id = ?", [act_id])
        con.execute("DELETE FROM activities WHERE id = ?", [act_id])
        recompute(con, [stored.athlete_id], since=day)


def _morning_from_entries(con: Connection, athlete_id: int, site: str | None, day: date) -> Morning:
    rows = con.execute(
        """SELECT date, max(score) FROM pain_entries
           WHERE athlete_id = ? AND moment = 'next-morning' AND (? IS NULL OR site = ?)
             AND date <= ? GROUP BY date ORDER BY date DESC LIMIT 2""",
        [athlete_id, site, site, day + timedelta(days=1)],
    ).fetchall()
    if not rows or rows[0][0] != day + timedelta(days=1):
        return Morning()
    score = int(rows[0][1])
    baseline = int(rows[1][1]) if len(rows) > 1 else SETTLED_WITHOUT_BASELINE
    return Morning(settled=score <= baseline, pain=score)


def session_logs(con: Connection, stored: StoredPlan) -> list[SessionLog]:
    """Every logged session of the plan, oldest first, with its next-morning response.

    The runner's answer on the Strength page wins; otherwise a next-morning pain entry for the
    plan's site on the following day is compared with the previous next-morning score.
    """
    weeks = {s.number: s.week for s in stored.sessions}
    exercise_rows: dict[int, list[ExerciseLog]] = {}
    for number, key, level, sets, reps, load, pain in con.execute(
        """SELECT number, exercise_key, level, sets, reps, load_kg, pain
           FROM strength_exercise_logs WHERE plan_id = ? ORDER BY number, exercise_key""",
        [stored.id],
    ).fetchall():
        exercise_rows.setdefault(number, []).append(
            ExerciseLog(key, int(level), int(sets), int(reps), float(load), int(pain))
        )
    out = []
    for number, done_on, settled, pain in con.execute(
        """SELECT number, done_on, morning_settled, morning_pain FROM strength_session_logs
           WHERE plan_id = ? ORDER BY done_on, number""",
        [stored.id],
    ).fetchall():
        morning = (
            Morning(settled=bool(settled), pain=pain)
            if settled is not None
            else _morning_from_entries(con, stored.athlete_id, stored.plan.pain.site, done_on)
        )
        out.append(
            SessionLog(
                number, done_on, weeks[number], tuple(exercise_rows.get(number, ())), morning
            )
        )
    return out


def exercise_history(con: Connection, plan_id: int) -> pd.DataFrame:
    """One row per logged exercise (date, session, week, key, sets, reps, load, pain) for charts."""
    return con.execute(
        """SELECT l.done_on, l.number, s.week, e.exercise_key, e.level, e.sets, e.reps,
                  e.load_kg, e.pain, l.rpe, l.minutes
           FROM strength_exercise_logs e
           JOIN strength_session_logs l USING (plan_id, number)
           JOIN strength_sessions s USING (plan_id, number)
           WHERE e.plan_id = ? ORDER BY l.done_on, l.number, e.exercise_key""",
        [plan_id],
    ).df()
