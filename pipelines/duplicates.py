"""One run from two sources: a loose watch file and the same run under its Strava id.

A file imported on its own gets a negative id from its content (source 'file'). When the same run
later arrives with its Strava id (the export ZIP or the API), or the file arrives after it, the
two rows would both count toward training load. Two activities of one athlete are one run when:

- their UTC starts are at most 60 s apart. Strava takes the start time from the uploaded file,
  so copies of one recording agree to the second; the minute leaves room for a second device
  started a few seconds later, while nobody begins two separate sessions within one minute;
- their sport groups agree (run, walk, strength, cross: `training.sports.sport_group`). The
  sport type read from a file and the one on Strava often differ in detail (Run or TrailRun,
  Workout or WeightTraining), but a ride and a run starting together are two sessions;
- when both have a distance (above zero), the two differ by at most 5 % of the longer. Strava
  recomputes distance from the GPS track and the runner may correct it, which moves it a few
  percent; a larger gap means a different recording.

The Strava-id row is the one kept: it is the id the runner edits on Strava and the one every
later export or sync finds again, so nothing is stored twice afterwards. From the file it takes
what it may lack (the heart-rate samples, and a local start read from the device's own UTC
offset) and the runner's links to the file's id (session RPE, pain entries, and those entries
waiting in the undo trash). Strength-log activities have ids of their own and source
'strength_plan', so they are never merged. Every change happens inside the caller's
transaction; the caller recomputes metrics from the returned first day.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pipelines.db import Connection, transaction
from pipelines.imports.timezones import is_offset_label
from training.sports import sport_group
from training.vocabulary import FILE, STRAVA_API, STRAVA_SOURCES

log = logging.getLogger(__name__)

START_TOLERANCE_S = 60
DISTANCE_TOLERANCE = 0.05
HEART_RATE = "heart-rate samples"
LOCAL_START = "local start time"

_WINDOW = timedelta(seconds=START_TOLERANCE_S)
# An API row that also holds a run the runner imported from their own file is theirs too:
# retention pruning and "disconnect and delete data" must keep it (no data they gave is lost).
# Export rows need no mark: they are never pruned.
ALSO_FROM_FILE_KEY = "also_from_file"
_MARK = f'{{"{ALSO_FROM_FILE_KEY}": true}}'
NOT_ALSO_FROM_FILE_SQL = (
    f"NOT coalesce(json_extract(raw, '$.{ALSO_FROM_FILE_KEY}')::BOOLEAN, false)"
)
_STRAVA_IN = ", ".join(f"'{source}'" for source in STRAVA_SOURCES)


@dataclass(frozen=True)
class Recording:
    """What the rule compares: an activity's id, sport type, UTC start and distance."""

    id: int
    sport_type: str
    start_utc: datetime  # naive, UTC
    distance_m: float | None


@dataclass(frozen=True)
class FileDetail:
    """What a watch file may know better than a Strava row: HR samples and its local start."""

    hr_histogram: str | None  # JSON text as stored in activities.hr_histogram
    start_local: datetime
    timezone: str | None


@dataclass(frozen=True)
class Merge:
    """One file folded into the Strava-id activity of the same run."""

    file_id: int
    strava_id: int
    filled: tuple[str, ...]  # what the Strava-id row took from the file
    first_day: date | None  # earliest local day whose metrics changed; None: nothing changed


def same_run(a: Recording, b: Recording) -> bool:
    """True when two activities of one athlete are the same run (the rule in the module doc)."""
    if abs(a.start_utc - b.start_utc) > _WINDOW:
        return False
    if sport_group(a.sport_type) != sport_group(b.sport_type):
        return False
    distances = [d for d in (a.distance_m, b.distance_m) if d is not None and d > 0]
    if len(distances) < 2:
        return True
    return abs(distances[0] - distances[1]) <= DISTANCE_TOLERANCE * max(distances)


