"""The public verification page: anyone pastes a credential's text and reads, in plain words,
whether it is valid, expired, revoked or forged — and no more than the credential itself says."""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from mekendesh.credentials.models import Credential
from mekendesh.lib.credential import SigningKey, sign
from mekendesh.lib.credential.keys import key_id_bytes
from mekendesh.lib.tests.credential_support import claims, resigned


def check(client, text):
    return client.post(reverse("credentials:verify"), {"credential": text})


def test_the_page_says_valid_and_shows_what_the_credential_says(client, credential):
    response = check(client, credential.token)
    assert response.status_code == 200
    assert "Valid: the ministry issued this credential and it is in force." in response.text
    for shown in ("TOKTOSUNOVA AIGERIM", "12.04.1998", "RU-MOSCOW", "verified"):
        assert shown in response.text
    # Nothing the credential does not hold: no employer, no Cyrillic name, no passport number.
    for hidden in ("Стройка", "Токтосунова", "AC1234567"):
        assert hidden not in response.text
    assert "no-store" in response["Cache-Control"]


def test_the_page_says_forged_for_an_altered_signature_and_shows_nothing_of_it(client, credential):
    forged = resigned(
        credential.token, SigningKey.generate(), protected={1: -8, 4: key_id_bytes(credential.key_id), 16: 61}
    )
    response = check(client, forged)
    assert "Forged or altered" in response.text and "TOKTOSUNOVA" not in response.text


def test_the_page_says_unreadable_for_a_truncated_credential(client, credential):
    response = check(client, credential.token[:-30])
    assert "Unreadable: this is not a complete credential." in response.text


def test_the_page_says_expired_for_an_expired_credential(client, credential, credential_keys):
    old = claims(
        issued_at=timezone.now() - dt.timedelta(days=400),
        valid_until=timezone.now() - dt.timedelta(days=35),
        status_index=credential.status_index + 1,
    )
    response = check(client, sign(old, credential_keys.issuing_key()))
    assert "Expired: the ministry issued this credential, but it is no longer valid." in response.text


def test_the_page_names_a_credential_of_an_unknown_signer(client, db):
    response = check(client, sign(claims(), SigningKey.generate()))
    assert "Unknown signer" in response.text


def test_an_empty_form_asks_for_a_credential(client, db):
    response = check(client, "")
    assert "Paste or scan a credential first." in response.text


def test_the_page_takes_the_text_only_in_the_request_body(client, credential):
    response = client.get(reverse("credentials:verify"), {"credential": credential.token})
    assert response.status_code == 200 and "TOKTOSUNOVA" not in response.text and "Valid:" not in response.text


def test_checks_from_one_address_are_limited(client, credential, settings):
    settings.CREDENTIAL_VERIFY_RATE_PER_HOUR = 3
    cache.clear()
    answers = [check(client, credential.token).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = check(client, credential.token)
    assert refused.status_code == 429 and "Retry-After" in refused and "TOKTOSUNOVA" not in refused.text


def test_the_page_offers_the_camera_only_through_a_script_of_the_site(client, db):
    response = client.get(reverse("credentials:verify"))
    assert 'src="/static/credentials/scan.js"' in response.text and "<script>" not in response.text
    assert reverse("credentials:keys") in response.text and reverse("credentials:status") in response.text


def test_the_published_key_set_may_be_cached_and_fetched_by_any_site(client, credential):
    response = client.get(reverse("credentials:keys"))
    assert response["Access-Control-Allow-Origin"] == "*" and "public" in response["Cache-Control"]
    assert credential.key_id in response.text and "PRIVATE" not in response.text
    assert Credential.objects.count() == 1


def test_a_damaged_key_set_file_answers_unavailable_not_an_error(client, credential, credential_keys):
    credential_keys.keyset_file.write_text("{", encoding="utf-8")
    assert client.get(reverse("credentials:keys")).status_code == 503
    response = check(client, credential.token)
    assert response.status_code == 200 and "Credentials cannot be checked here now." in response.text
