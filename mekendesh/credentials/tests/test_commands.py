"""``mekendesh credential``: the published key set, key generation, rotation and withdrawal, the
status list for offline use, and verification with the installation's own keys."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from mekendesh.lib.credential import KeySet, KeyState, status_list_read


def run(*arguments: str) -> str:
    out = io.StringIO()
    call_command("credential", *arguments, stdout=out)
    return out.getvalue()


def test_keys_prints_the_published_key_set(credential):
    document = json.loads(run("keys"))
    assert [key["kid"] for key in document["keys"]] == [credential.key_id]
    assert document["keys"][0]["state"] == "active"


def test_generate_rotate_and_retire_change_the_published_key_set(db, credential_keys):
    assert "A new signing key" in run("keys", "generate")
    first = credential_keys.issuing_key().kid
    assert f"The key {first} now only verifies" in run("keys", "rotate")
    second = credential_keys.issuing_key().kid
    assert "is withdrawn" in run("keys", "retire", first)
    keyset = KeySet.from_json(run("keys"))
    assert keyset[first].state == KeyState.RETIRED and keyset[second].state == KeyState.ACTIVE


def test_the_key_that_signs_cannot_be_retired_and_the_reason_is_said(db, credential_keys):
    run("keys", "generate")
    with pytest.raises(CommandError, match="rotate to a new key"):
        run("keys", "retire", credential_keys.issuing_key().kid)


def test_status_writes_the_signed_status_list_for_offline_use(credential, tmp_path, credential_keys):
    path = tmp_path / "status.cwt"
    run("status", "--output", str(path))
    status = status_list_read(path.read_bytes(), credential_keys.published(), now=timezone.now())
    assert credential.status_index not in status


def test_verify_says_valid_with_the_installations_keys_and_the_register(credential):
    out = run("verify", credential.token)
    assert out.startswith("VALID: ") and "TOKTOSUNOVA AIGERIM" in out and "checked in the register" in out


def test_verify_exits_1_for_a_revoked_credential_and_2_for_a_truncated_one(credential, officer_moscow):
    from mekendesh.credentials.services import credential_revoke

    credential_revoke(actor=officer_moscow, credential=credential, reason="lost")
    with pytest.raises(SystemExit) as revoked:
        run("verify", credential.token)
    assert revoked.value.code == 1
    with pytest.raises(SystemExit) as truncated:
        run("verify", credential.token[:40])
    assert truncated.value.code == 2
