"""Settings: environment over secrets.toml [strava], defaults, and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.errors import InvalidEntry
from pipelines.strava.config import StravaNotConfigured, load_settings


def test_env_overrides_secrets_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[strava]\nSTRAVA_CLIENT_ID = "11"\nSTRAVA_CLIENT_SECRET = "from-file"\n'
        'STRAVA_API_URL = "https://api-v3.strava.com"\n'
    )
    monkeypatch.setenv("STRIDEWISE_SECRETS", str(secrets))
    monkeypatch.setenv("STRAVA_CLIENT_ID", "22")
    found = load_settings()
    assert (found.client_id, found.client_secret) == (22, "from-file")
    assert found.server == "api-v3.strava.com"
    assert found.redirect_uri == "http://localhost:8501"


def test_missing_and_bad_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIDEWISE_SECRETS", str(tmp_path / "none.toml"))
    found = load_settings()
    assert not found.configured and found.api_url == "https://www.strava.com"
    with pytest.raises(StravaNotConfigured, match="STRAVA_CLIENT_ID"):
        found.require()
    monkeypatch.setenv("STRAVA_API_URL", "http://127.0.0.1:9")
    with pytest.raises(InvalidEntry, match="STRAVA_API_URL"):
        load_settings()
