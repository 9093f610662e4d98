"""Issuing and revoking registration credentials, each in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.credentials.claims import Holder, end_of_day, holder_of, valid_until
from mekendesh.credentials.keys import CredentialKeyUnavailable, issuing_key, published_keyset
from mekendesh.credentials.models import OFFICER_REASONS, Credential, RevocationReason
from mekendesh.credentials.selectors import STATUS_LIST_CACHE_KEY
from mekendesh.lib.credential import Claims, KeySet, KeyState, MalformedCredential, SigningKey, read_claims, sign
from mekendesh.people.models import Stay, StayStatus

logger = logging.getLogger(__name__)

# Tries at a free status-list index when two credentials are issued at the same moment.
_INDEX_TRIES = 5


def _holder_of_credential(credential: Credential) -> Holder | None:
    try:
        claims = read_claims(credential.token)
    except MalformedCredential:
        return None
    return Holder(
        surname=claims.surname,
        given_names=claims.given_names,
        birth_date=claims.birth_date,
        registration_number=claims.registration_number,
        consular_district=claims.consular_district,
        status=claims.status,
    )


def credential_in_force(credential: Credential, *, holder: Holder, keyset: KeySet, now: dt.datetime) -> bool:
    """Whether a stored credential can be handed out again instead of a new one: not revoked, not
    expired nor valid past the stay's departure date, signed with a key still published and not
    withdrawn, and saying what the register says now (a corrected name needs a new credential)."""
    key = keyset.get(credential.key_id)
    departure = credential.stay.departure_date
    return (
        credential.revoked_at is None
        and credential.valid_until > now
        and (departure is None or credential.valid_until <= end_of_day(departure))
        and key is not None
        and key.state != KeyState.RETIRED
        and _holder_of_credential(credential) == holder
    )


def _next_status_index() -> int:
    last = Credential.objects.aggregate(last=Max("status_index"))["last"]
    return 0 if last is None else last + 1


def _revoke(*, actor: Any, credential: Credential, reason: str, note: str = "") -> Credential:
    credential.revoked_at = timezone.now()
    credential.revocation_reason = reason
    credential.revocation_note = note
    credential.revoked_by = actor if getattr(actor, "pk", None) else None
    credential.save(update_fields=["revoked_at", "revocation_reason", "revocation_note", "revoked_by"])
    transaction.on_commit(lambda: cache.delete(STATUS_LIST_CACHE_KEY))
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=credential,
        person=credential.person,
        fields=["revoked_at", "revocation_reason", "revocation_note"],
    )
    return credential


def _create(*, actor: Any, stay: Stay, holder: Holder, key: SigningKey, issuer: str, now: dt.datetime) -> Credential:
    until = valid_until(stay, issued_at=now)
    for attempt in range(_INDEX_TRIES):
        credential_id = uuid.uuid4()
        index = _next_status_index()
        claims = Claims(
            credential_id=credential_id,
            issuer=issuer,
            surname=holder.surname,
            given_names=holder.given_names,
            birth_date=holder.birth_date,
            registration_number=holder.registration_number,
            consular_district=holder.consular_district,
            status=holder.status,
            status_index=index,
            issued_at=now,
            valid_until=until,
        )
        try:
            with transaction.atomic():
                return Credential.objects.create(
                    public_id=credential_id,
                    stay=stay,
                    person=stay.person,
                    key_id=key.kid,
                    issued_at=now,
                    valid_until=until,
                    status_index=index,
                    token=sign(claims, key),
                    issued_by=actor if getattr(actor, "pk", None) else None,
                )
        except IntegrityError:
            # Another credential took the index in the meantime; any other conflict (a second
            # credential of the stay) is a mistake and is raised on the last try.
            if attempt == _INDEX_TRIES - 1:
                raise
    raise AssertionError("unreachable")


def credential_issue(*, actor: Any, stay: Stay) -> Credential:
    """The credential of a verified stay: the one it has while that is in force, else a new one
    (an earlier one no longer in force is revoked as replaced). Asked by an officer of the stay's
    district or by the migrant whose stay it is.

    Refused with ``PermissionDenied`` for anyone else, ``ValidationError`` for a stay that is not
    verified, and :class:`~mekendesh.credentials.keys.CredentialKeyUnavailable` when no key may
    sign (production without a configured key).
    """
    if not can(actor, "credential.issue", stay):
        raise PermissionDenied(_("You may not do this."))
    return _issue(actor=actor, stay=stay)


def _issue(*, actor: Any, stay: Stay) -> Credential:
    key = issuing_key()
    keyset = published_keyset()
    with transaction.atomic():
        locked = (
            Stay.objects.select_for_update(of=("self",))
            .select_related("person", "consular_district")
            .prefetch_related("person__names")
            .get(pk=stay.pk)
        )
        if locked.status != StayStatus.VERIFIED:
            raise ValidationError(_("Only a verified stay has a registration credential."), code="not_verified")
        holder = holder_of(locked)
        now = timezone.now()
        current = Credential.objects.filter(stay=locked, revoked_at__isnull=True).first()
        if current is not None:
            current.stay = locked
            if credential_in_force(current, holder=holder, keyset=keyset, now=now):
                return current
            _revoke(actor=actor, credential=current, reason=RevocationReason.REPLACED)
        credential = _create(actor=actor, stay=locked, holder=holder, key=key, issuer=keyset.issuer, now=now)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=credential,
            person=locked.person,
            fields=["stay", "key_id", "issued_at", "valid_until", "status_index", "token"],
        )
        return credential


def credential_revoke(*, actor: Any, credential: Credential, reason: str, note: str = "") -> Credential:
    """Withdraw a credential: from now on its bit is set in the status list and the verification
    page says "revoked". An officer of the stay's district gives one of the officers' reasons;
    "the stay ended" is given by whoever ended the stay, and only once it has ended. Revoking a
    revoked credential changes nothing."""
    stay = credential.stay
    if reason == RevocationReason.STAY_ENDED:
        if stay.status != StayStatus.ENDED:
            raise ValidationError(_("The stay has not ended."), code="stay_not_ended")
    elif reason not in OFFICER_REASONS:
        raise ValidationError(_("Choose a reason for the revocation."), code="reason")
    elif not can(actor, "credential.revoke", stay):
        raise PermissionDenied(_("You may not do this."))
    with transaction.atomic():
        locked = Credential.objects.select_for_update(of=("self",)).select_related("person").get(pk=credential.pk)
        if locked.revoked_at is not None:
            return locked
        return _revoke(actor=actor, credential=locked, reason=reason, note=note.strip()[:300])


def credentials_follow_stay(*, actor: Any, stay: Stay) -> list[Credential]:
    """After a stay moved in its workflow (a move the workflow already allowed): a verified stay
    gets its credential, an ended stay's credentials are revoked. What cannot be done now (no
    signing key, a stay without a district) is logged and left to the nightly reconciliation:
    the stay's move itself stands."""
    if stay.status == StayStatus.VERIFIED:
        try:
            return [_issue(actor=actor, stay=stay)]
        except (CredentialKeyUnavailable, ValidationError, PermissionDenied) as exc:
            logger.warning("No credential issued for stay %s: %s", stay.pk, exc)
            return []
    if stay.status == StayStatus.ENDED:
        return [
            credential_revoke(actor=actor, credential=credential, reason=RevocationReason.STAY_ENDED)
            for credential in Credential.objects.filter(stay=stay, revoked_at__isnull=True).select_related("stay")
        ]
    return []


