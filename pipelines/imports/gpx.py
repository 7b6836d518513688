"""GPX tracks through gpxpy; heart rate from Garmin's TrackPointExtension (<hr>)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import gpxpy
import gpxpy.gpx

from pipelines.imports import sport_names
from pipelines.imports.models import ActivityFile, UnreadableFile
from pipelines.imports.samples import average_and_max, hr_histogram


def _heart_rate(extensions: list[Any]) -> float | None:
    for element in extensions:
        for node in element.iter():
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag.rsplit("}", 1)[-1].lower() in {"hr", "heartrate"} and node.text:
                try:
                    return float(node.text)
                except ValueError:
                    return None
    return None


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment  # GPX times are UTC unless they say otherwise
    return moment.astimezone(UTC).replace(tzinfo=None)


def read_gpx(data: bytes) -> ActivityFile:
    """Samples and totals of the first track; the local offset only if the times carry one."""
    try:
        track_file = gpxpy.parse(data.decode("utf-8-sig").lstrip())
    except (gpxpy.gpx.GPXException, UnicodeDecodeError, ValueError) as exc:
        raise UnreadableFile(f"not a readable GPX file ({exc})") from exc
    points = [
        point
        for track in track_file.tracks
        for segment in track.segments
        for point in segment.points
        if point.time is not None
    ]
    if not points:
        raise UnreadableFile("the GPX file has no timed track points")
    first = points[0].time
    assert first is not None
    offset = first.utcoffset()
    samples = [(_utc(p.time), _heart_rate(p.extensions)) for p in points if p.time is not None]
    histogram = hr_histogram(samples)
    average, highest = average_and_max(histogram)
    track = track_file.tracks[0]
    moving = track_file.get_moving_data()
    climb = track_file.get_uphill_downhill()
    return ActivityFile(
        start_utc=_utc(first),
        utc_offset_s=int(offset.total_seconds()) if offset else None,
        sport_type=sport_names.from_keyword(track.type),
        name=track.name or track_file.name,
        elapsed_time_s=track_file.get_duration(),
        moving_time_s=float(moving.moving_time) if moving else None,
        distance_m=track_file.length_3d() or None,
        elevation_gain_m=climb.uphill if climb else None,
        average_heartrate=average,
        max_heartrate=highest,
        hr_histogram=histogram,
    )
