"""Real-shaped Strava export fixtures: activities.csv in each known layout, files, the ZIP."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from pipelines.imports.activities_csv import COLUMNS
from tests.imports.fit_encoder import FitActivity, encode

_PREFIX = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Activity Description",
    "Elapsed Time",
    "Distance",
    "Max Heart Rate",
    "Relative Effort",
    "Commute",
    "Activity Private Note",
    "Activity Gear",
    "Filename",
    "Athlete Weight",
    "Bike Weight",
    "Elapsed Time",
    "Moving Time",
    "Distance",
    "Max Speed",
    "Average Speed",
    "Elevation Gain",
    "Elevation Loss",
    "Elevation Low",
    "Elevation High",
    "Max Grade",
    "Average Grade",
    "Average Positive Grade",
    "Average Negative Grade",
    "Max Cadence",
    "Average Cadence",
    "Max Heart Rate",
    "Average Heart Rate",
    "Max Watts",
    "Average Watts",
    "Calories",
    "Max Temperature",
    "Average Temperature",
    "Relative Effort",
    "Total Work",
    "Number of Runs",
    "Uphill Time",
    "Downhill Time",
    "Other Time",
    "Perceived Exertion",
    "Type",
    "Start Time",
    "Weighted Average Power",
    "Power Count",
    "Prefer Perceived Exertion",
    "Perceived Relative Effort",
    "Commute",
    "Total Weight Lifted",
    "From Upload",
    "Grade Adjusted Distance",
    "Weather Observation Time",
    "Weather Condition",
    "Weather Temperature",
    "Apparent Temperature",
    "Dewpoint",
    "Humidity",
    "Weather Pressure",
    "Wind Speed",
    "Wind Gust",
    "Wind Bearing",
    "Precipitation Intensity",
    "Sunrise Time",
    "Sunset Time",
    "Moon Phase",
    "Bike",
    "Gear",
    "Precipitation Probability",
    "Precipitation Type",
    "Cloud Cover",
    "Weather Visibility",
    "UV Index",
    "Weather Ozone",
    "Jump Count",
    "Total Grit",
    "Average Flow",
    "Flagged",
    "Average Elapsed Speed",
    "Dirt Distance",
    "Newly Explored Distance",
    "Newly Explored Dirt Distance",
    "Activity Count",
]
_LATER = [
    "Total Steps",
    "Carbon Saved",
    "Pool Length",
    "Training Load",
    "Intensity",
    "Average Grade Adjusted Pace",
]
HEADER_86 = [*_PREFIX, "Media"]
HEADER_94 = [*_PREFIX, *_LATER, "Timer Time", "Total Cycles", "Media"]
HEADER_103 = [
    *HEADER_94[:-1],
    *[
        "Recovery",
        "With Pet",
        "Competition",
        "Long Run",
        "For a Cause",
        "With Kid",
        "Downhill Distance",
        "Total Sets",
        "Total Reps",
    ],
    "Media",
]
# A German account's export: same positions, translated names (92 columns).
HEADER_DE_92 = [
    "Aktivitäts-ID",
    "Aktivitätsdatum",
    "Name der Aktivität",
    "Aktivitätsart",
    "Aktivitätsbeschreibung",
    "Verstrichene Zeit",
    "Distanz",
    "Max. Herzfrequenz",
    "Relative Leistung",
    "Pendeln",
    "Hinweis zur Privatsphäre für Aktivitäten",
    "Aktivitätsausrüstung",
    "Dateiname",
    "Sportlergewicht",
    "Fahrradgewicht",
    "Verstrichene Zeit",
    "Bewegungszeit",
    "Distanz",
    "Höchstgeschw.",
    "Durchschnittliche Geschwindigkeit",
    "Höhenzunahme",
    "Höhenunterschied",
    "Min. Höhe",
    "Max. Höhe",
    "Max. Steigung",
    "Durchschnittliche Steigung",
    "Durchschnittliche positive Steigung",
    "Durchschnittliche negative Steigung",
    "Max. Tritt-/Schrittfrequenz",
    "Durchschnittliche Trittfrequenz",
    "Max. Herzfrequenz",
    "Durchschnittliche Herzfrequenz",
    "Max. Watt",
    "Durchschnittliche Watt",
    "Kalorien",
    "Max. Temperatur",
    "Durchschnittliche Temperatur",
    "Relative Leistung",
    "Gesamtarbeit",
    "Anzahl Läufe",
    "Bergaufzeit",
    "Bergabzeit",
    "Andere Zeit",
    "Gefühlte Anstrengung",
    "Art",
    "Startzeit",
    "Gewichtete durchschnittliche Leistung",
    "Leistungszahl",
    "Gefühlte Anstrengung verwenden",
    "Gefühlte relative Leistung",
    "Pendeln",
    "Insgesamt gestemmtes Gewicht",
    "Von Upload",
    "Auf Steigung angepasste Distanz",
    "Wetterbeobachtungszeit",
    "Wetterlage",
    "Wetter: Temperatur",
    "Scheinbare Temperatur",
    "Taupunkt",
    "Luftfeuchtigkeit",
    "Wetter: Druck",
    "Windgeschwindigkeit",
    "Windböe",
    "Windrichtung",
    "Niederschlagsintensität",
    "Sonnenaufgangszeit",
    "Sonnenuntergangszeit",
    "Mondphase",
    "Fahrrad",
    "Ausrüstung",
    "Niederschlagswahrscheinlichkeit",
    "Niederschlagsart",
    "Wolkendecke",
    "Wetter: Sichtbarkeit",
    "UV-Index",
    "Wetter: Ozon",
    "Sprunganzahl",
    "Schwierigkeit insgesamt",
    "Durchschnittlicher Flow",
    "Markiert",
    "Durchschnittsgeschwindigkeit im Aufzeichnungszeitraum",
    "Auf Schotter zurückgelegte Distanz",
    "Neu getestete Distanz",
    "Neu getestete Schotterdistanz",
    "Aktivitätsanzahl",
    "Schritte insgesamt",
    "Eingesparte CO₂-Emissionen",
    "Pool-Länge",
    "Trainingsbelastung",
    "Intensität",
    "Durchschnittliches auf Steigung angepasstes Tempo",
    "Medien",
]
assert len(HEADER_86) == 86 and len(HEADER_94) == 94 and len(HEADER_103) == 103
assert len(HEADER_DE_92) == 92


def csv_bytes(header: list[str], rows: list[dict[str, str]], bom: bool = True) -> bytes:
    """activities.csv with cells placed by our field names (COLUMNS positions)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        cells = [""] * len(header)
        for field, value in row.items():
            cells[COLUMNS[field][2]] = value
        writer.writerow(cells)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def fit_gz(start: datetime, minutes: int, bpm: int, utc_offset_s: int, **kwargs: object) -> bytes:
    """A gzipped FIT file of a steady session, as Strava stores originals."""
    rates = [bpm] * (minutes * 60 + 1)
    activity = FitActivity(start=start, heart_rates=rates, utc_offset_s=utc_offset_s, **kwargs)  # type: ignore[arg-type]
    return gzip.compress(encode(activity))


