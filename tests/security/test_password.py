"""The sign-in password: salted scrypt hash, constant-time check, and the command that makes it."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

import pytest

from pipelines.cli import main
from pipelines.errors import InvalidEntry
from pipelines.passwords import (
    HASH_KEY,
    MIN_PASSWORD_CHARS,
    SECRETS_SECTION,
    hash_password,
    parse_hash,
    verify_password,
)

PASSWORD = "correct horse battery"


def test_the_right_password_matches_and_others_do_not() -> None:
    encoded = hash_password(PASSWORD)
    assert verify_password(PASSWORD, encoded)
    assert not verify_password("correct horse batterY", encoded)
    assert not verify_password("", encoded)


def test_each_hash_has_its_own_salt_and_never_the_password() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second
    assert PASSWORD not in first
    assert PASSWORD.encode().hex() not in first
    assert parse_hash(first)[:3] == (2**14, 8, 1)


def test_a_short_password_is_refused() -> None:
    with pytest.raises(InvalidEntry) as caught:
        hash_password("x" * (MIN_PASSWORD_CHARS - 1))
    assert (caught.value.field, caught.value.allowed) == ("password", "at least 12 characters")


@pytest.mark.parametrize(
    "encoded",
    [
        "hunter2",
        "pbkdf2:16384:8:1:" + "00" * 16 + ":" + "00" * 32,
        "scrypt:1000:8:1:" + "00" * 16 + ":" + "00" * 32,  # N must be a power of two
        "scrypt:1048576:8:1:" + "00" * 16 + ":" + "00" * 32,  # 1 GiB per attempt
        "scrypt:16384:8:1:" + "00" * 4 + ":" + "00" * 32,  # salt too short
        "scrypt:16384:8:1:zz:" + "00" * 32,
        "scrypt:16384:8:1:" + "00" * 16 + ":" + "00" * 32 + ":extra",
    ],
    ids=["plain", "other-scheme", "odd-n", "too-costly", "short-salt", "not-hex", "extra-part"],
)
def test_anything_but_our_hash_is_refused_by_name(encoded: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        verify_password(PASSWORD, encoded)
    assert caught.value.field == "password_hash"
    assert "stridewise password-hash" in caught.value.allowed


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What the runner types at the hidden prompts, in order."""
    answers: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": answers.pop(0))
    yield answers


def test_the_command_prints_lines_to_paste_into_the_secrets_file(
    typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed += [PASSWORD, PASSWORD]
    assert main(["password-hash"]) == 0
    out, err = capsys.readouterr()
    secrets = tomllib.loads(out)
    assert verify_password(PASSWORD, secrets[SECRETS_SECTION][HASH_KEY])
    assert "Paste these two lines into .streamlit/secrets.toml" in err
    assert PASSWORD not in out + err


def test_the_command_wants_the_same_password_twice(
    typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed += [PASSWORD, PASSWORD + "!"]
    assert main(["password-hash"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "error: password: the same password twice\n"
