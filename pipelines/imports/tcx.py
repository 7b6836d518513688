"""TCX (Garmin Training Center) activities through lxml, with network and entities disabled."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from pipelines.imports import sport_names
from pipelines.imports.models import ActivityFile, UnreadableFile
from pipelines.imports.samples import average_and_max, hr_histogram

NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _time(text: str | None) -> tuple[datetime, int | None] | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment, None
    offset = moment.utcoffset()
    seconds = int(offset.total_seconds()) if offset else 0
    return moment.astimezone(UTC).replace(tzinfo=None), seconds or None


def _float(element: etree._Element, path: str) -> float | None:
    found = element.findtext(path, namespaces=NS)
    try:
        return float(found) if found else None
    except ValueError:
        return None


def read_tcx(data: bytes) -> ActivityFile:
    """Samples and lap totals of the first activity in a TCX file."""
    try:
        # Strava's TCX files often start with blank space before the XML declaration
        root = etree.fromstring(data.lstrip(), parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(f"not a readable TCX file ({exc})") from exc
    activity = root.find("t:Activities/t:Activity", NS)
    if activity is None:
        raise UnreadableFile("the TCX file has no activity")
    start = _time(activity.findtext("t:Id", namespaces=NS))
    samples: list[tuple[datetime, float | None]] = []
    for point in activity.iterfind(".//t:Trackpoint", NS):
        moment = _time(point.findtext("t:Time", namespaces=NS))
        if moment is not None:
            samples.append((moment[0], _float(point, "t:HeartRateBpm/t:Value")))
    if start is None and samples:
        start = (samples[0][0], None)
    if start is None:
        raise UnreadableFile("the TCX file has no start time")
    laps = activity.findall("t:Lap", NS)
    histogram = hr_histogram(samples)
    average, highest = average_and_max(histogram)
    lap_max = [v for v in (_float(lap, "t:MaximumHeartRateBpm/t:Value") for lap in laps) if v]
    elapsed = sum(_float(lap, "t:TotalTimeSeconds") or 0.0 for lap in laps)
    distance = sum(_float(lap, "t:DistanceMeters") or 0.0 for lap in laps)
    return ActivityFile(
        start_utc=start[0],
        utc_offset_s=start[1],
        sport_type=sport_names.from_keyword(activity.get("Sport")),
        elapsed_time_s=elapsed or None,
        moving_time_s=elapsed or None,
        distance_m=distance or None,
        average_heartrate=average,
        max_heartrate=max(lap_max) if lap_max else highest,
        hr_histogram=histogram,
    )