TCX = """  <?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities>
    <Activity Sport="Running">
      <Id>2022-10-08T14:00:00Z</Id>
      <Lap StartTime="2022-10-08T14:00:00Z">
        <TotalTimeSeconds>20</TotalTimeSeconds>
        <DistanceMeters>60</DistanceMeters>
        <MaximumHeartRateBpm><Value>141</Value></MaximumHeartRateBpm>
        <Track>
          <Trackpoint><Time>2022-10-08T14:00:00Z</Time><HeartRateBpm><Value>120</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>2022-10-08T14:00:05Z</Time><HeartRateBpm><Value>130</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>2022-10-08T14:00:10Z</Time><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>2022-10-08T14:00:20Z</Time><HeartRateBpm><Value>141</Value></HeartRateBpm></Trackpoint>
        </Track>
      </Lap>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
"""  # leading blanks as in Strava's own TCX files

PROFILE_CSV = ("Athlete ID,Email Address,First Name,Last Name,Sex,Description,Weight,City\n"
               "12345,sam@example.com,Sam,Runner,F,,61.0,Leeds\n")  # fmt: skip

EVENING_RUN = datetime(2022, 10, 7, 0, 10, tzinfo=UTC)  # 20:10 on Oct 6 in New York (EDT)


def sample_rows() -> list[dict[str, str]]:
    """Five activities: FIT run, manual strength, TCX run, corrupt file, commas and emoji."""
    return [
        {"id": "8001", "date": "Oct 7, 2022, 12:10:00 AM", "name": "Evening Run", "type": "Run",
         "filename": "activities/9001.fit.gz", "elapsed": "1800.0", "moving": "1790.0",
         "distance_m": "5400.5", "average_hr": "150.0",
         "max_hr": "150.0", "elevation_gain": "12.0"},
        {"id": "8002", "date": "Oct 7, 2022, 5:30:00 PM", "name": "Hip and core",
         "type": "Weight Training", "elapsed": "1500.0", "moving": "1500.0",
         "perceived_exertion": "6.0"},
        {"id": "8003", "date": "Oct 8, 2022, 2:00:00 PM", "name": "Track", "type": "Run",
         "filename": "activities/9003.tcx", "elapsed": "20.0", "moving": "20.0",
         "distance_m": "60.0"},
        {"id": "8004", "date": "Oct 9, 2022, 8:00:00 AM", "name": "Broken watch file",
         "type": "Run", "filename": "activities/9004.fit.gz", "elapsed": "2400.0",
         "moving": "2350.0", "distance_m": "7000.0", "average_hr": "145.0"},
        {"id": "8005", "date": "Oct 10, 2022, 6:45:00 AM", "name": "Ride, with friends 🚴‍♀️",
         "type": "Virtual Ride", "description": 'Easy spin, "Z2", then coffee ☕️\nsecond line',
         "elapsed": "3600.0", "moving": "3500.0", "distance_m": "30000.0"},
    ]  # fmt: skip


def sample_files() -> dict[str, bytes]:
    """The activity files the sample rows point at (one of them corrupt)."""
    good = fit_gz(EVENING_RUN, 30, 150, utc_offset_s=-4 * 3600)
    return {
        "activities/9001.fit.gz": good,
        "activities/9003.tcx": TCX.encode(),
        "activities/9004.fit.gz": good[: len(good) // 2],  # cut short: not a valid gzip
    }


def write_export_zip(path: Path, header: list[str] | None = None, root: str = "") -> Path:
    """A Strava export ZIP with the sample rows, their files and profile.csv."""
    rows = sample_rows()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(root + "activities.csv", csv_bytes(header or HEADER_94, rows))
        archive.writestr(root + "profile.csv", PROFILE_CSV)
        for name, data in sample_files().items():
            archive.writestr(root + name, data)
    return path
