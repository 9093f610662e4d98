"""Reads of the employment module. What the public sees starts here: only vetted offers still open
whose agency's licence is valid (:func:`offers_public`). The certificates' revocation status list
(:func:`certificate_status_list_signed`) has the form of the registration credentials' list and
is signed with the same key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_record_many
from mekendesh.credentials.keys import issuing_key, published_keyset
from mekendesh.employment.keys import licence_key, name_query_key
from mekendesh.employment.models import (
    Agency,
    AgencyWarning,
    Course,
    Enrolment,
    EnrolmentStatus,
    LicenceStatus,
    Offer,
    OfferQuestion,
    OfferStatus,
    SavedOffer,
)
from mekendesh.employment.workflows import LICENCE
from mekendesh.lib.credential import Outcome, StatusList, status_list_sign
from mekendesh.lib.credential.certificate import CertificateVerdict, certificate_verify
from mekendesh.workflows.models import WorkflowAction
from mekendesh.workflows.services import workflow_history

MAX_LICENCE_ANSWERS = 20
# The certificates' signed status list is kept this long (seconds); a revocation drops it at once.
CERTIFICATE_STATUS_LIST_CACHE_SECONDS = 300
CERTIFICATE_STATUS_LIST_CACHE_KEY = "employment:certificate-status-list"


def offers_public(*, today: dt.date | None = None) -> QuerySet[Offer]:
    """Vetted offers still open, of agencies whose licence is valid today."""
    today = today or timezone.localdate()
    return (
        Offer.objects.filter(
            status=OfferStatus.VETTED,
            expires_on__gte=today,
            agency__status=LicenceStatus.VALID,
            agency__valid_until__gte=today,
            agency__valid_from__lte=today,
        )
        .select_related("agency", "country")
        .order_by("expires_on", "id")
    )


def offers_public_filtered(*, country: str = "", occupation: str = "") -> QuerySet[Offer]:
    """Public offers in a country (ISO code) and of an occupation group (an ISCO-08 code: a major
    group's digit, a sub-major group's two, or a unit group's four)."""
    offers = offers_public()
    if country:
        offers = offers.filter(country__code=country)
    if occupation:
        offers = offers.filter(isco_code__startswith=occupation)
    return offers


@dataclass(frozen=True)
class HistoryLine:
    """One move of a licence as the public reads it: when, to which status, and why."""

    at: dt.datetime
    to_state: str
    state_label: str
    note: str


@dataclass
class LicenceAnswer:
    query: str
    agencies: list[Agency] = field(default_factory=list)
    warnings: list[AgencyWarning] = field(default_factory=list)
    history: dict[int, list[HistoryLine]] = field(default_factory=dict)

    @property
    def rows(self) -> list[tuple[Agency, list[HistoryLine]]]:
        return [(agency, self.history.get(agency.pk, [])) for agency in self.agencies]

    @property
    def found(self) -> bool:
        return bool(self.agencies or self.warnings)


def licence_check(*, query: str) -> LicenceAnswer:
    """The agencies whose licence number or name a query gives (the number tolerant of case,
    spaces, dashes and Cyrillic look-alike letters; the name in either script), with each licence's
    history, and the warnings about recruiters of that name."""
    answer = LicenceAnswer(query=query)
    number = licence_key(query)
    words = name_query_key(query)
    if not number and not words:
        return answer
    agencies = list(Agency.objects.filter(licence_key=number).prefetch_related("countries")) if number else []
    if not agencies and words:
        agencies = list(
            Agency.objects.filter(name_key__contains=words).prefetch_related("countries")[:MAX_LICENCE_ANSWERS]
        )
    answer.agencies = agencies
    if words:
        answer.warnings = list(AgencyWarning.objects.filter(name_key__contains=words)[:MAX_LICENCE_ANSWERS])
    found_ids = {agency.pk for agency in agencies}
    if found_ids:
        answer.warnings += [
            warning
            for warning in AgencyWarning.objects.filter(agency__in=found_ids)
            if warning.pk not in {item.pk for item in answer.warnings}
        ]
    states = dict(LicenceStatus.choices)
    answer.history = {
        agency.pk: [
            HistoryLine(
                at=move.at, to_state=move.to_state, state_label=str(states.get(move.to_state, "")), note=move.note
            )
            for move in licence_history(agency=agency)
        ]
        for agency in agencies
    }
    return answer


def licence_history(*, agency: Agency) -> list[WorkflowAction]:
    return [action for action in workflow_history(obj=agency) if action.workflow == LICENCE.name]


def courses_open(*, today: dt.date | None = None) -> QuerySet[Course]:
    today = today or timezone.localdate()
    return Course.objects.filter(ends_on__gte=today).select_related("destination").order_by("starts_on", "id")


def seats_left(course: Course) -> int:
    taken = course.enrolments.filter(status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED]).count()
    return max(course.seats - taken, 0)


