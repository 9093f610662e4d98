"""Signing and verifying a registration credential (no Django import).

A credential is a CBOR Web Token (RFC 8392) signed as a COSE_Sign1 message (RFC 9052), compressed
with zlib and written in Base45 (RFC 9285) behind the prefix ``MK1:`` — the layout of the EU's
digital COVID certificates, whose ``HC1:`` texts fill a QR code in its alphanumeric mode. Anyone
holding the published key set (:mod:`.keys`) checks it without a network.

The protected header names the algorithm, the key id and the content type::

    {1: -8 (EdDSA), 4: key id (8 bytes), 16: 61 (application/cwt)}

and the claims are the standard ``iss`` (1), ``exp`` (4), ``iat`` (6) and ``cti`` (7, the
credential's 16-byte id) with one private claim (:data:`CLAIMS_KEY`) holding the minimum a border
officer reads: the name as in the passport, the date of birth, the registration number, the
consular district, the status and the index of the credential in the revocation status list.

:func:`verify` pins the algorithm: a token whose protected header names anything but EdDSA is
refused before any key is tried, whatever key signed it.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zlib
from collections.abc import Container
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import base45
import cbor2
from cwt import COSE, COSEKey, CWTError
from cwt.cose_key_interface import COSEKeyInterface

from .keys import ALGORITHM, KeySet, KeyState, PublishedKey, SigningKey, key_id_bytes, key_id_text, raw_public_key

PREFIX = "MK1:"
CLAIMS_KEY = -70001  # private-use claim (RFC 8392 §9.1: below -65536)
CLAIMS_VERSION = 1
CONTENT_TYPE_CWT = 61  # CoAP content format of application/cwt
MAX_TEXT_LENGTH = 4096  # characters of Base45; a credential has about 300
MAX_TOKEN_BYTES = 8192  # decompressed: refuses a compression bomb
LEEWAY = dt.timedelta(minutes=5)  # clocks of phones and border posts differ a little

# COSE header labels and CWT claim keys.
_ALG, _KID, _TYP = 1, 4, 16
_ISS, _EXP, _IAT, _CTI = 1, 4, 6, 7
_COSE_SIGN1_TAG = 18


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogues; the caller translates it in its own language."""
    return message


@dataclass(frozen=True)
class Claims:
    """What a credential says about its holder, and when it is valid."""

    credential_id: uuid.UUID
    issuer: str
    surname: str
    given_names: str
    birth_date: dt.date
    registration_number: str
    consular_district: str
    status: str
    status_index: int
    issued_at: dt.datetime
    valid_until: dt.datetime

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.surname, self.given_names) if part)


