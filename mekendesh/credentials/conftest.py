"""Fixtures of the credentials' tests: a signing key of each test's own, a client reading English,
and Aigerim's Moscow stay verified by the Moscow consulate (which issues her credential)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def credential_keys(settings, tmp_path):
    """Each test signs with a key of its own, made on first use under ``tmp_path``, and starts
    with no cached status list and no counted verification."""
    from django.core.cache import cache

    from mekendesh.credentials.keys import keystore

    settings.CREDENTIAL_KEY_FILE = tmp_path / "credential-keys" / "signing-key.pem"
    settings.CREDENTIAL_KEYSET_FILE = tmp_path / "credential-keys" / "keyset.json"
    settings.CREDENTIAL_KEY_FILE_SET = False
    cache.clear()
    return keystore()


@pytest.fixture
def client(client):
    """A browser asking for English, so that the messages checked are the source strings."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def verified_stay(registered_migrant, officer_moscow, django_capture_on_commit_callbacks):
    """Aigerim's Moscow stay, verified by the Moscow officer (her credential is issued with it)."""
    from mekendesh.people.services import stay_verify

    stay = registered_migrant.stays.get()
    with django_capture_on_commit_callbacks(execute=True):
        stay_verify(actor=officer_moscow, stay=stay)
    stay.refresh_from_db()
    return stay


@pytest.fixture
def credential(verified_stay):
    return verified_stay.credentials.get()