def my_saved_offers(*, user: Any) -> list[SavedOffer]:
    return list(SavedOffer.objects.filter(user=user).select_related("offer", "offer__agency", "offer__country"))


def my_questions(*, user: Any) -> list[OfferQuestion]:
    """The migrant's questions, newest first, with the answers they got."""
    return list(OfferQuestion.objects.filter(user=user).select_related("offer"))


def questions_for_staff() -> QuerySet[OfferQuestion]:
    """Every question, those still waiting for an answer first (oldest first: asked longest ago),
    then the answered ones, latest answer first."""
    return OfferQuestion.objects.select_related("offer", "offer__agency", "user", "answered_by").order_by(
        F("answered_at").desc(nulls_first=True), "asked_at", "id"
    )


def questions_unanswered_count() -> int:
    return OfferQuestion.objects.filter(answered_at__isnull=True).count()


def question_for_staff(*, question_id: Any) -> OfferQuestion | None:
    return (
        OfferQuestion.objects.select_related("offer", "offer__agency", "offer__country", "user", "answered_by")
        .filter(public_id=question_id)
        .first()
    )


def my_enrolments(*, user: Any) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(user=user).exclude(status=EnrolmentStatus.CANCELLED).select_related("course")


@dataclass(frozen=True)
class CertificateCheck:
    verdict: CertificateVerdict
    on_record: bool  # the ministry's records still hold the completion the certificate states
    revoked_on: dt.date | None = None  # when the certificate was revoked, if it was

    @property
    def revoked(self) -> bool:
        return self.verdict.outcome == Outcome.REVOKED


class CertificateRevocations:
    """The register as the certificates' revocation list for :func:`certificate_verify` (the online
    check): ``index in CertificateRevocations()`` asks whether that certificate is revoked now."""

    def __contains__(self, index: object) -> bool:
        if not isinstance(index, int):
            return False
        return Enrolment.objects.filter(status_index=index, revoked_at__isnull=False).exists()


def certificate_check(*, text: str) -> CertificateCheck:
    """A certificate's signature against the published keys, whether it was revoked (by its
    status-list index, or — for a certificate issued before the list — by its id), and whether
    the completion it states is still on record."""
    verdict = certificate_verify(text, published_keyset(), revoked=CertificateRevocations())
    if verdict.certificate is None:
        return CertificateCheck(verdict=verdict, on_record=False)
    enrolment = Enrolment.objects.filter(
        public_id=verdict.certificate.certificate_id, status=EnrolmentStatus.COMPLETED
    ).first()
    if enrolment is not None and enrolment.revoked_at is not None:
        verdict = CertificateVerdict(Outcome.REVOKED, verdict.certificate, verdict.key_id)
        return CertificateCheck(verdict=verdict, on_record=True, revoked_on=timezone.localdate(enrolment.revoked_at))
    return CertificateCheck(verdict=verdict, on_record=enrolment is not None)


def certificate_status_list(*, now: dt.datetime, issuer: str) -> StatusList:
    """The certificates' revocation status list as of ``now``, covering every index issued so far."""
    revoked = list(
        Enrolment.objects.filter(revoked_at__isnull=False, status_index__isnull=False)
        .order_by()
        .values_list("status_index", flat=True)
    )
    last = (
        Enrolment.objects.filter(status_index__isnull=False)
        .order_by("-status_index")
        .values_list("status_index", flat=True)
        .first()
    )
    return StatusList.build(
        revoked=[index for index in revoked if index is not None],
        size=0 if last is None else last + 1,
        issuer=issuer,
        issued_at=now,
        expires_at=now + dt.timedelta(hours=settings.CREDENTIAL_STATUS_LIST_HOURS),
    )


def certificate_status_list_signed(*, now: dt.datetime) -> bytes:
    """The certificates' signed status list as served, made at most every few minutes (and after
    each revocation), signed with the credentials' key like their own list."""
    signed = cache.get(CERTIFICATE_STATUS_LIST_CACHE_KEY)
    if not isinstance(signed, bytes):
        key = issuing_key()
        signed = status_list_sign(certificate_status_list(now=now, issuer=published_keyset().issuer), key)
        cache.set(CERTIFICATE_STATUS_LIST_CACHE_KEY, signed, timeout=CERTIFICATE_STATUS_LIST_CACHE_SECONDS)
    return signed


def personal_rows_shown(*, actor: Any, rows: Any) -> list[Any]:
    """Enrolments and questions carry a migrant's name and words: an employment officer's page of
    them is read through here, which writes one audit row per row shown (as a search result's
    people are), together."""
    shown = list(rows)
    if shown:
        with transaction.atomic():  # the audit trail is written inside a transaction, also outside a test's
            audit_record_many(
                actor=actor, entries=[AuditEntry(action=AuditEvent.Action.READ, obj=row) for row in shown]
            )
    return shown