@dataclass
class ReconcileReport:
    revoked: int = 0
    issued: int = 0
    checked: int = 0
    failed: int = 0


def credentials_to_reconcile(*, now: dt.datetime, keyset: KeySet) -> tuple[Any, Any]:
    """What the nightly reconciliation looks at: credentials in force whose stay is no longer
    verified, and the verified stays without a credential in force (none, expired, signed with a
    withdrawn key, or their person changed since it was issued)."""
    withdrawn = [key.kid for key in keyset.keys if key.state == KeyState.RETIRED]
    stale = Credential.objects.filter(revoked_at__isnull=True).exclude(stay__status=StayStatus.VERIFIED)
    good = Credential.objects.filter(
        stay=OuterRef("pk"), revoked_at__isnull=True, valid_until__gt=now, issued_at__gte=F("person__updated_at")
    ).exclude(key_id__in=withdrawn)
    missing = Stay.objects.filter(status=StayStatus.VERIFIED).filter(~Exists(good)).order_by("pk")
    return stale.select_related("stay").order_by("pk"), missing


def credential_reconcile(
    *, actor: Any = None, after_stay: int = 0, on_stay: Callable[[int, ReconcileReport], None] | None = None
) -> ReconcileReport:
    """Bring credentials in line with the register: revoke those of stays that ended, issue (or
    renew) those of verified stays — the system's work, recorded under ``actor`` (the
    administrator who started it, or nobody for the scheduler). Resumable: stays up to ``after_stay`` are skipped, and
    ``on_stay(stay_id, report)`` is called after each."""
    report = ReconcileReport()
    keyset = published_keyset()
    stale, missing = credentials_to_reconcile(now=timezone.now(), keyset=keyset)
    for credential in stale:
        reason = RevocationReason.STAY_ENDED if credential.stay.status == StayStatus.ENDED else None
        with transaction.atomic():
            locked = Credential.objects.select_for_update(of=("self",)).select_related("person").get(pk=credential.pk)
            if locked.revoked_at is None:
                _revoke(actor=actor, credential=locked, reason=reason or RevocationReason.ISSUED_IN_ERROR)
                report.revoked += 1
    for stay in missing.filter(pk__gt=after_stay).iterator(chunk_size=500):
        report.checked += 1
        before = Credential.objects.filter(stay=stay, revoked_at__isnull=True).values_list("pk", flat=True).first()
        try:
            credential = _issue(actor=actor, stay=stay)
        except ValidationError as exc:
            report.failed += 1
            logger.warning("No credential issued for stay %s: %s", stay.pk, " ".join(exc.messages))
        else:
            if credential.pk != before:
                report.issued += 1
        if on_stay is not None:
            on_stay(stay.pk, report)
    return report
