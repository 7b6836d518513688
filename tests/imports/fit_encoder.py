"""A tiny FIT writer for fixtures: just enough of the FIT protocol to build real activity files.

Written from the public FIT protocol description (file header, definition and data messages,
CRC-16 trailer); the decoder under test is fitdecode, so a file it accepts is a real FIT file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fitdecode.utils import compute_crc

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)  # FIT timestamps count seconds from here
ENUM, UINT8, UINT16, UINT32 = 0x00, 0x02, 0x84, 0x86
_FORMATS = {ENUM: "B", UINT8: "B", UINT16: "H", UINT32: "I"}
SPORTS = {"running": 1, "cycling": 2, "training": 10, "walking": 11, "hiking": 17}
SUB_SPORTS = {"generic": 0, "treadmill": 1, "trail": 3, "strength_training": 20}

# (global message number, [(field number, base type)]) for the messages we write
FILE_ID = (0, [(0, ENUM), (1, UINT16), (4, UINT32)])
RECORD = (20, [(253, UINT32), (3, UINT8), (5, UINT32)])
SESSION = (
    18,
    [
        (253, UINT32),
        (2, UINT32),
        (7, UINT32),
        (8, UINT32),
        (9, UINT32),
        (5, ENUM),
        (6, ENUM),
        (16, UINT8),
        (17, UINT8),
        (22, UINT16),
    ],
)
ACTIVITY = (34, [(253, UINT32), (0, UINT32), (1, UINT16), (5, UINT32)])


def fit_time(moment: datetime) -> int:
    """Seconds since the FIT epoch."""
    return int((moment - FIT_EPOCH).total_seconds())


@dataclass
class FitActivity:
    """One recorded session: start (UTC), per-second heart rate, and the device's UTC offset."""

    start: datetime
    heart_rates: list[int]
    sport: str = "running"
    sub_sport: str = "generic"
    utc_offset_s: int = 0
    speed_m_s: float = 3.0
    interval_s: int = 1
    extra_records: list[tuple[int, int]] = field(default_factory=list)


def _definition(local: int, message: tuple[int, list[tuple[int, int]]]) -> bytes:
    number, fields = message
    out = struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(fields))
    for field_number, base in fields:
        out += struct.pack("<BBB", field_number, struct.calcsize(_FORMATS[base]), base)
    return out


def _data(local: int, message: tuple[int, list[tuple[int, int]]], values: list[int]) -> bytes:
    fmt = "<" + "".join(_FORMATS[base] for _, base in message[1])
    return struct.pack("<B", local) + struct.pack(fmt, *values)


def encode(activity: FitActivity) -> bytes:
    """The bytes of a complete FIT activity file."""
    start = fit_time(activity.start)
    n = len(activity.heart_rates)
    elapsed = (n - 1) * activity.interval_s if n else 0
    body = _definition(0, FILE_ID) + _data(0, FILE_ID, [4, 255, start])
    body += _definition(1, RECORD)
    for i, bpm in enumerate(activity.heart_rates):
        t = i * activity.interval_s
        body += _data(1, RECORD, [start + t, bpm, int(t * activity.speed_m_s * 100)])
    hr = activity.heart_rates or [0]
    body += _definition(2, SESSION) + _data(
        2,
        SESSION,
        [
            start + elapsed,
            start,
            elapsed * 1000,
            elapsed * 1000,
            int(elapsed * activity.speed_m_s * 100),
            SPORTS[activity.sport],
            SUB_SPORTS[activity.sub_sport],
            round(sum(hr) / len(hr)),
            max(hr),
            42,
        ],
    )
    end = start + elapsed
    body += _definition(3, ACTIVITY) + _data(
        3,
        ACTIVITY,
        [
            end,
            elapsed * 1000,
            1,
            end + activity.utc_offset_s,
        ],
    )
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    whole = header + body
    return whole + struct.pack("<H", compute_crc(whole))


def steady_run(start: datetime, minutes: int, bpm: int = 150, **kwargs: object) -> bytes:
    """A FIT file of a steady session at one heart rate, recorded every second."""
    rates = [bpm] * (minutes * 60 + 1)
    return encode(FitActivity(start=start, heart_rates=rates, **kwargs))  # type: ignore[arg-type]
