"""A credential is revoked when its stay ends, or by an officer of the stay's district with a
reason; verifiers learn it from the signed status list (offline) or the verification page (online)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mekendesh.audit.models import AuditEvent
from mekendesh.credentials.models import Credential, RevocationReason
from mekendesh.credentials.services import credential_revoke
from mekendesh.lib.credential import KeySet, Outcome, status_list_read, verify


def offline_check(client, credential):
    """What a border post finds with the files it downloaded: the key set and the status list."""
    keyset = KeySet.from_json(client.get(reverse("credentials:keys")).content)
    status = status_list_read(client.get(reverse("credentials:status")).content, keyset, now=timezone.now())
    return verify(credential.token, keyset, now=timezone.now(), revoked=status)


def test_ending_the_stay_revokes_its_credential(client, verified_stay, credential, django_capture_on_commit_callbacks):
    from mekendesh.people.services import stay_end

    assert offline_check(client, credential).outcome == Outcome.VALID
    with django_capture_on_commit_callbacks(execute=True):
        stay_end(actor=verified_stay.person.account, stay=verified_stay, departure_date=timezone.localdate())
    credential.refresh_from_db()
    assert credential.revocation_reason == RevocationReason.STAY_ENDED and credential.revoked_at is not None
    assert credential.revoked_by == verified_stay.person.account
    assert offline_check(client, credential).outcome == Outcome.REVOKED
    revoked = AuditEvent.objects.get(action="update", object_id=str(credential.public_id))
    assert "revoked_at" in revoked.fields and revoked.actor == verified_stay.person.account


def test_an_officer_of_the_district_revokes_with_a_reason_and_the_page_says_revoked(
    sign_in, client, officer_moscow, verified_stay, credential
):
    officer = sign_in(officer_moscow)
    response = officer.post(
        reverse("staff:credential_revoke", kwargs={"stay_id": verified_stay.pk}),
        {"reason": "lost", "note": "phone stolen"},
        follow=True,
    )
    assert "The credential is revoked" in response.text
    credential.refresh_from_db()
    assert (credential.revocation_reason, credential.revocation_note) == ("lost", "phone stolen")
    assert credential.revoked_by == officer_moscow
    page = client.post(reverse("credentials:verify"), {"credential": credential.token})
    assert "Revoked: the ministry has withdrawn this credential." in page.text
    assert offline_check(client, credential).outcome == Outcome.REVOKED


def test_a_revocation_without_a_reason_changes_nothing(sign_in, officer_moscow, verified_stay, credential):
    response = sign_in(officer_moscow).post(
        reverse("staff:credential_revoke", kwargs={"stay_id": verified_stay.pk}), {"reason": ""}, follow=True
    )
    assert "Choose a reason for the revocation." in response.text
    credential.refresh_from_db()
    assert credential.revoked_at is None


def test_an_officer_of_another_district_cannot_revoke_it(sign_in, officer_other, verified_stay, credential):
    response = sign_in(officer_other).post(
        reverse("staff:credential_revoke", kwargs={"stay_id": verified_stay.pk}), {"reason": "lost"}
    )
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        credential_revoke(actor=officer_other, credential=credential, reason="lost")
    credential.refresh_from_db()
    assert credential.revoked_at is None


def test_the_stay_ended_reason_is_refused_while_the_stay_goes_on(officer_moscow, credential):
    with pytest.raises(ValidationError, match="not ended"):
        credential_revoke(actor=officer_moscow, credential=credential, reason=RevocationReason.STAY_ENDED)


def test_revoking_twice_changes_nothing(officer_moscow, credential):
    first = credential_revoke(actor=officer_moscow, credential=credential, reason="lost", note="first")
    again = credential_revoke(actor=officer_moscow, credential=credential, reason="data_wrong", note="second")
    assert (again.revoked_at, again.revocation_note) == (first.revoked_at, "first")


def test_the_status_list_is_signed_public_and_covers_every_credential(
    client, credential, officer_moscow, django_capture_on_commit_callbacks
):
    response = client.get(reverse("credentials:status"))
    assert response["Content-Type"] == "application/statuslist+cwt"
    assert "public" in response["Cache-Control"]
    keyset = KeySet.from_json(client.get(reverse("credentials:keys")).content)
    status = status_list_read(response.content, keyset, now=timezone.now())
    assert credential.status_index not in status and len(status.bits) * 8 > credential.status_index
    with django_capture_on_commit_callbacks(execute=True):
        credential_revoke(actor=officer_moscow, credential=credential, reason="issued_in_error")
    status = status_list_read(client.get(reverse("credentials:status")).content, keyset, now=timezone.now())
    assert credential.status_index in status and status.revoked_count == 1


def test_a_stay_verified_again_after_a_revocation_gets_a_new_credential(verified_stay, credential, officer_moscow):
    from mekendesh.credentials.services import credential_issue

    credential_revoke(actor=officer_moscow, credential=credential, reason="lost")
    fresh = credential_issue(actor=officer_moscow, stay=verified_stay)
    assert fresh.pk != credential.pk and Credential.objects.filter(stay=verified_stay, revoked_at=None).count() == 1