class Outcome(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    REVOKED = "revoked"
    FORGED = "forged"
    UNKNOWN_KEY = "unknown_key"
    RETIRED_KEY = "retired_key"
    WRONG_ALGORITHM = "wrong_algorithm"
    MALFORMED = "malformed"


# What each outcome means, in plain words (translated by the caller: the web page, the command).
OUTCOME_MESSAGES: dict[Outcome, str] = {
    Outcome.VALID: gettext_noop("Valid: the ministry issued this credential and it is in force."),
    Outcome.EXPIRED: gettext_noop("Expired: the ministry issued this credential, but it is no longer valid."),
    Outcome.NOT_YET_VALID: gettext_noop("Not yet valid: this credential's validity has not begun."),
    Outcome.REVOKED: gettext_noop("Revoked: the ministry has withdrawn this credential. Do not accept it."),
    Outcome.FORGED: gettext_noop(
        "Forged or altered: the signature does not match what the credential says. Do not accept it."
    ),
    Outcome.UNKNOWN_KEY: gettext_noop(
        "Unknown signer: the credential is signed with a key the ministry does not publish. "
        "Get the current published keys; if it is still unknown, do not accept it."
    ),
    Outcome.RETIRED_KEY: gettext_noop(
        "Withdrawn key: the credential was signed with a key the ministry has withdrawn. "
        "Do not accept it; the holder can get a new credential from the consulate or in their account."
    ),
    Outcome.WRONG_ALGORITHM: gettext_noop(
        "Refused: the credential names a signature algorithm that is not accepted. Do not accept it."
    ),
    Outcome.MALFORMED: gettext_noop(
        "Unreadable: this is not a complete credential. It may be cut off, mistyped or changed; scan or copy it again."
    ),
}

GENUINE_OUTCOMES = frozenset({Outcome.VALID, Outcome.EXPIRED, Outcome.NOT_YET_VALID, Outcome.REVOKED})


@dataclass(frozen=True)
class Verdict:
    """The answer of :func:`verify`: the outcome, the claims when the signature holds (never
    otherwise: what a forger wrote is not shown as if it were true), the key id it names and
    whether revocation was checked."""

    outcome: Outcome
    claims: Claims | None = None
    key_id: str | None = None
    revocation_checked: bool = False

    @property
    def valid(self) -> bool:
        return self.outcome == Outcome.VALID

    @property
    def genuine(self) -> bool:
        """Signed by a published key that is not withdrawn (valid, expired, revoked …)."""
        return self.outcome in GENUINE_OUTCOMES

    @property
    def message(self) -> str:
        """The outcome in plain English (translate it with the catalogues)."""
        return OUTCOME_MESSAGES[self.outcome]


class MalformedCredential(ValueError):
    """The text is not a complete credential (a wrong prefix, cut off, not Base45, not zlib …)."""


def time_to_claim(moment: dt.datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("credential times must be aware (with a time zone)")
    return int(moment.timestamp())


def time_from_claim(value: Any) -> dt.datetime:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MalformedCredential("a time claim is not a number")
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def encode_claims(claims: Claims) -> bytes:
    """The CWT claims set, as CBOR."""
    return cbor2.dumps(
        {
            _ISS: claims.issuer,
            _IAT: time_to_claim(claims.issued_at),
            _EXP: time_to_claim(claims.valid_until),
            _CTI: claims.credential_id.bytes,
            CLAIMS_KEY: {
                "v": CLAIMS_VERSION,
                "fn": claims.surname,
                "gn": claims.given_names,
                "dob": claims.birth_date.isoformat(),
                "reg": claims.registration_number,
                "cd": claims.consular_district,
                "st": claims.status,
                "sli": claims.status_index,
            },
        }
    )


def decode_claims(payload: bytes) -> Claims:
    """The claims of a verified payload; ``MalformedCredential`` when one is missing or wrong."""
    try:
        data = cbor2.loads(payload)
        own = data[CLAIMS_KEY]
        claims = Claims(
            credential_id=uuid.UUID(bytes=bytes(data[_CTI])),
            issuer=str(data[_ISS]),
            surname=str(own["fn"]),
            given_names=str(own["gn"]),
            birth_date=dt.date.fromisoformat(own["dob"]),
            registration_number=str(own["reg"]),
            consular_district=str(own["cd"]),
            status=str(own["st"]),
            status_index=int(own["sli"]),
            issued_at=time_from_claim(data[_IAT]),
            valid_until=time_from_claim(data[_EXP]),
        )
    except MalformedCredential:
        raise
    except (cbor2.CBORDecodeError, KeyError, TypeError, ValueError) as exc:
        raise MalformedCredential("the claims are incomplete") from exc
    if claims.status_index < 0:
        raise MalformedCredential("the status index is negative")
    return claims


def cose_signing_key(key: SigningKey) -> COSEKeyInterface:
    return COSEKey.from_pem(key.to_pem(), kid=key_id_bytes(key.kid))


def cose_verifying_key(key: PublishedKey) -> COSEKeyInterface:
    # COSE_Key of an Ed25519 public key: kty OKP (1), crv Ed25519 (-1: 6), x (-2), kid (2), alg (3).
    return COSEKey.new({1: 1, -1: 6, -2: raw_public_key(key.public_key), 2: key_id_bytes(key.kid), 3: ALGORITHM})


def sign_cose(payload: bytes, key: SigningKey, *, content_type: int | str) -> bytes:
    """A COSE_Sign1 message of ``payload``, with the pinned algorithm, the key id and the content
    type in the protected header."""
    protected = {_ALG: ALGORITHM, _KID: key_id_bytes(key.kid), _TYP: content_type}
    signed = COSE.new().encode_and_sign(payload, cose_signing_key(key), protected=protected, unprotected={})
    assert isinstance(signed, bytes)
    return signed


def sign(claims: Claims, key: SigningKey) -> str:
    """The credential's text: ``MK1:`` + Base45(zlib(COSE_Sign1(CWT claims)))."""
    signed = sign_cose(encode_claims(claims), key, content_type=CONTENT_TYPE_CWT)
    encoded: bytes = base45.b45encode(zlib.compress(signed, 9))
    return PREFIX + encoded.decode("ascii")


def inflate_limited(data: bytes, limit: int) -> bytes:
    """zlib data inflated to at most ``limit`` bytes, whole and with nothing after it."""
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(data, limit)
    except zlib.error as exc:
        raise MalformedCredential("not zlib data, or damaged") from exc
    if inflater.unconsumed_tail:
        raise MalformedCredential("too large")
    if not inflater.eof:
        raise MalformedCredential("cut off")
    if inflater.unused_data:
        raise MalformedCredential("something follows the credential")
    return inflated


def decode_text(text: str | bytes) -> bytes:
    """The COSE message inside a credential's text.

    Line breaks and tabs (from a copied, wrapped or printed text) are dropped and the text is
    trimmed: Base45 has a space in its alphabet, but never ends with one (the last character of a
    group is at most the 33rd of the alphabet), so trimming never cuts a credential.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("ascii")
        except UnicodeDecodeError as exc:
            raise MalformedCredential("not text") from exc
    if len(text) > MAX_TEXT_LENGTH:
        raise MalformedCredential("too long")
    text = text.replace("\r", "").replace("\n", "").replace("\t", "").strip(" ")
    if not text.startswith(PREFIX):
        raise MalformedCredential(f"it does not start with {PREFIX}")
    try:
        compressed: bytes = base45.b45decode(text[len(PREFIX) :])
    except ValueError as exc:
        raise MalformedCredential("not Base45") from exc
    return inflate_limited(compressed, MAX_TOKEN_BYTES)


@dataclass(frozen=True)
class SignedMessage:
    """A COSE_Sign1 message read without checking its signature: its headers and payload."""

    protected: dict[Any, Any]
    unprotected: dict[Any, Any]
    payload: bytes
    raw: bytes

    @property
    def algorithm(self) -> Any:
        return self.protected.get(_ALG)

    @property
    def content_type(self) -> Any:
        return self.protected.get(_TYP)

    @property
    def kid(self) -> str | None:
        kid = self.protected.get(_KID, self.unprotected.get(_KID))
        return key_id_text(kid) if isinstance(kid, bytes) and kid else None


def read_cose(data: bytes) -> SignedMessage:
    """The parts of a COSE_Sign1 message (tagged 18, or untagged as some issuers send it)."""
    try:
        message = cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise MalformedCredential("not CBOR") from exc
    if isinstance(message, cbor2.CBORTag):
        if message.tag != _COSE_SIGN1_TAG:
            raise MalformedCredential("not a COSE_Sign1 message")
        message = message.value
    if not isinstance(message, list) or len(message) != 4:
        raise MalformedCredential("not a COSE_Sign1 message")
    protected_bytes, unprotected, payload, signature = message
    if not isinstance(protected_bytes, bytes) or not isinstance(unprotected, dict):
        raise MalformedCredential("bad COSE headers")
    if not isinstance(payload, bytes) or not isinstance(signature, bytes):
        raise MalformedCredential("no payload or signature")
    try:
        protected = cbor2.loads(protected_bytes) if protected_bytes else {}
    except (cbor2.CBORDecodeError, ValueError, TypeError) as exc:
        raise MalformedCredential("bad protected header") from exc
    if not isinstance(protected, dict):
        raise MalformedCredential("bad protected header")
    return SignedMessage(protected=protected, unprotected=unprotected, payload=payload, raw=data)


def read_claims(text: str) -> Claims:
    """The claims of a credential's text *without checking its signature*: for the issuer's own
    stored credentials (to see whether they still say what the register says), never for a
    credential someone presents."""
    return decode_claims(read_cose(decode_text(text)).payload)


class SignatureProblem(Exception):
    """Why a COSE message's signature is not accepted: its :class:`Outcome`."""

    def __init__(self, outcome: Outcome, kid: str | None = None) -> None:
        super().__init__(str(outcome))
        self.outcome = outcome
        self.kid = kid


def verify_cose(data: bytes, keyset: KeySet, *, content_type: int | str) -> SignedMessage:
    """Check a COSE_Sign1 message against the key set: the pinned algorithm in the protected
    header, the content type, a published key that is not withdrawn, and the signature.
    Raises :class:`MalformedCredential` or :class:`SignatureProblem`."""
    message = read_cose(data)
    if message.algorithm != ALGORITHM or _ALG in message.unprotected:
        raise SignatureProblem(Outcome.WRONG_ALGORITHM, message.kid)
    if message.content_type != content_type:
        raise MalformedCredential("another kind of signed document")
    key = keyset.get(message.kid) if message.kid else None
    if key is None:
        raise SignatureProblem(Outcome.UNKNOWN_KEY, message.kid)
    try:
        COSE.new().decode(data, [cose_verifying_key(key)])
    except (CWTError, ValueError, TypeError) as exc:
        raise SignatureProblem(Outcome.FORGED, key.kid) from exc
    if key.state == KeyState.RETIRED:
        raise SignatureProblem(Outcome.RETIRED_KEY, key.kid)
    return message


def verify(
    text: str | bytes,
    keyset: KeySet,
    *,
    now: dt.datetime,
    revoked: Container[int] | None = None,
    leeway: dt.timedelta = LEEWAY,
) -> Verdict:
    """What a credential's text is worth, from the key set alone (offline).

    ``revoked`` holds the status-list indexes of withdrawn credentials — a verified
    :class:`~.status.StatusList` offline, the register online; without it revocation is not
    checked (the verdict says so). Revoked comes before expired, expired before not yet valid.
    """
    try:
        data = decode_text(text)
        message = verify_cose(data, keyset, content_type=CONTENT_TYPE_CWT)
        claims = decode_claims(message.payload)
    except MalformedCredential:
        return Verdict(Outcome.MALFORMED)
    except SignatureProblem as problem:
        return Verdict(problem.outcome, key_id=problem.kid)
    checked = revoked is not None
    if revoked is not None and claims.status_index in revoked:
        outcome = Outcome.REVOKED
    elif now >= claims.valid_until + leeway:
        outcome = Outcome.EXPIRED
    elif now + leeway < claims.issued_at:
        outcome = Outcome.NOT_YET_VALID
    else:
        outcome = Outcome.VALID
    return Verdict(outcome, claims=claims, key_id=message.kid, revocation_checked=checked)
