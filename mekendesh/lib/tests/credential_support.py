"""Helpers of the credential library's tests: a ministry key, a holder's claims, and a way to
re-wrap a signed message as a credential's text (to tamper with it as a forger would)."""

from __future__ import annotations

import datetime as dt
import uuid
import zlib
from typing import Any

import base45
import cbor2

from mekendesh.lib.credential import PREFIX, Claims, KeySet, KeyState, PublishedKey, SigningKey, decode_text

NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def claims(**changes: Any) -> Claims:
    values: dict[str, Any] = {
        "credential_id": uuid.UUID("0f8c2d6e-3b1a-4c5d-9e7f-112233445566"),
        "issuer": "KG",
        "surname": "TOKTOSUNOVA",
        "given_names": "AIGERIM",
        "birth_date": dt.date(1998, 4, 12),
        "registration_number": "000000042-6",
        "consular_district": "RU-MOSCOW",
        "status": "verified",
        "status_index": 7,
        "issued_at": NOW - dt.timedelta(days=10),
        "valid_until": NOW + dt.timedelta(days=355),
    }
    values.update(changes)
    return Claims(**values)


def keyset_of(*keys: tuple[SigningKey, KeyState]) -> KeySet:
    return KeySet(issuer="KG", keys=tuple(PublishedKey(key.public_key, state) for key, state in keys))


def as_text(message: bytes, *, prefix: str = PREFIX) -> str:
    """A COSE message written as a credential's text (or, with its prefix, a certificate's)."""
    encoded: bytes = base45.b45encode(zlib.compress(message))
    return prefix + encoded.decode("ascii")


def cose_parts(text: str) -> list[Any]:
    """The four parts of the COSE_Sign1 message inside a credential's text."""
    parts: list[Any] = cbor2.loads(decode_text(text)).value
    return parts


def resigned(
    text: str, key: SigningKey, *, protected: dict[Any, Any], unprotected: dict[Any, Any] | None = None
) -> str:
    """The same payload with other headers, signed by ``key`` (what a forger holding a key makes)."""
    _, _, payload, _ = cose_parts(text)
    protected_bytes = cbor2.dumps(protected)
    signature = key.sign(cbor2.dumps(["Signature1", protected_bytes, b"", payload]))
    return as_text(cbor2.dumps(cbor2.CBORTag(18, [protected_bytes, unprotected or {}, payload, signature])))
