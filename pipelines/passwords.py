"""The sign-in password for serving on a home network: only its salted scrypt hash is kept.

The hash sits in the secrets file, so whoever reads that file still cannot sign in; checking a
guess costs scrypt's memory and time, which is what makes guessing slow.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from pipelines.errors import InvalidEntry

SECRETS_SECTION = "access"  # [access] password_hash = "…" in .streamlit/secrets.toml
HASH_KEY = "password_hash"
SCHEME = "scrypt"
# Percival 2009's parameters for interactive logins: about 16 MiB and 50 ms per attempt.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD_CHARS = 12
# A stored hash may ask for more work, up to this much memory per attempt.
MAX_SCRYPT_MEMORY_BYTES = 256 * 2**20
HASH_FORMAT = "scrypt:N:r:p:SALT:KEY, the line `stridewise password-hash` prints"


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    memory = 128 * r * n
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=2 * memory
    )


def hash_password(password: str) -> str:
    """A new salted hash of `password`, in the form the secrets file keeps."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidEntry("password", f"at least {MIN_PASSWORD_CHARS} characters")
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES)
    return f"{SCHEME}:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:{salt.hex()}:{key.hex()}"


def parse_hash(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    """(N, r, p, salt, key) of a stored hash; InvalidEntry when it is not one of ours."""
    parts = str(encoded).strip().split(":")
    try:
        scheme, n, r, p = parts[0], int(parts[1]), int(parts[2]), int(parts[3])
        salt, key = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except (IndexError, ValueError):
        raise InvalidEntry(HASH_KEY, HASH_FORMAT) from None
    sane = (
        scheme == SCHEME
        and len(parts) == 6
        and n > 1
        and n & (n - 1) == 0
        and r > 0
        and 0 < p <= 16
        and 128 * r * n <= MAX_SCRYPT_MEMORY_BYTES
        and len(salt) >= SALT_BYTES
        and len(key) >= KEY_BYTES
    )
    if not sane:
        raise InvalidEntry(HASH_KEY, HASH_FORMAT)
    return n, r, p, salt, key


def verify_password(password: str, encoded: str) -> bool:
    """True when `password` is the one `encoded` was made from (constant-time comparison)."""
    n, r, p, salt, key = parse_hash(encoded)
    return hmac.compare_digest(_scrypt(password, salt, n, r, p, len(key)), key)
