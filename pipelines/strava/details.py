"""Optional, budgeted extra reads: HR zones for max HR, and activity detail for RPE.

Detail costs one request per activity, so it only runs when the runner turns it on, only for
runs in the window this sync listed, and it stops quietly when the budget runs low.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from stravalib import exc

from pipelines.db import connect, transaction
from pipelines.strava.errors import RateLimited
from pipelines.strava.normalize import SOURCE, hr_max_from_zones
from pipelines.strava.report import SyncReport
from pipelines.strava.retention import preferences

if TYPE_CHECKING:
    from pipelines.strava.session import ApiSession

log = logging.getLogger(__name__)

DETAIL_SPORTS = ("Run", "TrailRun", "VirtualRun")
MAX_DETAILS_PER_SYNC = 50
DETAIL_FIELDS = ("perceived_exertion", "prefer_perceived_exertion", "description", "calories")


def hr_max_from_strava(api: ApiSession) -> int | None:
    """Max HR estimated from the athlete's Strava HR zones (one request)."""
    zones = api.get("/athlete/zones")
    return hr_max_from_zones(zones) if isinstance(zones, dict) else None


def fetch_missing(api: ApiSession, path: Path, report: SyncReport, since: date) -> None:
    """Fetch detail (perceived exertion) for runs of the listed window that lack it, if on."""
    with connect(path) as con:
        if not preferences(con, report.athlete_id).fetch_details:
            return
        todo = con.execute(
            f"""SELECT id, CAST(start_date_local AS DATE) FROM activities
                WHERE athlete_id = ? AND source = ? AND sport_type IN {DETAIL_SPORTS}
                  AND CAST(start_date_local AS DATE) >= ?
                  AND NOT json_exists(raw, '$.perceived_exertion')
                ORDER BY start_date DESC LIMIT ?""",
            [report.athlete_id, SOURCE, since, MAX_DETAILS_PER_SYNC],
        ).fetchall()
    for activity_id, day in todo:
        try:
            detail = api.get(f"/activities/{activity_id}", include_all_efforts="false")
        except RateLimited:
            log.info("detail fetch paused by the rate budget; the next sync continues")
            return
        except exc.ObjectNotFound:
            continue
        # The key is always written (null when not rated) so the run is not fetched again.
        keep = {key: detail.get(key) for key in DETAIL_FIELDS}
        exertion = keep["perceived_exertion"]
        with connect(path) as con, transaction(con):
            con.execute(
                """UPDATE activities SET raw = json_merge_patch(raw, ?::JSON),
                          perceived_exertion = coalesce(?, perceived_exertion),
                          updated_at = current_timestamp
                   WHERE id = ? AND athlete_id = ?""",
                [
                    json.dumps(keep),
                    exertion if isinstance(exertion, int | float) else None,
                    activity_id,
                    report.athlete_id,
                ],
            )
        report.details += 1
        report.touch(day)
