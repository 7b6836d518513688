"""Requests and seconds for a 2,000-activity first sync against the local fake Strava (HTTPS)."""

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

ACTIVITIES = 2000
END = datetime(2026, 11, 20, 7, 0)
ENV = (
    "STRAVA_API_URL",
    "REQUESTS_CA_BUNDLE",
    "STRAVA_CLIENT_ID",
    "STRAVA_CLIENT_SECRET",
    "STRIDEWISE_SECRETS",
    "STRAVA_REFRESH_TOKEN",
)


def _run(tmp: Path) -> None:
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
            db = tmp / "bench.duckdb"
            migrate(db)
            grant = fake.grant()
            store_connection(
                db,
                Tokens(
                    ATHLETE_ID,
                    "Bench Runner",
                    grant.access_token,
                    grant.refresh_token,
                    int(grant.expires_at),
                    frozenset(grant.scopes),
                ),
                fake.state.athlete,
            )
            fake.add_series(ACTIVITIES, 1, END)
            fake.reset_log()
            started = time.perf_counter()
            report = sync(db, load_settings())
            seconds = time.perf_counter() - started
            print(
                f"   backfill of {report.fetched} activities: {len(fake.requests())} requests "
                f"(bound ceil(N/200)+4 = {math.ceil(ACTIVITIES / 200) + 4}), {seconds:.2f} s"
            )
            fake.reset_log()
            started = time.perf_counter()
            sync(db, load_settings())
            print(
                f"   incremental sync with nothing new: {len(fake.requests())} requests, "
                f"{time.perf_counter() - started:.2f} s"
            )
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def main() -> None:
    """Print requests and seconds for a backfill, then for a no-op incremental sync."""
    with tempfile.TemporaryDirectory() as tmp:
        _run(Path(tmp))
