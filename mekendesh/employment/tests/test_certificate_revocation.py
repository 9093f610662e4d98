"""An employment officer revokes a course certificate with a reason: the public check then says it
is revoked (and since when), the participant reads why in her account, and the certificates' signed
status list — the registration credentials' format, the same key — sets its bit for offline
checks. A revocation without a reason, twice, or of a certificate that was never issued is
refused."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mekendesh.audit.models import AuditEvent
from mekendesh.credentials.keys import issuing_key, published_keyset
from mekendesh.employment.models import Enrolment
from mekendesh.employment.services import (
    certificate_revoke,
    enrolment_attendance,
    enrolment_complete,
    enrolment_make,
)
from mekendesh.lib.credential import STATUS_LIST_TYPE, Outcome, StatusListProblem, status_list_read
from mekendesh.lib.credential.certificate import Certificate, certificate_sign, certificate_verify

REASON = "Attendance records were falsified: decision No. 7 of 12.03.2026."


def completed(course, user, officer) -> Enrolment:
    enrolment, _ = enrolment_make(actor=user, course=course)
    enrolment_attendance(actor=officer, enrolment=enrolment, days_attended=2)
    return enrolment_complete(actor=officer, enrolment=enrolment)


@pytest.fixture
def certificate(course, aigerim, employment_officer) -> Enrolment:
    return completed(course, aigerim.account, employment_officer)


def check(client, text: str) -> str:
    return html.unescape(client.post(reverse("employment:certificate_verify"), {"certificate": text}).content.decode())


def status_list(client):
    response = client.get(reverse("employment:certificate_status"))
    assert response.status_code == 200 and response["Content-Type"] == STATUS_LIST_TYPE
    return status_list_read(response.content, published_keyset(), now=timezone.now())


def test_a_revoked_certificate_is_reported_revoked_by_the_public_check_with_its_date(
    client, sign_in, employment_officer, certificate, django_capture_on_commit_callbacks
):
    assert "Genuine: the ministry issued this certificate" in check(client, certificate.certificate)
    officer = sign_in(employment_officer)
    with django_capture_on_commit_callbacks(execute=True):
        done = officer.post(
            reverse("staff:employment_enrolment", kwargs={"enrolment_id": certificate.public_id}),
            {"action": "revoke", "reason": REASON},
            follow=True,
        )
    assert "its verification now says so" in html.unescape(done.content.decode())
    answer = check(client, certificate.certificate)
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert 'data-outcome="revoked"' in answer
    assert f"Revoked: the ministry withdrew this certificate on {today}. Do not accept it." in answer
    assert "Genuine" not in answer
    assert REASON not in answer  # the reason is for the participant and the staff, not for whoever checks


def test_the_participant_reads_that_her_certificate_was_revoked_and_why(client, employment_officer, certificate):
    certificate_revoke(actor=employment_officer, enrolment=certificate, reason=REASON)
    page = html.unescape(
        client.get(
            reverse("migrant:employment_certificate", kwargs={"enrolment_id": certificate.public_id})
        ).content.decode()
    )
    assert "This certificate was revoked on" in page and REASON in page
    assert "<svg" not in page  # no code to show to an employer
    assert "certificate revoked" in html.unescape(client.get(reverse("migrant:employment")).content.decode())


def test_a_revocation_without_a_reason_is_refused_and_the_certificate_stays_genuine(
    client, sign_in, employment_officer, certificate
):
    with pytest.raises(ValidationError) as refused:
        certificate_revoke(actor=employment_officer, enrolment=certificate, reason="  ")
    assert "Give the reason for the revocation" in refused.value.message_dict["reason"][0]
    page = sign_in(employment_officer).post(
        reverse("staff:employment_enrolment", kwargs={"enrolment_id": certificate.public_id}),
        {"action": "revoke", "reason": ""},
        follow=True,
    )
    assert "Give the reason for the revocation" in html.unescape(page.content.decode())
    certificate.refresh_from_db()
    assert certificate.revoked_at is None and certificate.revocation_reason == ""
    assert "Genuine: the ministry issued this certificate" in check(client, certificate.certificate)


def test_a_certificate_is_revoked_once_and_only_a_completed_course_has_one_to_revoke(
    course, aigerim, other_migrants, employment_officer, certificate
):
    revoked = certificate_revoke(actor=employment_officer, enrolment=certificate, reason=REASON)
    with pytest.raises(ValidationError) as again:
        certificate_revoke(actor=employment_officer, enrolment=certificate, reason="Another reason")
    assert "This certificate was revoked already, on" in again.value.messages[0]
    certificate.refresh_from_db()
    assert (certificate.revocation_reason, certificate.revoked_at) == (REASON, revoked.revoked_at)
    enrolled, _ = enrolment_make(actor=other_migrants[0], course=course)
    with pytest.raises(ValidationError) as none:
        certificate_revoke(actor=employment_officer, enrolment=enrolled, reason=REASON)
    assert "Only the certificate of a completed course can be revoked." in none.value.messages


def test_only_employment_staff_revoke_a_certificate(aigerim, certificate, coordinator):
    from django.core.exceptions import PermissionDenied

    for someone in (aigerim.account, coordinator):
        with pytest.raises(PermissionDenied):
            certificate_revoke(actor=someone, enrolment=certificate, reason=REASON)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_the_revocation_is_audited(employment_officer, certificate):
    certificate_revoke(actor=employment_officer, enrolment=certificate, reason=REASON)
    row = AuditEvent.objects.filter(object_type="employment.enrolment", action=AuditEvent.Action.UPDATE).last()
    assert row is not None
    assert row.actor_id == employment_officer.pk and set(row.fields) == {"revoked_at", "revocation_reason"}


def test_the_signed_status_list_sets_the_revoked_certificates_bit_for_an_offline_check(
    client, course, other_migrants, employment_officer, certificate, django_capture_on_commit_callbacks
):
    other = completed(course, other_migrants[0], employment_officer)
    assert {certificate.status_index, other.status_index} == {0, 1}
    keys = published_keyset()
    before = status_list(client)
    assert certificate_verify(certificate.certificate, keys, revoked=before).outcome == Outcome.VALID
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(actor=employment_officer, enrolment=certificate, reason=REASON)
    after = status_list(client)  # the cached list was dropped by the revocation
    assert certificate.status_index in after and other.status_index not in after
    offline = certificate_verify(certificate.certificate, keys, revoked=after)
    assert offline.outcome == Outcome.REVOKED
    assert offline.certificate is not None and offline.certificate.participant == certificate.participant_name
    assert certificate_verify(other.certificate, keys, revoked=after).outcome == Outcome.VALID


def test_a_status_list_signed_with_another_key_is_refused_offline(client, certificate):
    from mekendesh.lib.credential import KeySet, KeyState, PublishedKey, SigningKey

    stranger = SigningKey.generate()
    keys = KeySet(issuer=published_keyset().issuer, keys=(PublishedKey(stranger.public_key, KeyState.ACTIVE),))
    response = client.get(reverse("employment:certificate_status"))
    with pytest.raises(StatusListProblem):
        status_list_read(response.content, keys, now=timezone.now())


def test_a_certificate_issued_before_the_status_list_is_still_reported_revoked_online(
    client, course, aigerim, employment_officer, certificate
):
    """A certificate of the first version carries no status index: the online check finds its
    revocation by the certificate's id."""
    old = certificate_sign(
        Certificate(
            certificate_id=certificate.public_id,
            issuer=published_keyset().issuer,
            participant=certificate.participant_name,
            course=course.title,
            provider=course.provider,
            topic=course.topic,
            starts_on=course.starts_on,
            ends_on=course.ends_on,
            completed_on=dt.date.today(),
            issued_at=timezone.now(),
        ),
        issuing_key(),
    )
    assert "Genuine: the ministry issued this certificate" in check(client, old)
    certificate_revoke(actor=employment_officer, enrolment=certificate, reason=REASON)
    assert 'data-outcome="revoked"' in check(client, old)
