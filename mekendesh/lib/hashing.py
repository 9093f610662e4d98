"""Keyed hashes for exact look-up of encrypted values (document numbers)."""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings


def normalise_document_number(number: str) -> str:
    return re.sub(r"[\s\-<]", "", number).upper()


def _hmac(key: str, value: str) -> str:
    return hmac.new(key.encode("utf-8"), normalise_document_number(value).encode("utf-8"), hashlib.sha256).hexdigest()


def lookup_hash(value: str) -> str:
    """The hash stored for a new value: HMAC-SHA256 under the current key."""
    return _hmac(settings.LOOKUP_HASH_KEYS[0], value)


def lookup_hashes(value: str) -> list[str]:
    """Every hash the value may be stored under: the current key's first, then earlier keys'."""
    return [_hmac(key, value) for key in settings.LOOKUP_HASH_KEYS]
