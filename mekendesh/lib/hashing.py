"""Keyed hashes for exact look-up of encrypted values (document numbers)."""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings


def normalise_document_number(number: str) -> str:
    return re.sub(r"[\s\-<]", "", number).upper()


def lookup_hash(value: str) -> str:
    key = settings.LOOKUP_HASH_KEY.encode("utf-8")
    return hmac.new(key, normalise_document_number(value).encode("utf-8"), hashlib.sha256).hexdigest()
