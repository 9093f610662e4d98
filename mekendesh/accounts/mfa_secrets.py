"""Encryption of second-factor secrets at rest (TOTP secrets, recovery-code seeds).

Fernet (AES-128-CBC with HMAC-SHA256) under keys derived from ``SECRET_KEY`` and its fallbacks the
way the project's encrypted fields derive theirs (PBKDF2-SHA256 over each salt of ``SALT_KEY``),
with a salt of its own, so that a document-number key and a TOTP key are never the same. The first
key encrypts; every key decrypts, so ``SECRET_KEY`` can be rotated.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.conf import settings

PREFIX = "fernet:"


@lru_cache(maxsize=8)
def _fernet(secret_keys: tuple[str, ...], salts: tuple[str, ...]) -> MultiFernet:
    keys = []
    for secret_key in secret_keys:
        for salt in salts:
            kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=f"{salt}:mfa".encode(), iterations=100_000)
            keys.append(Fernet(base64.urlsafe_b64encode(kdf.derive(secret_key.encode()))))
    return MultiFernet(keys)


def _current() -> MultiFernet:
    salts = settings.SALT_KEY if isinstance(settings.SALT_KEY, list) else [settings.SALT_KEY]
    return _fernet((settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])), tuple(salts))


def is_encrypted(text: str) -> bool:
    return isinstance(text, str) and text.startswith(PREFIX)


def secret_encrypt(text: str) -> str:
    return PREFIX + _current().encrypt(text.encode()).decode()


def secret_decrypt(stored: str) -> str:
    """The secret; a value without the prefix is refused (it would let whoever can write the
    database set a known secret)."""
    if not is_encrypted(stored):
        raise ValueError("a second-factor secret is stored unencrypted; run `mekendesh migrate`")
    return _current().decrypt(stored[len(PREFIX) :].encode()).decode()