def _closeness(a: Recording, b: Recording) -> tuple[float, float, int]:
    """Sort key among several matches: nearest start, then nearest distance, then lowest id."""
    gap_m = abs((a.distance_m or 0.0) - (b.distance_m or 0.0))
    return abs((a.start_utc - b.start_utc).total_seconds()), gap_m, a.id


def _pairs(targets: Sequence[Recording], others: Sequence[Recording]) -> dict[int, Recording]:
    """For each of `others`, the closest of `targets` that is the same run, by id of the other."""
    ordered = sorted(targets, key=lambda t: t.start_utc)
    starts = [t.start_utc for t in ordered]
    found: dict[int, Recording] = {}
    for other in others:
        low = bisect.bisect_left(starts, other.start_utc - _WINDOW)
        high = bisect.bisect_right(starts, other.start_utc + _WINDOW)
        matches = [t for t in ordered[low:high] if same_run(t, other)]
        if matches:
            found[other.id] = min(matches, key=lambda t: _closeness(t, other))
    return found


def _recordings(rows: Iterable[Any]) -> list[Recording]:
    return [Recording(int(r[0]), str(r[1]), r[2], None if r[3] is None else float(r[3]))
            for r in rows]  # fmt: skip


def _stored_near(
    con: Connection, athlete_id: int, sources: str, around: Sequence[Recording]
) -> list[Recording]:
    """The athlete's stored activities of `sources` (SQL list) within the span of `around`."""
    if not around:
        return []
    first = min(r.start_utc for r in around) - _WINDOW
    last = max(r.start_utc for r in around) + _WINDOW
    rows = con.execute(
        f"""SELECT id, sport_type, start_date, distance_m FROM activities
            WHERE athlete_id = ? AND source IN ({sources}) AND start_date BETWEEN ? AND ?""",
        [athlete_id, first, last],
    ).fetchall()
    return _recordings(rows)


def _fill(con: Connection, strava_id: int, detail: FileDetail) -> tuple[tuple[str, ...], date]:
    """Give the Strava-id row the file's HR samples and device local start where it lacks them.

    A local start counts as the device's own when its label is a fixed UTC offset: the import
    writes that label only when the device's offset differs from the profile zone, and when the
    two agree both rows already hold the same wall-clock time. API rows always keep Strava's.
    """
    row = con.execute(
        """SELECT source, hr_histogram IS NULL, start_date_local, timezone
           FROM activities WHERE id = ?""",
        [strava_id],
    ).fetchall()[0]
    source, lacks_histogram, start_local, label = row
    filled: list[str] = []
    if lacks_histogram and detail.hr_histogram:
        filled.append(HEART_RATE)
    takes_local = (
        source != STRAVA_API and not is_offset_label(label) and is_offset_label(detail.timezone)
    )
    if takes_local:
        filled.append(LOCAL_START)
    if filled or source == STRAVA_API:
        con.execute(
            """UPDATE activities SET
                   hr_histogram = CASE WHEN ? THEN CAST(? AS JSON) ELSE hr_histogram END,
                   start_date_local = CASE WHEN ? THEN ? ELSE start_date_local END,
                   timezone = CASE WHEN ? THEN ? ELSE timezone END,
                   raw = CASE WHEN ? THEN json_merge_patch(?::JSON, coalesce(raw, '{}'::JSON))
                              ELSE raw END,
                   updated_at = now()::TIMESTAMP
               WHERE id = ?""",
            [HEART_RATE in filled, detail.hr_histogram, takes_local, detail.start_local,
             takes_local, detail.timezone, source == STRAVA_API, _MARK, strava_id],
        )  # fmt: skip
    new_local = detail.start_local if takes_local else start_local
    return tuple(filled), min(start_local, new_local).date()


