"""A credential is checked offline from the published key set alone: genuine, altered, cut off,
forged, signed with another algorithm, expired, revoked or signed with a withdrawn key."""

from __future__ import annotations

import datetime as dt

import cbor2
import pytest

from mekendesh.lib.credential import (
    OUTCOME_MESSAGES,
    KeySet,
    KeyState,
    Outcome,
    SigningKey,
    StatusList,
    StatusListProblem,
    decode_text,
    sign,
    status_list_read,
    status_list_sign,
    verify,
)
from mekendesh.lib.credential.keys import key_id_bytes
from mekendesh.lib.tests.credential_support import NOW, as_text, claims, cose_parts, keyset_of, resigned

MINISTRY = SigningKey.generate()
PUBLISHED = KeySet.from_json(keyset_of((MINISTRY, KeyState.ACTIVE)).to_json())  # as a verifier downloads it


@pytest.fixture(scope="module")
def credential() -> str:
    return sign(claims(), MINISTRY)


def test_a_credential_made_by_the_ministry_is_valid_with_only_the_published_key_set(credential):
    verdict = verify(credential, PUBLISHED, now=NOW)
    assert verdict.outcome == Outcome.VALID and verdict.valid and verdict.genuine
    assert verdict.claims == claims()
    assert verdict.claims is not None and verdict.claims.full_name == "TOKTOSUNOVA AIGERIM"
    assert verdict.key_id == MINISTRY.kid and not verdict.revocation_checked


def test_the_credential_is_short_text_in_the_qr_codes_alphanumeric_set(credential):
    alphanumeric = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    assert credential.startswith("MK1:") and set(credential) <= alphanumeric
    assert len(credential) < 450


def test_one_altered_byte_anywhere_in_the_signed_message_makes_it_fail(credential):
    signed = decode_text(credential)
    for position in range(len(signed)):
        altered = bytearray(signed)
        altered[position] ^= 0x01
        verdict = verify(as_text(bytes(altered)), PUBLISHED, now=NOW)
        assert not verdict.valid, f"byte {position} altered and still valid"
        assert verdict.claims is None or verdict.outcome != Outcome.VALID


def test_one_altered_character_of_the_text_makes_it_fail_unless_it_changed_nothing_signed(credential):
    # The last byte of zlib's data has padding bits that carry nothing: a change there leaves the
    # signed message itself as it was, which is no alteration of the credential.
    signed = decode_text(credential)
    for position in range(len("MK1:"), len(credential)):
        replacement = "A" if credential[position] != "A" else "B"
        altered = credential[:position] + replacement + credential[position + 1 :]
        if verify(altered, PUBLISHED, now=NOW).valid:
            assert decode_text(altered) == signed, f"character {position} altered and still valid"


def test_an_altered_signature_is_reported_as_forged(credential):
    protected, unprotected, payload, signature = cose_parts(credential)
    altered = bytes([signature[0] ^ 0xFF]) + signature[1:]
    text = as_text(cbor2.dumps(cbor2.CBORTag(18, [protected, unprotected, payload, altered])))
    verdict = verify(text, PUBLISHED, now=NOW)
    assert verdict.outcome == Outcome.FORGED and verdict.claims is None


def test_altered_claims_under_the_original_signature_are_forged(credential):
    protected, unprotected, payload, signature = cose_parts(credential)
    data = cbor2.loads(payload)
    data[-70001]["fn"] = "SOMEONE"
    text = as_text(cbor2.dumps(cbor2.CBORTag(18, [protected, unprotected, cbor2.dumps(data), signature])))
    assert verify(text, PUBLISHED, now=NOW).outcome == Outcome.FORGED


@pytest.mark.parametrize("kept", [0.25, 0.5, 0.9, 0.99])
def test_a_truncated_credential_is_unreadable_not_valid(credential, kept):
    verdict = verify(credential[: int(len(credential) * kept)], PUBLISHED, now=NOW)
    assert verdict.outcome == Outcome.MALFORMED and verdict.claims is None


@pytest.mark.parametrize("text", ["", "MK1:", "HC1:NCFOXN%TS3DH", "MK1:!!!!", "MK1:" + "A" * 5000, "not a credential"])
def test_text_that_is_no_credential_is_unreadable(text):
    assert verify(text, PUBLISHED, now=NOW).outcome == Outcome.MALFORMED


def test_a_credential_signed_with_another_key_under_the_ministrys_key_id_is_forged(credential):
    forger = SigningKey.generate()
    forged = resigned(credential, forger, protected={1: -8, 4: key_id_bytes(MINISTRY.kid), 16: 61})
    verdict = verify(forged, PUBLISHED, now=NOW)
    assert verdict.outcome == Outcome.FORGED and verdict.claims is None


def test_a_credential_signed_with_an_unpublished_key_is_from_an_unknown_signer():
    forger = SigningKey.generate()
    verdict = verify(sign(claims(), forger), PUBLISHED, now=NOW)
    assert verdict.outcome == Outcome.UNKNOWN_KEY and verdict.key_id == forger.kid and verdict.claims is None


@pytest.mark.parametrize("algorithm", [-7, -35, -37, 5, 0, "EdDSA"])
def test_a_token_naming_another_algorithm_is_refused_whatever_key_signed_it(credential, algorithm):
    substituted = resigned(credential, MINISTRY, protected={1: algorithm, 4: key_id_bytes(MINISTRY.kid), 16: 61})
    assert verify(substituted, PUBLISHED, now=NOW).outcome == Outcome.WRONG_ALGORITHM


def test_an_algorithm_only_in_the_unprotected_header_is_refused(credential):
    moved = resigned(credential, MINISTRY, protected={4: key_id_bytes(MINISTRY.kid), 16: 61}, unprotected={1: -8})
    assert verify(moved, PUBLISHED, now=NOW).outcome == Outcome.WRONG_ALGORITHM


