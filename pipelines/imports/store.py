"""Write a parsed import in one transaction: athlete, time zone, activities, then metrics.

Rows are upserted by activity id, so a re-import or a later API sync updates rather than
duplicates, and an unchanged row is not touched at all. A row first written by the Strava API
keeps its values; the export only fills what it lacks. A loose file and the same run under its
Strava id are one activity (pipelines.duplicates): the Strava-id row stays, whichever came
first, and the runner's entries on the file's id move to it. Otherwise the runner's own entries
(pain, wellness, session RPE) are never touched.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime

import pandas as pd

from pipelines.athletes import ensure_athlete, list_athletes, update_profile
from pipelines.db import Connection, transaction
from pipelines.duplicates import (
    FileDetail,
    Merge,
    Recording,
    absorb_file_twins,
    settle_files,
)
from pipelines.identity import adopt_if_local, adoptable_local_athlete
from pipelines.imports.memo import remember
from pipelines.imports.models import ImportedActivity, ImportReport, ParsedImport, Skipped
from pipelines.imports.timezones import OFFSET_LABEL_PATTERN, local_start
from pipelines.metrics import recompute
from training.vocabulary import FILE, STRAVA_API

log = logging.getLogger(__name__)

DEFAULT_NAME = "Runner"
API_SOURCE = STRAVA_API
# Columns an import writes; load and load_source are the metrics' job, ids never change.
MERGED = [
    "source", "name", "sport_type", "start_date", "start_date_local", "timezone",
    "distance_m", "moving_time_s", "elapsed_time_s", "elevation_gain_m", "average_heartrate",
    "max_heartrate", "perceived_exertion", "hr_histogram", "raw",
]  # fmt: skip
LOCAL_START_COLUMNS = ("start_date_local", "timezone")


def _from_device(table: str) -> str:
    """SQL: the row's local start came from a device's own UTC offset (a fixed-offset label)."""
    return f"regexp_full_match(coalesce({table}.timezone, ''), '{OFFSET_LABEL_PATTERN}')"


def _merged(column: str, old: str, new: str) -> str:
    """SQL for a column's value after the upsert: API rows keep theirs, others take the import's.

    A local start read from a device (possibly taken from a merged watch file) is also kept
    against one the import could only work out from the profile zone, so a re-import after a
    merge changes nothing.
    """
    if column == "source":
        return f"CASE WHEN {old}.source = '{API_SOURCE}' THEN {old}.source ELSE {new}.source END"
    keep = f"{old}.source = '{API_SOURCE}'"
    if column in LOCAL_START_COLUMNS:
        keep += f" OR ({_from_device(old)} AND NOT {_from_device(new)})"
    return (
        f"CASE WHEN {keep} THEN coalesce({old}.{column}, {new}.{column}) "
        f"ELSE coalesce({new}.{column}, {old}.{column}) END"
    )


def _changed(old: str, new: str) -> str:
    return " OR ".join(f"({_merged(c, old, new)}) IS DISTINCT FROM {old}.{c}" for c in MERGED)


def choose_athlete(con: Connection, parsed: ParsedImport, athlete_id: int | None) -> int:
    """The athlete an import goes to: the one asked for, the export's own, else the first
    athlete who is not the demo runner, else a new local id. Writes nothing."""
    if athlete_id is not None:
        return athlete_id
    if parsed.athlete_id is not None:
        return parsed.athlete_id
    own = [a_id for a_id, _, source in list_athletes(con) if source != "demo"]
    if own:
        return own[0]
    rows = con.execute("SELECT coalesce(max(id), 1) + 1 FROM athletes WHERE id < 1000").fetchall()
    return int(rows[0][0])


def profile_timezone(con: Connection, parsed: ParsedImport, athlete_id: int | None) -> str | None:
    """The time zone already set for the athlete this import would go to (None: ask for one)."""
    chosen = choose_athlete(con, parsed, athlete_id)
    local = None if athlete_id is not None else adoptable_local_athlete(con, chosen)
    return _zone(con, chosen if local is None else local)


def _zone(con: Connection, athlete_id: int) -> str | None:
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and blocks register()
    rows = con.execute("SELECT timezone FROM athletes WHERE id = ?", [athlete_id]).fetchall()
    return rows[0][0] if rows else None


def _ensure_athlete(con: Connection, parsed: ParsedImport, athlete_id: int | None) -> int:
    """The chosen athlete, created (with the export's name and sex) when missing."""
    chosen = choose_athlete(con, parsed, athlete_id)
    if athlete_id is None and parsed.athlete_id is not None:
        adopt_if_local(con, chosen)
    exists = con.execute("SELECT count(*) FROM athletes WHERE id = ?", [chosen]).fetchall()
    if not exists[0][0]:
        ensure_athlete(con, chosen, parsed.athlete_name or DEFAULT_NAME, parsed.source_kind)
        if parsed.athlete_sex:
            update_profile(con, chosen, {"sex": parsed.athlete_sex})
    return chosen


def _frame(
    activities: list[ImportedActivity], athlete_id: int, zone: str
) -> tuple[pd.DataFrame, list[datetime]]:
    records = []
    starts = []
    for a in activities:
        local, label = local_start(a.start_utc, a.utc_offset_s, zone)
        starts.append(local)
        records.append({
            "id": a.id, "athlete_id": athlete_id, "source": a.source, "name": a.name,
            "sport_type": a.sport_type, "start_date": a.start_utc, "start_date_local": local,
            "timezone": label, "distance_m": a.distance_m,
            "moving_time_s": None if a.moving_time_s is None else round(a.moving_time_s),
            "elapsed_time_s": None if a.elapsed_time_s is None else round(a.elapsed_time_s),
            "elevation_gain_m": a.elevation_gain_m, "average_heartrate": a.average_heartrate,
            "max_heartrate": a.max_heartrate, "perceived_exertion": a.perceived_exertion,
            "hr_histogram": json.dumps(a.hr_histogram, sort_keys=True) if a.hr_histogram else None,
            "raw": json.dumps(a.raw, sort_keys=True, ensure_ascii=False),
        })  # fmt: skip
    return pd.DataFrame.from_records(records), starts


def _settle_files(
    con: Connection, athlete_id: int, activities: list[ImportedActivity], frame: pd.DataFrame
) -> dict[int, Merge]:
    """Loose files whose run is already stored under a Strava id: not added again, by file id."""
    rows = {int(r["id"]): r for r in frame.to_dict("records")} if not frame.empty else {}
    files = [
        (Recording(a.id, a.sport_type, a.start_utc, a.distance_m),
         FileDetail(rows[a.id]["hr_histogram"], rows[a.id]["start_date_local"],
                    rows[a.id]["timezone"]))
        for a in activities if a.source == FILE
    ]  # fmt: skip
    return settle_files(con, athlete_id, files) if files else {}


def _present(activity: ImportedActivity, merge: Merge) -> Skipped:
    """How the runner hears that a file's run was already there."""
    reason = f"already stored as Strava activity {merge.strava_id}, so not added again"
    if merge.filled:
        reason += f"; its {' and '.join(merge.filled)} were added to that activity"
    return Skipped(str(activity.raw.get("file") or f"activity {activity.id}"), reason)


def write_import(
    con: Connection,
    parsed: ParsedImport,
    *,
    athlete_id: int | None = None,
    timezone: str,
    today: date | None = None,
) -> ImportReport:
    """Store a parsed import atomically; `timezone` is saved when the profile has none yet.

    What each file was read as is remembered in the same transaction, so the next import of
    the same files reads none of them again (pipelines.imports.memo).
    """
    with transaction(con):
        remember(con, parsed.read)
        athlete = _ensure_athlete(con, parsed, athlete_id)
        if _zone(con, athlete) is None:
            update_profile(con, athlete, {"timezone": timezone})
        zone = _zone(con, athlete) or timezone
        frame, starts = _frame(parsed.activities, athlete, zone)
        present = _settle_files(con, athlete, parsed.activities, frame)
        rows = frame[~frame["id"].isin(list(present))] if present else frame
        skipped = list(parsed.skipped) + [_present(a, present[a.id]) for a in parsed.activities
                                          if a.id in present]  # fmt: skip
        added = updated = 0
        foreign: list[int] = []
        days = [m.first_day for m in present.values()]
        if not rows.empty:
            con.register("import_rows", rows)
            added, updated, since, foreign, changed = _upsert(con)
            con.unregister("import_rows")
            skipped += [Skipped(f"activity {i}", "already stored for another athlete")
                        for i in foreign]  # fmt: skip
            strava_ids = [a.id for a in parsed.activities if a.source != FILE]
            merges = absorb_file_twins(con, athlete, strava_ids)
            updated += len({m.strava_id for m in merges} - changed)
            days += [since, *(m.first_day for m in merges)]
        first_day = min((day for day in days if day is not None), default=None)
        if first_day is not None:
            recompute(con, [athlete], since=first_day, today=today)
    return ImportReport(
        athlete_id=athlete, read=len(parsed.activities), added=added, updated=updated,
        unchanged=len(parsed.activities) - added - updated - len(foreign) - len(present),
        skipped=skipped, timezone=zone,
        first_date=min(starts, default=None), last_date=max(starts, default=None),
        with_heart_rate=sum(1 for a in parsed.activities if a.hr_histogram),
        files_read=len(parsed.read), files_unchanged=parsed.unchanged,
    )  # fmt: skip


def _upsert(con: Connection) -> tuple[int, int, date | None, list[int], set[int]]:
    """(added, updated, first changed local date, ids owned by another athlete, changed ids)."""
    stats = con.execute(f"""
        SELECT count(*) FILTER (WHERE a.id IS NULL),
               count(*) FILTER (WHERE a.athlete_id = s.athlete_id AND ({_changed("a", "s")})),
               min(s.start_date_local) FILTER (
                   WHERE a.id IS NULL OR (a.athlete_id = s.athlete_id AND ({_changed("a", "s")}))),
               list(s.id) FILTER (WHERE a.athlete_id <> s.athlete_id),
               list(s.id) FILTER (
                   WHERE a.id IS NULL OR (a.athlete_id = s.athlete_id AND ({_changed("a", "s")})))
        FROM import_rows s LEFT JOIN activities a ON a.id = s.id
    """).fetchall()[0]  # fmt: skip
    added, updated, first, foreign = int(stats[0]), int(stats[1]), stats[2], stats[3] or []
    if added or updated:
        assignments = ", ".join(f"{c} = {_merged(c, 'activities', 'excluded')}" for c in MERGED)
        con.execute(f"""
            INSERT INTO activities BY NAME SELECT * FROM import_rows
            ON CONFLICT (id) DO UPDATE SET {assignments}, updated_at = now()::TIMESTAMP
            WHERE activities.athlete_id = excluded.athlete_id
              AND ({_changed("activities", "excluded")})
        """).fetchall()  # fmt: skip
    since = first.date() if isinstance(first, datetime) else first
    log.info("import: %d added, %d updated", added, updated)
    return added, updated, since, [int(i) for i in foreign], {int(i) for i in stats[4] or []}
