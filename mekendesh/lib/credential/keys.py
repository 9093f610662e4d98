"""The ministry's signing keys and the key set it publishes (no Django import).

Credentials are signed with Ed25519 (COSE algorithm ``EdDSA``, -8): short keys and 64-byte
signatures keep the QR code small, and the algorithm has no parameters to get wrong. A key is
named by its *key id*, as the EU's digital COVID certificates name theirs: the first 8 bytes of
the SHA-256 hash of the public key (its DER-encoded SubjectPublicKeyInfo), written here in
unpadded base64url (11 characters). The id travels in the credential's protected header.

The published key set is a JSON document anyone may copy (a border post, an employer's app)::

    {"issuer": "KG", "alg": "EdDSA",
     "keys": [{"kid": "…", "kty": "OKP", "crv": "Ed25519", "x": "…", "state": "active",
               "since": "2026-01-05T09:00:00Z", "rotated_at": null, "retired_at": null}]}

Each key is a JSON Web Key (RFC 8037) with its *state*: ``active`` signs new credentials (one key
at a time), ``verify_only`` signed earlier ones that stay valid until they expire (after a
rotation), ``retired`` is withdrawn — credentials signed with it are refused, as after a
compromise.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = -8  # COSE "EdDSA" (RFC 9053), with the Ed25519 curve
ALGORITHM_NAME = "EdDSA"
KEY_ID_BYTES = 8
KEYSET_FORMAT = 1


class KeyProblem(ValueError):
    """A key, a key file or a key set that cannot be used, with a message for the operator."""


class KeyState(StrEnum):
    ACTIVE = "active"
    VERIFY_ONLY = "verify_only"
    RETIRED = "retired"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public_key: Ed25519PublicKey) -> str:
    """The key id of a public key: unpadded base64url of SHA-256(SubjectPublicKeyInfo)[:8]."""
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return _b64url(hashlib.sha256(der).digest()[:KEY_ID_BYTES])


def key_id_bytes(kid: str) -> bytes:
    """The key id as it stands in a COSE header (8 bytes)."""
    return _unb64url(kid)


def key_id_text(kid: bytes) -> str:
    return _b64url(kid)


def raw_public_key(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class SigningKey:
    """The private key that signs new credentials and status lists."""

    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_pem(cls, pem: bytes) -> SigningKey:
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
            raise KeyProblem("not an unencrypted PEM private key") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyProblem("not an Ed25519 private key")
        return cls(key)

    def to_pem(self) -> bytes:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def kid(self) -> str:
        return key_id(self.public_key)

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)


def _time(value: Any, name: str) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise KeyProblem(f"{name} must be a date and time or null")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise KeyProblem(f"{name} is not a date and time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _time_text(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class PublishedKey:
    """A public key of the key set, with its state and the dates it changed state."""

    public_key: Ed25519PublicKey
    state: KeyState
    since: dt.datetime | None = None
    rotated_at: dt.datetime | None = None
    retired_at: dt.datetime | None = None
    kid: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kid", key_id(self.public_key))

    def to_json(self) -> dict[str, Any]:
        return {
            "kid": self.kid,
            "kty": "OKP",
            "crv": "Ed25519",
            "alg": ALGORITHM_NAME,
            "use": "sig",
            "x": _b64url(raw_public_key(self.public_key)),
            "state": str(self.state),
            "since": _time_text(self.since),
            "rotated_at": _time_text(self.rotated_at),
            "retired_at": _time_text(self.retired_at),
        }

    @classmethod
    def from_json(cls, data: Any) -> PublishedKey:
        if not isinstance(data, dict):
            raise KeyProblem("each key must be a JSON object")
        if data.get("kty") != "OKP" or data.get("crv") != "Ed25519":
            raise KeyProblem(f"key {data.get('kid')!r} is not an Ed25519 key (kty OKP, crv Ed25519)")
        try:
            public_key = Ed25519PublicKey.from_public_bytes(_unb64url(str(data.get("x", ""))))
        except ValueError as exc:
            raise KeyProblem(f"key {data.get('kid')!r} has no valid public key (x)") from exc
        try:
            state = KeyState(data.get("state", ""))
        except ValueError as exc:
            raise KeyProblem(f"key {data.get('kid')!r} has an unknown state {data.get('state')!r}") from exc
        key = cls(
            public_key=public_key,
            state=state,
            since=_time(data.get("since"), "since"),
            rotated_at=_time(data.get("rotated_at"), "rotated_at"),
            retired_at=_time(data.get("retired_at"), "retired_at"),
        )
        if "kid" in data and data["kid"] != key.kid:
            raise KeyProblem(f"key {data['kid']!r} does not match its public key (its id is {key.kid!r})")
        return key

    def with_state(self, state: KeyState, at: dt.datetime) -> PublishedKey:
        if state == KeyState.VERIFY_ONLY:
            return replace(self, state=state, rotated_at=self.rotated_at or at)
        if state == KeyState.RETIRED:
            return replace(self, state=state, retired_at=at)
        return replace(self, state=state, since=self.since or at)


@dataclass(frozen=True)
class KeySet:
    """The published keys of one issuer (``issuer``: the country code in the credentials)."""

    issuer: str
    keys: tuple[PublishedKey, ...] = ()

    def get(self, kid: str) -> PublishedKey | None:
        return next((key for key in self.keys if key.kid == kid), None)

    def __getitem__(self, kid: str) -> PublishedKey:
        key = self.get(kid)
        if key is None:
            raise KeyError(kid)
        return key

    @property
    def active(self) -> PublishedKey | None:
        return next((key for key in self.keys if key.state == KeyState.ACTIVE), None)

    def with_key(self, key: PublishedKey) -> KeySet:
        """The set with ``key`` added, or put in place of the entry with its id."""
        others = tuple(existing for existing in self.keys if existing.kid != key.kid)
        return replace(self, keys=(*others, key))

    def to_json(self) -> str:
        document = {
            "format": KEYSET_FORMAT,
            "issuer": self.issuer,
            "alg": ALGORITHM_NAME,
            "keys": [key.to_json() for key in self.keys],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes, *, issuer: str | None = None) -> KeySet:
        """Read a published key set; ``KeyProblem`` names what is wrong with it."""
        try:
            document = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise KeyProblem("the key set is not JSON") from exc
        if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
            raise KeyProblem('the key set must be a JSON object with a list of "keys"')
        if document.get("alg", ALGORITHM_NAME) != ALGORITHM_NAME:
            raise KeyProblem(f"the key set is for the algorithm {document.get('alg')!r}, not {ALGORITHM_NAME}")
        keys = tuple(PublishedKey.from_json(entry) for entry in document["keys"])
        if len({key.kid for key in keys}) != len(keys):
            raise KeyProblem("the key set lists a key twice")
        return cls(issuer=str(document.get("issuer") or issuer or ""), keys=keys)
