"""A verified stay gives the person a credential, signed with a key kept outside the database; it
verifies offline with only the published key set; asking again gives the same credential."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from mekendesh.audit.models import AuditEvent
from mekendesh.credentials import selectors
from mekendesh.credentials.keys import CredentialKeyUnavailable
from mekendesh.credentials.models import Credential, RevocationReason
from mekendesh.credentials.services import credential_issue
from mekendesh.lib.credential import KeySet, Outcome, verify


def test_verifying_a_stay_issues_its_credential_signed_by_the_ministry(verified_stay, officer_moscow):
    credential = Credential.objects.get(stay=verified_stay)
    assert credential.person == verified_stay.person and credential.issued_by == officer_moscow
    assert credential.revoked_at is None and credential.token.startswith("MK1:")
    assert AuditEvent.objects.filter(
        action="create", object_type="credentials.credential", object_id=str(credential.public_id)
    ).exists()


def test_the_credential_verifies_offline_with_only_the_published_key_set(client, credential):
    published = client.get(reverse("credentials:keys"))
    assert published["Content-Type"] == "application/json"
    keyset = KeySet.from_json(published.content)  # all a border post has
    verdict = verify(credential.token, keyset, now=timezone.now())
    assert verdict.outcome == Outcome.VALID
    claims = verdict.claims
    assert claims is not None
    assert (claims.surname, claims.given_names) == ("TOKTOSUNOVA", "AIGERIM")
    assert claims.birth_date == dt.date(1998, 4, 12)
    assert claims.consular_district == "RU-MOSCOW" and claims.status == "verified"
    assert claims.registration_number == f"{credential.stay_id:09d}-{claims.registration_number[-1]}"
    assert claims.credential_id == credential.public_id and claims.status_index == credential.status_index


def test_one_altered_byte_of_the_issued_credential_fails(client, credential):
    keyset = KeySet.from_json(client.get(reverse("credentials:keys")).content)
    position = len(credential.token) // 2
    altered = (
        credential.token[:position]
        + ("B" if credential.token[position] == "A" else "A")
        + credential.token[position + 1 :]
    )
    assert not verify(altered, keyset, now=timezone.now()).valid


def test_the_credential_is_valid_for_a_year_and_never_past_the_departure_date(verified_stay, credential, settings):
    local_last_day = timezone.localtime(credential.valid_until).date()
    assert local_last_day == timezone.localdate(credential.issued_at) + dt.timedelta(
        days=settings.CREDENTIAL_VALID_DAYS
    )
    verified_stay.departure_date = timezone.localdate() + dt.timedelta(days=20)
    verified_stay.save(update_fields=["departure_date"])
    renewed = credential_issue(actor=verified_stay.person.account, stay=verified_stay)
    assert timezone.localtime(renewed.valid_until).date() == verified_stay.departure_date


def test_asking_again_gives_the_same_credential_not_a_second_one(verified_stay, credential, officer_moscow):
    audit_rows = AuditEvent.objects.count()
    again = credential_issue(actor=officer_moscow, stay=verified_stay)
    by_migrant = credential_issue(actor=verified_stay.person.account, stay=verified_stay)
    assert again.pk == by_migrant.pk == credential.pk
    assert Credential.objects.filter(stay=verified_stay).count() == 1
    assert AuditEvent.objects.count() == audit_rows


def test_a_corrected_name_gets_a_new_credential_and_the_old_one_is_revoked(verified_stay, credential, officer_moscow):
    latin = verified_stay.person.names.get(script="Latn-ICAO")
    latin.given_names = "AIGERIM ASAN KYZY"
    latin.save()
    renewed = credential_issue(actor=officer_moscow, stay=verified_stay)
    credential.refresh_from_db()
    assert renewed.pk != credential.pk
    assert selectors.credential_claims(credential=renewed).given_names == "AIGERIM ASAN KYZY"
    assert credential.revocation_reason == RevocationReason.REPLACED
    assert renewed.status_index != credential.status_index


def test_the_signed_credential_is_stored_encrypted(credential):
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM credentials_credential WHERE id = %s", [credential.pk])
        stored = cursor.fetchone()[0]
    assert "MK1:" not in stored and credential.token not in stored


def test_a_declared_stay_has_no_credential(registered_migrant, officer_moscow):
    stay = registered_migrant.stays.get()
    with pytest.raises(ValidationError, match="Only a verified stay"):
        credential_issue(actor=officer_moscow, stay=stay)
    assert not Credential.objects.exists()


def test_an_officer_of_another_district_and_another_migrant_may_not_issue_it(verified_stay, officer_other):
    from mekendesh.accounts.models import User

    stranger = User.objects.create_user(email="stranger@example.com", password="x-unused-password-1")
    for actor in (officer_other, stranger):
        with pytest.raises(PermissionDenied):
            credential_issue(actor=actor, stay=verified_stay)


def test_development_makes_the_signing_key_on_first_use_readable_by_its_owner_only(credential, credential_keys):
    assert stat.S_IMODE(credential_keys.key_file.stat().st_mode) == 0o600
    document = json.loads(credential_keys.keyset_file.read_text())
    assert [key["kid"] for key in document["keys"]] == [credential.key_id]
    assert "PRIVATE" not in credential_keys.keyset_file.read_text()


def test_production_refuses_to_issue_without_a_configured_key(
    settings, registered_migrant, officer_moscow, django_capture_on_commit_callbacks
):
    from mekendesh.people.services import stay_verify

    settings.PRODUCTION = True
    stay = registered_migrant.stays.get()
    with django_capture_on_commit_callbacks(execute=True):
        stay_verify(actor=officer_moscow, stay=stay)  # the stay is verified all the same
    stay.refresh_from_db()
    assert stay.status == "verified" and not Credential.objects.exists()
    with pytest.raises(CredentialKeyUnavailable, match="MEKENDESH_CREDENTIAL_KEY_FILE"):
        credential_issue(actor=officer_moscow, stay=stay)
    assert not settings.CREDENTIAL_KEY_FILE.exists()


def test_production_warns_in_the_deployment_check_when_no_key_is_configured(settings):
    from mekendesh.credentials.checks import credential_key_check

    settings.PRODUCTION = True
    assert [message.id for message in credential_key_check()] == ["mekendesh.credentials.W001"]
    settings.PRODUCTION = False
    assert credential_key_check() == []
