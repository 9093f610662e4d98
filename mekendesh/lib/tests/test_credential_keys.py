"""The signing key lives in a file outside the database and the published key set beside it: a
key is made once, rotated (the old one verifies only) and withdrawn (what it signed is refused)."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest

from mekendesh.lib.credential import KeyMissing, KeyProblem, KeySet, KeyState, KeyStore, Outcome, sign, verify
from mekendesh.lib.credential.keys import key_id
from mekendesh.lib.tests.credential_support import NOW, claims


def active_kid(keyset: KeySet) -> str | None:
    return keyset.active.kid if keyset.active else None


@pytest.fixture
def store(tmp_path):
    return KeyStore(
        key_file=tmp_path / "keys" / "signing-key.pem", keyset_file=tmp_path / "keys" / "keyset.json", issuer="KG"
    )


def test_the_first_key_is_made_readable_by_its_owner_only_and_published_as_active(store):
    key = store.create(now=NOW)
    assert stat.S_IMODE(store.key_file.stat().st_mode) == 0o600
    assert store.key_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    published = store.published()
    assert [(entry.kid, entry.state, entry.since) for entry in published.keys] == [(key.kid, KeyState.ACTIVE, NOW)]


def test_making_the_key_again_keeps_the_one_there_is(store):
    first = store.create(now=NOW)
    assert store.create(now=NOW + dt.timedelta(days=1)).kid == first.kid
    assert len(store.published().keys) == 1


def test_the_published_key_set_holds_no_private_key_and_names_each_key_by_its_hash(store):
    key = store.create(now=NOW)
    document = json.loads(store.published().to_json())
    assert document["alg"] == "EdDSA" and document["issuer"] == "KG"
    (entry,) = document["keys"]
    assert set(entry) >= {"kid", "kty", "crv", "x", "state"} and "d" not in entry
    assert entry["kid"] == key_id(key.public_key) and len(entry["kid"]) == 11


def test_a_key_set_whose_key_id_does_not_match_its_key_is_refused(store):
    store.create(now=NOW)
    document = json.loads(store.published().to_json())
    document["keys"][0]["kid"] = "AAAAAAAAAAA"
    with pytest.raises(KeyProblem, match="does not match"):
        KeySet.from_json(json.dumps(document))


@pytest.mark.parametrize("text", ["", "[]", '{"keys": [{"kty": "EC"}]}', '{"alg": "ES256", "keys": []}'])
def test_a_damaged_key_set_is_refused_with_a_reason(text):
    with pytest.raises(KeyProblem):
        KeySet.from_json(text)


def test_no_key_file_means_no_signing_and_a_clear_reason(store):
    with pytest.raises(KeyMissing, match="no signing key"):
        store.issuing_key()


def test_after_rotation_new_credentials_use_the_new_key_and_old_ones_still_verify(store):
    old = store.create(now=NOW)
    before = sign(claims(), store.issuing_key())
    old_kid, new = store.rotate(now=NOW + dt.timedelta(days=30))
    assert old_kid == old.kid and store.issuing_key().kid == new.kid != old.kid
    published = KeySet.from_json(store.published().to_json())
    assert published[old.kid].state == KeyState.VERIFY_ONLY
    assert published[old.kid].rotated_at == NOW + dt.timedelta(days=30)
    assert active_kid(published) == new.kid
    after = sign(claims(), store.issuing_key())
    assert verify(before, published, now=NOW).outcome == Outcome.VALID
    assert verify(after, published, now=NOW).outcome == Outcome.VALID
    assert stat.S_IMODE(store.key_file.stat().st_mode) == 0o600


def test_a_rotation_to_a_new_key_file_publishes_the_next_key_before_it_signs(store, tmp_path):
    old = store.create(now=NOW)
    _, new = store.rotate(now=NOW, new_key_file=tmp_path / "next.pem")
    assert store.issuing_key().kid == old.kid  # until the setting names the new file
    assert store.published().get(new.kid) is not None
    switched = KeyStore(key_file=tmp_path / "next.pem", keyset_file=store.keyset_file, issuer="KG")
    assert switched.issuing_key().kid == new.kid
    assert switched.published()[old.kid].state == KeyState.VERIFY_ONLY


def test_a_withdrawn_key_makes_what_it_signed_refused(store):
    old = store.create(now=NOW)
    signed_before = sign(claims(), store.issuing_key())
    store.rotate(now=NOW)
    store.retire(old.kid, now=NOW)
    published = KeySet.from_json(store.published().to_json())
    assert published[old.kid].state == KeyState.RETIRED and published[old.kid].retired_at == NOW
    assert verify(signed_before, published, now=NOW).outcome == Outcome.RETIRED_KEY


def test_the_key_that_signs_now_cannot_be_withdrawn_before_a_rotation(store):
    key = store.create(now=NOW)
    with pytest.raises(KeyProblem, match="rotate"):
        store.retire(key.kid, now=NOW)
    with pytest.raises(KeyProblem, match="no key"):
        store.retire("AAAAAAAAAAA", now=NOW)


def test_an_existing_key_file_is_never_overwritten_by_a_new_key(store, tmp_path):
    store.create(now=NOW)
    with pytest.raises(KeyProblem, match="already exists"):
        store.rotate(now=NOW, new_key_file=store.key_file)


def test_swapping_the_key_file_alone_rotates(store, tmp_path):
    old = store.create(now=NOW)
    other = KeyStore(key_file=tmp_path / "other.pem", keyset_file=tmp_path / "other.json", issuer="KG")
    new = other.create(now=NOW)
    swapped = KeyStore(key_file=other.key_file, keyset_file=store.keyset_file, issuer="KG")
    published = swapped.published()
    assert active_kid(published) == new.kid and published[old.kid].state == KeyState.VERIFY_ONLY