def _move_links(con: Connection, file_id: int, strava_id: int) -> None:
    """Point the runner's entries at the Strava id; a second RPE goes to the undo trash."""
    clash = con.execute(
        "SELECT count(*) FROM session_rpe WHERE activity_id = ?", [strava_id]
    ).fetchall()[0][0]
    if clash:
        # The Strava row was rated already: keep that rating, keep this one restorable.
        con.execute(
            """INSERT INTO deleted_entries (athlete_id, kind, entry)
               SELECT athlete_id, 'rpe', to_json(r) FROM session_rpe r WHERE activity_id = ?""",
            [file_id],
        )
        con.execute("DELETE FROM session_rpe WHERE activity_id = ?", [file_id])
    con.execute(
        "UPDATE session_rpe SET activity_id = ? WHERE activity_id = ?", [strava_id, file_id]
    )
    con.execute(
        "UPDATE pain_entries SET activity_id = ? WHERE activity_id = ?", [strava_id, file_id]
    )
    con.execute(
        """UPDATE deleted_entries
           SET entry = json_merge_patch(entry, json_object('activity_id', ?::BIGINT))
           WHERE kind IN ('pain', 'rpe')
             AND TRY_CAST(entry->>'$.activity_id' AS BIGINT) = ?""",
        [strava_id, file_id],
    )


def _absorb(con: Connection, file_id: int, strava_id: int) -> Merge:
    """Fold a stored file row into the Strava-id row of the same run, then delete it."""
    hist, start_local, label = con.execute(
        "SELECT hr_histogram, start_date_local, timezone FROM activities WHERE id = ?", [file_id]
    ).fetchall()[0]
    filled, first_day = _fill(con, strava_id, FileDetail(hist, start_local, label))
    _move_links(con, file_id, strava_id)
    con.execute("DELETE FROM activities WHERE id = ?", [file_id])
    log.info("activity %d is the same run as file activity %d: merged", strava_id, file_id)
    return Merge(file_id, strava_id, filled, min(first_day, start_local.date()))


def absorb_file_twins(con: Connection, athlete_id: int, strava_ids: Iterable[int]) -> list[Merge]:
    """Merge stored loose-file activities into the athlete's given Strava-id activities.

    Call right after writing those Strava-id rows. Each file row goes to its closest match and
    is deleted; a Strava row may take several (the same run imported from two devices).
    """
    ids = sorted(set(strava_ids))
    if not ids:
        return []
    with transaction(con):
        targets = _recordings(
            con.execute(
                f"""SELECT id, sport_type, start_date, distance_m FROM activities
                    WHERE athlete_id = ? AND source IN ({_STRAVA_IN})
                      AND id IN (SELECT unnest(?::BIGINT[]))""",
                [athlete_id, ids],
            ).fetchall()
        )
        files = _stored_near(con, athlete_id, f"'{FILE}'", targets)
        pairs = _pairs(targets, files)
        # by Strava row, closest file first: that file's RPE wins if several were rated
        matched = sorted((pairs[f.id].id, _closeness(pairs[f.id], f), f.id) for f in files
                         if f.id in pairs)  # fmt: skip
        return [_absorb(con, file_id, strava_id) for strava_id, _, file_id in matched]


def settle_files(
    con: Connection, athlete_id: int, files: Sequence[tuple[Recording, FileDetail]]
) -> dict[int, Merge]:
    """Loose files being imported whose run is already stored under a Strava id, by file id.

    Those files are not to be added: the stored row takes what it lacks from them, and a copy
    stored earlier under the file's own id is merged into it.
    """
    with transaction(con):
        targets = _stored_near(con, athlete_id, _STRAVA_IN, [r for r, _ in files])
        pairs = _pairs(targets, [r for r, _ in files])
        stored = {
            int(row[0])
            for row in con.execute(
                """SELECT id FROM activities WHERE athlete_id = ? AND source = ?
                   AND id IN (SELECT unnest(?::BIGINT[]))""",
                [athlete_id, FILE, sorted(pairs)],
            ).fetchall()
        }
        merges: dict[int, Merge] = {}
        for recording, detail in files:
            target = pairs.get(recording.id)
            if target is None:
                continue
            if recording.id in stored:
                merges[recording.id] = _absorb(con, recording.id, target.id)
            else:
                filled, day = _fill(con, target.id, detail)
                first_day = day if filled else None
                merges[recording.id] = Merge(recording.id, target.id, filled, first_day)
        return merges
