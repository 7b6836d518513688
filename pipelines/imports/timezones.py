"""Local wall-clock times for imported activities, and the machine's own IANA time zone."""

from __future__ import annotations

import os
import re
import zoneinfo
from datetime import UTC, datetime, timedelta
from pathlib import Path

LOCALTIME = Path("/etc/localtime")
OFFSET_LABEL_PATTERN = r"UTC[+-][0-9]{2}:[0-9]{2}"  # what offset_label writes; also used in SQL
OFFSET_LABEL = re.compile(OFFSET_LABEL_PATTERN)


def _valid(name: str | None) -> str | None:
    if not name:
        return None
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return name


def machine_timezone() -> str:
    """The IANA zone this computer runs in ($TZ, /etc/localtime's target, /etc/timezone), or UTC."""
    from_env = _valid(os.environ.get("TZ", "").lstrip(":"))
    if from_env:
        return from_env
    try:
        target = str(LOCALTIME.resolve())
        if "zoneinfo/" in target:
            linked = _valid(target.split("zoneinfo/", 1)[1])
            if linked:
                return linked
        named = _valid(Path("/etc/timezone").read_text(encoding="utf-8").strip())
        if named:
            return named
    except OSError:
        pass
    return "UTC"


def offset_label(offset_s: int) -> str:
    """A fixed-offset label such as UTC+02:00, for a device offset that is not the profile zone."""
    sign = "+" if offset_s >= 0 else "-"
    hours, minutes = divmod(abs(offset_s) // 60, 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def local_start(start_utc: datetime, offset_s: int | None, zone: str) -> tuple[datetime, str]:
    """(local wall-clock start, time-zone label): the device's offset if known, else the zone's."""
    tz = zoneinfo.ZoneInfo(zone)
    in_zone = start_utc.replace(tzinfo=UTC).astimezone(tz)
    if offset_s is None:
        return in_zone.replace(tzinfo=None), zone
    zone_offset = in_zone.utcoffset()
    label = zone if zone_offset == timedelta(seconds=offset_s) else offset_label(offset_s)
    return start_utc + timedelta(seconds=offset_s), label


def is_offset_label(label: str | None) -> bool:
    """True for a label offset_label wrote: the local time came from the device's own offset."""
    return label is not None and OFFSET_LABEL.fullmatch(label) is not None
