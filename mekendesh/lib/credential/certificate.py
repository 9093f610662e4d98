"""The certificate of a completed course, signed like a registration credential (no Django import).

It is a COSE_Sign1 message (RFC 9052) signed with the credentials' key (:mod:`.token`,
EdDSA, the key id in the protected header) whose content type is :data:`CONTENT_TYPE` and whose
payload is a CBOR map: the issuer, the time of issue, the enrolment's id and what an employer
reads — the participant's name, the course, its provider, topic and dates, and the date of
completion — and the certificate's index in the certificates' revocation status list. Compressed
with zlib and written in Base45 behind the prefix ``MKC1:``, it fits a QR code and is checked
offline from the published key set (``/credentials/keys.json``) alone, and its revocation against
the certificates' signed status list (``/employment/certificates/status``), which has the form of
the registration credentials' list (:mod:`mekendesh.lib.credential.status`). A certificate issued
before the list existed has no index: only the online check knows whether it was revoked.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zlib
from collections.abc import Container
from dataclasses import dataclass
from typing import Any

import base45
import cbor2

from .keys import KeySet, SigningKey
from .token import (
    MalformedCredential,
    Outcome,
    SignatureProblem,
    gettext_noop,
    inflate_limited,
    sign_cose,
    time_from_claim,
    time_to_claim,
    verify_cose,
)

PREFIX = "MKC1:"
CONTENT_TYPE = "application/mekendesh-course-certificate+cwt"
VERSION = 1
MAX_TEXT_LENGTH = 4096
MAX_BYTES = 8192
_ISS, _IAT, _CTI = 1, 6, 7
_CLAIMS = -70002  # private-use claim (RFC 8392 §9.1)


@dataclass(frozen=True)
class Certificate:
    certificate_id: uuid.UUID  # the enrolment's public id
    issuer: str
    participant: str
    course: str
    provider: str
    topic: str
    starts_on: dt.date
    ends_on: dt.date
    completed_on: dt.date
    issued_at: dt.datetime
    status_index: int | None = None  # its bit in the certificates' status list


# What each outcome a certificate can have means, in plain words (translated by the caller). The
# outcomes are the credentials' (:class:`~.token.Outcome`); a certificate does not expire, so it
# is never EXPIRED or NOT_YET_VALID.
CERTIFICATE_MESSAGES: dict[Outcome, str] = {
    Outcome.VALID: gettext_noop("Genuine: the ministry issued this certificate."),
    Outcome.REVOKED: gettext_noop("Revoked: the ministry withdrew this certificate. Do not accept it."),
    Outcome.FORGED: gettext_noop(
        "Forged or altered: the signature does not match what the certificate says. Do not accept it."
    ),
    Outcome.UNKNOWN_KEY: gettext_noop(
        "Unknown signer: the certificate is signed with a key the ministry does not publish. "
        "Get the current published keys; if it is still unknown, do not accept it."
    ),
    Outcome.RETIRED_KEY: gettext_noop(
        "Withdrawn key: the certificate was signed with a key the ministry has withdrawn. Do not accept it."
    ),
    Outcome.WRONG_ALGORITHM: gettext_noop(
        "Refused: the certificate names a signature algorithm that is not accepted. Do not accept it."
    ),
    Outcome.MALFORMED: gettext_noop(
        "Unreadable: this is not a complete certificate. It may be cut off or mistyped; copy it again."
    ),
}


@dataclass(frozen=True)
class CertificateVerdict:
    outcome: Outcome
    certificate: Certificate | None = None  # only when the signature holds (valid or revoked)
    key_id: str | None = None  # the key the certificate names, when it can be read

    @property
    def valid(self) -> bool:
        return self.outcome == Outcome.VALID

    @property
    def message(self) -> str:
        """The outcome in plain English (translate it with the catalogues)."""
        return CERTIFICATE_MESSAGES[self.outcome]


def _payload(certificate: Certificate) -> bytes:
    own: dict[str, Any] = {
        "v": VERSION,
        "n": certificate.participant,
        "c": certificate.course,
        "p": certificate.provider,
        "t": certificate.topic,
        "f": certificate.starts_on.isoformat(),
        "u": certificate.ends_on.isoformat(),
        "d": certificate.completed_on.isoformat(),
    }
    if certificate.status_index is not None:
        own["s"] = certificate.status_index
    return cbor2.dumps(
        {
            _ISS: certificate.issuer,
            _IAT: time_to_claim(certificate.issued_at),
            _CTI: certificate.certificate_id.bytes,
            _CLAIMS: own,
        }
    )


def _read_payload(payload: bytes) -> Certificate:
    try:
        data: Any = cbor2.loads(payload)
        own = data[_CLAIMS]
        index = own.get("s")
        if index is not None and (not isinstance(index, int) or isinstance(index, bool) or index < 0):
            raise MalformedCredential("the status index is not a natural number")
        return Certificate(
            certificate_id=uuid.UUID(bytes=bytes(data[_CTI])),
            issuer=str(data[_ISS]),
            participant=str(own["n"]),
            course=str(own["c"]),
            provider=str(own["p"]),
            topic=str(own["t"]),
            starts_on=dt.date.fromisoformat(own["f"]),
            ends_on=dt.date.fromisoformat(own["u"]),
            completed_on=dt.date.fromisoformat(own["d"]),
            issued_at=time_from_claim(data[_IAT]),
            status_index=index,
        )
    except MalformedCredential:
        raise
    except (cbor2.CBORDecodeError, KeyError, TypeError, ValueError) as exc:
        raise MalformedCredential("the certificate is incomplete") from exc


def certificate_sign(certificate: Certificate, key: SigningKey) -> str:
    """The certificate's text: ``MKC1:`` + Base45(zlib(COSE_Sign1(payload)))."""
    signed = sign_cose(_payload(certificate), key, content_type=CONTENT_TYPE)
    encoded: bytes = base45.b45encode(zlib.compress(signed, 9))
    return PREFIX + encoded.decode("ascii")


def _decode(text: str) -> bytes:
    if len(text) > MAX_TEXT_LENGTH:
        raise MalformedCredential("too long")
    text = text.replace("\r", "").replace("\n", "").replace("\t", "").strip(" ")
    if not text.startswith(PREFIX):
        raise MalformedCredential(f"it does not start with {PREFIX}")
    try:
        compressed: bytes = base45.b45decode(text[len(PREFIX) :])
    except ValueError as exc:
        raise MalformedCredential("not Base45") from exc
    return inflate_limited(compressed, MAX_BYTES)


def certificate_verify(text: str, keyset: KeySet, *, revoked: Container[int] | None = None) -> CertificateVerdict:
    """What a certificate's text is worth, from the published key set alone — and, given
    ``revoked`` (the status-list indexes of withdrawn certificates: a verified
    :class:`~mekendesh.lib.credential.StatusList` offline, the register online), whether it was
    revoked."""
    try:
        message = verify_cose(_decode(text), keyset, content_type=CONTENT_TYPE)
        certificate = _read_payload(message.payload)
    except MalformedCredential:
        return CertificateVerdict(Outcome.MALFORMED)
    except SignatureProblem as problem:
        return CertificateVerdict(problem.outcome, key_id=problem.kid)
    if revoked is not None and certificate.status_index is not None and certificate.status_index in revoked:
        return CertificateVerdict(Outcome.REVOKED, certificate, message.kid)
    return CertificateVerdict(Outcome.VALID, certificate, message.kid)