def test_a_signed_document_of_another_kind_is_not_a_credential(credential):
    other = resigned(credential, MINISTRY, protected={1: -8, 4: key_id_bytes(MINISTRY.kid), 16: "text/plain"})
    assert verify(other, PUBLISHED, now=NOW).outcome == Outcome.MALFORMED


def test_an_expired_credential_is_genuine_but_expired_and_still_shows_what_it_says():
    text = sign(claims(valid_until=NOW - dt.timedelta(days=1)), MINISTRY)
    verdict = verify(text, PUBLISHED, now=NOW)
    assert verdict.outcome == Outcome.EXPIRED and verdict.genuine and not verdict.valid
    assert verdict.claims is not None and verdict.claims.surname == "TOKTOSUNOVA"


def test_a_credential_issued_in_the_future_is_not_yet_valid():
    text = sign(claims(issued_at=NOW + dt.timedelta(hours=2)), MINISTRY)
    assert verify(text, PUBLISHED, now=NOW).outcome == Outcome.NOT_YET_VALID


def test_a_few_minutes_of_clock_difference_are_forgiven():
    text = sign(claims(issued_at=NOW + dt.timedelta(minutes=2)), MINISTRY)
    assert verify(text, PUBLISHED, now=NOW).outcome == Outcome.VALID


def test_a_revoked_credential_is_revoked_by_the_signed_status_list(credential):
    status = StatusList.build(
        revoked=[3, 7], size=64, issuer="KG", issued_at=NOW, expires_at=NOW + dt.timedelta(days=7)
    )
    downloaded = status_list_read(status_list_sign(status, MINISTRY), PUBLISHED, now=NOW)
    verdict = verify(credential, PUBLISHED, now=NOW, revoked=downloaded)
    assert verdict.outcome == Outcome.REVOKED and verdict.revocation_checked
    others = StatusList.build(revoked=[3], size=64, issuer="KG", issued_at=NOW, expires_at=NOW + dt.timedelta(days=7))
    assert verify(credential, PUBLISHED, now=NOW, revoked=others).outcome == Outcome.VALID


def test_the_status_list_sets_bit_i_percent_8_of_byte_i_div_8_as_the_ietf_token_status_list_does():
    status = StatusList.build(revoked=[0, 9, 23], size=24, issuer="KG", issued_at=NOW, expires_at=NOW)
    assert status.bits == bytes([0b00000001, 0b00000010, 0b10000000])
    assert [index for index in range(30) if index in status] == [0, 9, 23]


def test_revoked_comes_before_expired():
    text = sign(claims(valid_until=NOW - dt.timedelta(days=1)), MINISTRY)
    assert verify(text, PUBLISHED, now=NOW, revoked={7}).outcome == Outcome.REVOKED


def test_a_status_list_signed_by_someone_else_or_expired_or_damaged_is_refused():
    status = StatusList.build(revoked=[], size=8, issuer="KG", issued_at=NOW, expires_at=NOW + dt.timedelta(days=1))
    with pytest.raises(StatusListProblem):
        status_list_read(status_list_sign(status, SigningKey.generate()), PUBLISHED, now=NOW)
    with pytest.raises(StatusListProblem):
        status_list_read(status_list_sign(status, MINISTRY), PUBLISHED, now=NOW + dt.timedelta(days=2))
    signed = bytearray(status_list_sign(status, MINISTRY))
    signed[len(signed) // 2] ^= 0x01
    with pytest.raises(StatusListProblem):
        status_list_read(bytes(signed), PUBLISHED, now=NOW)


def test_a_credential_is_not_accepted_as_a_status_list(credential):
    with pytest.raises(StatusListProblem):
        status_list_read(decode_text(credential), PUBLISHED, now=NOW)


def test_a_credential_signed_with_a_withdrawn_key_is_refused_though_its_signature_holds(credential):
    withdrawn = keyset_of((MINISTRY, KeyState.RETIRED))
    verdict = verify(credential, withdrawn, now=NOW)
    assert verdict.outcome == Outcome.RETIRED_KEY and verdict.claims is None and not verdict.genuine


def test_a_credential_of_a_key_kept_for_verification_after_rotation_is_still_valid(credential):
    successor = SigningKey.generate()
    rotated = keyset_of((successor, KeyState.ACTIVE), (MINISTRY, KeyState.VERIFY_ONLY))
    assert verify(credential, rotated, now=NOW).outcome == Outcome.VALID
    assert verify(sign(claims(), successor), rotated, now=NOW).outcome == Outcome.VALID


def test_line_breaks_of_a_wrapped_copy_and_surrounding_spaces_are_ignored(credential):
    wrapped = "  " + "\r\n".join(credential[i : i + 60] for i in range(0, len(credential), 60)) + "\n"
    assert verify(wrapped, PUBLISHED, now=NOW).valid


def test_base45_never_ends_in_a_space_so_trimming_a_copy_never_cuts_a_credential():
    import base45

    endings = {base45.b45encode(bytes([a, b]))[-1:] for a in range(256) for b in range(256)}
    endings |= {base45.b45encode(bytes([a]))[-1:] for a in range(256)}
    assert b" " not in endings


def test_a_compression_bomb_is_refused_unread():
    import zlib

    import base45

    bomb = "MK1:" + base45.b45encode(zlib.compress(b"\0" * 10_000_000)).decode()
    assert verify(bomb, PUBLISHED, now=NOW).outcome == Outcome.MALFORMED


def test_every_outcome_has_a_message_in_plain_words():
    assert set(OUTCOME_MESSAGES) == set(Outcome)
    assert all(message.endswith(".") and ":" in message for message in OUTCOME_MESSAGES.values())
