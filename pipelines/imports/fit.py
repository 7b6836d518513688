"""FIT activity files (Garmin, Coros, Polar, Wahoo, Strava's originals) through fitdecode."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import fitdecode
from fitdecode.processors import FIT_DATETIME_MIN, FIT_UTC_REFERENCE

from pipelines.imports import sport_names
from pipelines.imports.models import ActivityFile, UnreadableFile
from pipelines.imports.samples import average_and_max, hr_histogram

OFFSET_STEP_S = 15 * 60  # every real UTC offset is a multiple of a quarter hour
FIT_EPOCH = datetime(1970, 1, 1) + timedelta(seconds=FIT_UTC_REFERENCE)  # 1989-12-31, UTC


def _utc_seconds(value: object) -> int | None:
    """A FIT date_time as seconds since the FIT epoch; None below FIT_DATETIME_MIN, where the
    device counted from its own power-on because its clock was not set (FIT profile)."""
    return value if isinstance(value, int) and value >= FIT_DATETIME_MIN else None


def _naive_utc(value: object) -> datetime | None:
    seconds = _utc_seconds(value)
    return None if seconds is None else FIT_EPOCH + timedelta(seconds=seconds)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def read_fit(data: bytes, *, verify_crc: bool = True) -> ActivityFile:
    """Samples, totals and the device's local-time offset from one FIT file.

    The FIT CRC check is pure Python and costs ~40% of the decode; a file that came out of a
    .gz has already passed gzip's own CRC-32, so callers may skip it then. Decoding is pure
    Python too, so fitdecode's value processors are off (they turn every date into a datetime
    and every field through a lookup): the few dates we need are converted here, and samples
    keep whole seconds, which is all the heart-rate histogram needs.
    """
    crc = fitdecode.CrcCheck.RAISE if verify_crc else fitdecode.CrcCheck.DISABLED
    samples: list[tuple[int, float | None]] = []
    session: dict[str, object] = {}
    activity: dict[str, object] = {}
    created: datetime | None = None
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            processor=None,
            check_crc=crc,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as fit:
            for frame in fit:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "record":
                    moment, bpm = None, None
                    for record_field in frame.fields:  # one pass, not a lookup per value
                        if record_field.name == "timestamp":
                            moment = _utc_seconds(record_field.value)
                        elif record_field.name == "heart_rate":
                            bpm = _number(record_field.value)
                    if moment is not None:
                        samples.append((moment, bpm))
                elif frame.name == "session" and not session:
                    session = {f.name: f.value for f in frame.fields}
                elif frame.name == "activity":
                    activity = {f.name: f.value for f in frame.fields}
                elif frame.name == "file_id":
                    created = _naive_utc(frame.get_value("time_created", fallback=None))
    except (fitdecode.FitError, ValueError, KeyError, EOFError) as exc:
        raise UnreadableFile(f"not a readable FIT file ({exc})") from exc
    first = _naive_utc(samples[0][0]) if samples else None
    start = _naive_utc(session.get("start_time")) or first or created
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
    utc = _utc_seconds(activity.get("timestamp"))
    local = activity.get("local_timestamp")
    if utc is None or not isinstance(local, int):
        return None
    offset = local - utc
    if abs(offset) > 14 * 3600:
        return None  # a device clock that was never set
    return round(offset / OFFSET_STEP_S) * OFFSET_STEP_S
