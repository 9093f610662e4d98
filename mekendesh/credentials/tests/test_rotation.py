"""Key rotation and withdrawal as the installation does them: after a rotation new credentials use
the new key and old ones still verify; a withdrawn key's credentials are refused and the nightly
reconciliation gives their holders new ones."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from mekendesh.credentials.models import RevocationReason
from mekendesh.credentials.services import credential_issue, credential_reconcile
from mekendesh.lib.credential import KeySet, KeyState, Outcome, verify


def published(client) -> KeySet:
    return KeySet.from_json(client.get(reverse("credentials:keys")).content)


def test_after_a_rotation_new_credentials_use_the_new_key_and_old_ones_still_verify(
    client, credential_keys, verified_stay, credential, officer_moscow
):
    old_kid, new_key = credential_keys.rotate(now=timezone.now())
    assert old_kid == credential.key_id
    keyset = published(client)
    assert keyset[old_kid].state == KeyState.VERIFY_ONLY and keyset[new_key.kid].state == KeyState.ACTIVE
    assert verify(credential.token, keyset, now=timezone.now()).outcome == Outcome.VALID
    assert credential_issue(actor=officer_moscow, stay=verified_stay).pk == credential.pk  # still in force
    verified_stay.person.names.filter(script="Latn-ICAO").update(given_names="AIGERIM A")
    renewed = credential_issue(actor=officer_moscow, stay=verified_stay)
    assert renewed.key_id == new_key.kid
    assert verify(renewed.token, published(client), now=timezone.now()).outcome == Outcome.VALID


def test_a_credential_signed_with_a_withdrawn_key_is_refused_on_the_page_and_replaced_at_night(
    client, credential_keys, verified_stay, credential
):
    credential_keys.rotate(now=timezone.now())
    credential_keys.retire(credential.key_id, now=timezone.now())
    response = client.post(reverse("credentials:verify"), {"credential": credential.token})
    assert "Withdrawn key" in response.text and "TOKTOSUNOVA" not in response.text
    report = credential_reconcile()
    credential.refresh_from_db()
    assert credential.revocation_reason == RevocationReason.REPLACED
    fresh = verified_stay.credentials.get(revoked_at=None)
    assert report.issued == 1 and fresh.key_id != credential.key_id
    assert verify(fresh.token, published(client), now=timezone.now()).outcome == Outcome.VALID
