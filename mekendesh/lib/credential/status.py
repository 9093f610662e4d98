"""The revocation status list: one bit per credential, signed like a credential (no Django import).

It follows the IETF Token Status List (draft-ietf-oauth-status-list) in its CWT form: a COSE_Sign1
message whose protected header has the type ``application/statuslist+cwt`` and whose claims hold
``iat``, ``exp`` and a status list ``{"bits": 1, "lst": zlib(bytes)}`` — the credential at index
*i* is revoked when bit *i* is set (byte ``i // 8``, bit ``i % 8`` counted from the least
significant). Signed with the same key as the credentials, it cannot be forged offline either: a
border post downloads it while online and checks credentials against it while offline.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import cbor2

from .keys import KeySet, SigningKey
from .token import (
    MalformedCredential,
    SignatureProblem,
    inflate_limited,
    sign_cose,
    time_from_claim,
    time_to_claim,
    verify_cose,
)

STATUS_LIST_TYPE = "application/statuslist+cwt"
MAX_LIST_BYTES = 16 * 1024 * 1024  # 134 million credentials
_ISS, _EXP, _IAT, _TTL, _STATUS_LIST = 1, 4, 6, 65534, 65533


class StatusListProblem(ValueError):
    """A status list that cannot be used: damaged, forged, expired or of another issuer."""


@dataclass(frozen=True)
class StatusList:
    """Which credentials are revoked (``index in status_list``), as of ``issued_at``."""

    issuer: str
    issued_at: dt.datetime
    expires_at: dt.datetime
    bits: bytes
    key_id: str | None = None

    def __contains__(self, index: object) -> bool:
        if not isinstance(index, int) or index < 0 or index // 8 >= len(self.bits):
            return False
        return bool(self.bits[index // 8] >> (index % 8) & 1)

    @classmethod
    def build(
        cls, *, revoked: Iterable[int], size: int, issuer: str, issued_at: dt.datetime, expires_at: dt.datetime
    ) -> StatusList:
        """A list of ``size`` credentials (indexes 0 … size − 1) with ``revoked`` set."""
        bits = bytearray((max(size, 1) + 7) // 8)
        for index in revoked:
            if not 0 <= index < len(bits) * 8:
                raise ValueError(f"status index {index} is outside the list")
            bits[index // 8] |= 1 << (index % 8)
        return cls(issuer=issuer, issued_at=issued_at, expires_at=expires_at, bits=bytes(bits))

    @property
    def revoked_count(self) -> int:
        return sum(byte.bit_count() for byte in self.bits)


def status_list_sign(status_list: StatusList, key: SigningKey) -> bytes:
    """The signed status list (binary COSE_Sign1), as served to verifiers."""
    claims = {
        _ISS: status_list.issuer,
        _IAT: time_to_claim(status_list.issued_at),
        _EXP: time_to_claim(status_list.expires_at),
        _TTL: max(0, int((status_list.expires_at - status_list.issued_at).total_seconds())),
        _STATUS_LIST: {"bits": 1, "lst": zlib.compress(status_list.bits, 9)},
    }
    return sign_cose(cbor2.dumps(claims), key, content_type=STATUS_LIST_TYPE)


def status_list_read(data: bytes, keyset: KeySet, *, now: dt.datetime) -> StatusList:
    """A signed status list, checked against the key set; refused (:class:`StatusListProblem`)
    when it is damaged, not signed by a usable published key, expired or of another issuer."""
    try:
        message = verify_cose(data, keyset, content_type=STATUS_LIST_TYPE)
        claims: Any = cbor2.loads(message.payload)
        status = claims[_STATUS_LIST]
        if status.get("bits") != 1:
            raise StatusListProblem("only one bit a credential is understood")
        bits = inflate_limited(bytes(status["lst"]), MAX_LIST_BYTES)
        status_list = StatusList(
            issuer=str(claims.get(_ISS, "")),
            issued_at=time_from_claim(claims[_IAT]),
            expires_at=time_from_claim(claims[_EXP]),
            bits=bits,
            key_id=message.kid,
        )
    except SignatureProblem as problem:
        raise StatusListProblem(f"the status list's signature is not accepted ({problem.outcome})") from problem
    except (MalformedCredential, cbor2.CBORDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, StatusListProblem):
            raise
        raise StatusListProblem("the status list is damaged or not a status list") from exc
    if keyset.issuer and status_list.issuer != keyset.issuer:
        raise StatusListProblem("the status list is of another issuer")
    if now >= status_list.expires_at:
        raise StatusListProblem("the status list has expired: download a new one")
    return status_list
