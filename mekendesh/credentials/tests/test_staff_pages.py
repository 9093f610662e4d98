"""The credential of a stay in the staff workspace: its officer sees it (and may print it, issue it
again or revoke it), every read is in the audit trail, and no one else reaches it."""

from __future__ import annotations

from django.urls import reverse

from mekendesh.audit.models import AuditEvent


def test_the_person_page_links_a_verified_stay_to_its_credential(sign_in, officer_moscow, verified_stay):
    page = sign_in(officer_moscow).get(reverse("staff:person", kwargs={"public_id": verified_stay.person.public_id}))
    assert reverse("staff:stay_credential", kwargs={"stay_id": verified_stay.pk}) in page.text


def test_the_officer_of_the_district_sees_the_credential_and_the_read_is_audited(
    sign_in, officer_moscow, verified_stay, credential
):
    page = sign_in(officer_moscow).get(reverse("staff:stay_credential", kwargs={"stay_id": verified_stay.pk}))
    assert page.status_code == 200
    assert credential.token in page.text and '<svg viewBox="0 0' in page.text and credential.key_id in page.text
    assert reverse("staff:credential_revoke", kwargs={"stay_id": verified_stay.pk}) in page.text
    read = AuditEvent.objects.get(action="read", object_id=str(credential.public_id))
    assert read.actor == officer_moscow and read.person_id == str(verified_stay.person.public_id)


def test_a_screening_analyst_sees_the_history_but_neither_the_qr_code_nor_the_revocation(
    sign_in, analyst, verified_stay, credential
):
    page = sign_in(analyst).get(reverse("staff:stay_credential", kwargs={"stay_id": verified_stay.pk}))
    assert page.status_code == 200 and credential.key_id in page.text
    assert credential.token not in page.text and "<svg" not in page.text
    assert reverse("staff:credential_revoke", kwargs={"stay_id": verified_stay.pk}) not in page.text
    assert AuditEvent.objects.filter(action="read", object_id=str(credential.public_id), actor=analyst).exists()


def test_an_officer_of_another_district_and_other_roles_get_404(
    sign_in, officer_other, statistician, coordinator, verified_stay, credential
):
    for user in (officer_other, statistician, coordinator, verified_stay.person.account):
        client = sign_in(user)
        for name in ("staff:stay_credential", "staff:credential_issue", "staff:credential_revoke"):
            url = reverse(name, kwargs={"stay_id": verified_stay.pk})
            answer = client.get(url) if name == "staff:stay_credential" else client.post(url, {"reason": "lost"})
            assert answer.status_code == 404, f"{user.email} {name}"
    credential.refresh_from_db()
    assert credential.revoked_at is None


def test_the_officer_issues_again_after_a_revocation(sign_in, officer_moscow, verified_stay, credential):
    client = sign_in(officer_moscow)
    client.post(reverse("staff:credential_revoke", kwargs={"stay_id": verified_stay.pk}), {"reason": "lost"})
    response = client.post(reverse("staff:credential_issue", kwargs={"stay_id": verified_stay.pk}), follow=True)
    assert "The stay&#x27;s credential is issued." in response.text
    current = verified_stay.credentials.get(revoked_at=None)
    assert current.pk != credential.pk and current.token in response.text


def test_a_declared_stay_has_no_credential_to_issue(sign_in, officer_moscow, registered_migrant):
    stay = registered_migrant.stays.get()
    client = sign_in(officer_moscow)
    page = client.get(reverse("staff:stay_credential", kwargs={"stay_id": stay.pk}))
    assert "A stay gets its credential when it is verified." in page.text
    assert reverse("staff:credential_issue", kwargs={"stay_id": stay.pk}) not in page.text
    response = client.post(reverse("staff:credential_issue", kwargs={"stay_id": stay.pk}), follow=True)
    assert "Only a verified stay has a registration credential." in response.text
