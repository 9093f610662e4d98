"""Rotating the secret key keeps document look-up working: earlier keys still find stored numbers,
and ``mekendesh rehash_documents`` moves the stored hashes to the new key."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from mekendesh.lib.hashing import lookup_hash
from mekendesh.people.models import IdentityDocument
from mekendesh.people.selectors import person_search

NEW_KEY = "a-new-lookup-key-after-rotation-" + "k" * 40


def test_after_a_key_rotation_an_analyst_still_finds_a_person_by_passport_number(registered_migrant, analyst, settings):
    settings.LOOKUP_HASH_KEYS = [NEW_KEY, *settings.LOOKUP_HASH_KEYS]

    assert person_search(user=analyst, query="AC1234567") == [registered_migrant]


def test_rehashing_moves_stored_hashes_to_the_current_key_and_is_audited(registered_migrant, analyst, settings):
    settings.LOOKUP_HASH_KEYS = [NEW_KEY, *settings.LOOKUP_HASH_KEYS]
    out = StringIO()
    call_command("rehash_documents", stdout=out)

    document = IdentityDocument.objects.get(person=registered_migrant)
    assert document.number_hash == lookup_hash("AC1234567")
    assert out.getvalue().strip() == "1 of 1 document hashes moved to the current key"
    settings.LOOKUP_HASH_KEYS = [NEW_KEY]  # the earlier key retired
    assert person_search(user=analyst, query="AC1234567") == [registered_migrant]
