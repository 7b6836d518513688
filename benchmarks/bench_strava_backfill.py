"""Requests and seconds for first syncs (450 and 2,000 activities) against the local fake Strava.

Each backfill starts with an access token about to expire, so the token refresh is part of the
count; the count the sync reports is printed beside the count the fake server saw.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from datetime import datetime
from pathlib import Path

from pipelines.db import migrate
from pipelines.strava.auth import store_connection
from pipelines.strava.config import load_settings
from pipelines.strava.sync import sync
from pipelines.strava.tokens import Tokens
from tests.strava.fake_strava import ATHLETE_ID, CLIENT_ID, CLIENT_SECRET, FakeStrava

BACKFILLS = (450, 2000)
END = datetime(2026, 11, 20, 7, 0)
ENV = (
    "STRAVA_API_URL",
    "REQUESTS_CA_BUNDLE",
    "STRAVA_CLIENT_ID",
    "STRAVA_CLIENT_SECRET",
    "STRIDEWISE_SECRETS",
    "STRAVA_REFRESH_TOKEN",
)


def _floor(count: int) -> int:
    """Token refresh, /athlete, /athlete/zones and the pages; an empty last page on a multiple."""
    return 3 + math.ceil(count / 200) + (1 if count % 200 == 0 else 0)


def _backfill(tmp: Path, count: int) -> None:
    with FakeStrava(tmp) as fake:
        saved = {name: os.environ.get(name) for name in ENV}
        os.environ.update(
            {
                "STRAVA_API_URL": fake.url,
                "REQUESTS_CA_BUNDLE": str(fake.ca_path),
                "STRAVA_CLIENT_ID": str(CLIENT_ID),
                "STRAVA_CLIENT_SECRET": CLIENT_SECRET,
                "STRIDEWISE_SECRETS": str(tmp / "none.toml"),
            }
        )
        os.environ.pop("STRAVA_REFRESH_TOKEN", None)
        try:
            db = tmp / f"bench-{count}.duckdb"
            migrate(db)
            grant = fake.grant()
            expiring = int(time.time()) + 60  # inside the refresh margin: the sync refreshes
            store_connection(
                db,
                Tokens(
                    ATHLETE_ID,
                    "Bench Runner",
                    grant.access_token,
                    grant.refresh_token,
                    expiring,
                    frozenset(grant.scopes),
                ),
                fake.state.athlete,
            )
            fake.add_series(count, 1, END)
            fake.reset_log()
            started = time.perf_counter()
            report = sync(db, load_settings())
            seconds = time.perf_counter() - started
            print(
                f"   backfill of {report.fetched:,} activities: {len(fake.requests())} requests "
                f"seen by Strava, {report.requests} reported (floor ceil(N/200)+3"
                f"{'+1' if count % 200 == 0 else ''} = {_floor(count)}), {seconds:.2f} s"
            )
            fake.reset_log()
            started = time.perf_counter()
            idle = sync(db, load_settings())
            print(
                f"   incremental sync with nothing new: {len(fake.requests())} requests seen, "
                f"{idle.requests} reported, {time.perf_counter() - started:.2f} s"
            )
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def main() -> None:
    """Print requests and seconds for each backfill, then for a no-op incremental sync."""
    for count in BACKFILLS:
        with tempfile.TemporaryDirectory() as tmp:
            _backfill(Path(tmp), count)
