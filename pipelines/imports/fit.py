"""FIT activity files (Garmin, Coros, Polar, Wahoo, Strava's originals) through fitdecode."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import fitdecode

from pipelines.imports import sport_names
from pipelines.imports.models import ActivityFile, UnreadableFile
from pipelines.imports.samples import average_and_max, hr_histogram

OFFSET_STEP_S = 15 * 60  # every real UTC offset is a multiple of a quarter hour


def _naive_utc(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def read_fit(data: bytes, *, verify_crc: bool = True) -> ActivityFile:
    """Samples, totals and the device's local-time offset from one FIT file.

    The FIT CRC check is pure Python and costs ~40% of the decode; a file that came out of a
    .gz has already passed gzip's own CRC-32, so callers may skip it then.
    """
    crc = fitdecode.CrcCheck.RAISE if verify_crc else fitdecode.CrcCheck.DISABLED
    samples: list[tuple[datetime, float | None]] = []
    session: dict[str, object] = {}
    activity: dict[str, object] = {}
    created: datetime | None = None
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=crc,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as fit:
            for frame in fit:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "record":
                    moment = _naive_utc(frame.get_value("timestamp", fallback=None))
                    if moment is not None:
                        bpm = _number(frame.get_value("heart_rate", fallback=None))
                        samples.append((moment, bpm))
                elif frame.name == "session" and not session:
                    session = {f.name: f.value for f in frame.fields}
                elif frame.name == "activity":
                    activity = {f.name: f.value for f in frame.fields}
                elif frame.name == "file_id":
                    created = _naive_utc(frame.get_value("time_created", fallback=None))
    except (fitdecode.FitError, ValueError, KeyError, EOFError) as exc:
        raise UnreadableFile(f"not a readable FIT file ({exc})") from exc
    start = _naive_utc(session.get("start_time")) or (samples[0][0] if samples else created)
    if start is None:
        raise UnreadableFile("the FIT file has no start time")
    histogram = hr_histogram(samples)
    average, highest = average_and_max(histogram)
    return ActivityFile(
        start_utc=start,
        utc_offset_s=_offset(activity),
        sport_type=sport_names.from_fit(session.get("sport"), session.get("sub_sport")),
        elapsed_time_s=_number(session.get("total_elapsed_time")),
        moving_time_s=_number(session.get("total_timer_time")),
        distance_m=_number(session.get("total_distance")),
        elevation_gain_m=_number(session.get("total_ascent")),
        average_heartrate=_number(session.get("avg_heart_rate")) or average,
        max_heartrate=_number(session.get("max_heart_rate")) or highest,
        hr_histogram=histogram,
    )


def _offset(activity: dict[str, object]) -> int | None:
    """UTC offset from the activity message: local_timestamp minus timestamp (FIT profile)."""
    utc = _naive_utc(activity.get("timestamp"))
    local = _naive_utc(activity.get("local_timestamp"))
    if utc is None or local is None:
        return None
    offset = (local - utc).total_seconds()
    if abs(offset) > 14 * 3600:
        return None  # a device clock that was never set
    return round(offset / OFFSET_STEP_S) * OFFSET_STEP_S
