"""``mekendesh credential verify TEXT --keys keys.json [--status status.cwt]`` works offline, from
the published files alone, without Django, for registration credentials and course certificates:
exit 0 valid, 1 not valid (with the reason), 2 input that cannot be read."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import uuid
import zlib
from typing import Any

import base45
import cbor2
import pytest

from mekendesh.lib.credential import KeyState, SigningKey, StatusList, sign, status_list_sign
from mekendesh.lib.credential.certificate import PREFIX as CERTIFICATE_PREFIX
from mekendesh.lib.credential.certificate import Certificate, certificate_sign
from mekendesh.lib.credential.cli import main
from mekendesh.lib.tests.credential_support import NOW, as_text, claims, keyset_of

MINISTRY = SigningKey.generate()


@pytest.fixture
def published(tmp_path, monkeypatch):
    """The key set and a status list (index 3 revoked) as a border post downloaded them."""
    monkeypatch.setenv("MEKENDESH_LANGUAGE", "en")
    keys = tmp_path / "keys.json"
    keys.write_text(keyset_of((MINISTRY, KeyState.ACTIVE)).to_json(), encoding="utf-8")
    status = tmp_path / "status.cwt"
    status_list = StatusList.build(
        revoked=[3], size=16, issuer="KG", issued_at=NOW, expires_at=NOW + dt.timedelta(days=7)
    )
    status.write_bytes(status_list_sign(status_list, MINISTRY))
    return keys, status


def run(*arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(arguments), now=NOW, out=out), out.getvalue()


def test_a_valid_credential_exits_0_and_shows_what_it_says(published):
    keys, status = published
    code, out = run(sign(claims(), MINISTRY), "--keys", str(keys), "--status", str(status))
    assert code == 0
    assert out.startswith("VALID: Valid: the ministry issued this credential and it is in force.")
    assert "TOKTOSUNOVA AIGERIM" in out and "12.04.1998" in out and "000000042-6" in out and "RU-MOSCOW" in out
    assert "checked against the status list" in out


def test_a_credential_in_a_file_is_read_from_the_file(published, tmp_path):
    keys, _ = published
    path = tmp_path / "credential.txt"
    path.write_text(sign(claims(), MINISTRY) + "\n", encoding="ascii")
    assert run(str(path), "--keys", str(keys))[0] == 0


def test_a_revoked_credential_exits_1_with_the_reason(published):
    keys, status = published
    code, out = run(sign(claims(status_index=3), MINISTRY), "--keys", str(keys), "--status", str(status))
    assert code == 1 and out.startswith("REVOKED: Revoked:")


def test_without_a_status_list_the_report_says_revocation_was_not_checked(published):
    keys, _ = published
    code, out = run(sign(claims(status_index=3), MINISTRY), "--keys", str(keys))
    assert code == 0 and "not checked" in out


@pytest.mark.parametrize(
    ("credential", "outcome"),
    [
        (sign(claims(valid_until=NOW - dt.timedelta(days=2)), MINISTRY), "EXPIRED"),
        (sign(claims(), SigningKey.generate()), "UNKNOWN_KEY"),
    ],
)
def test_a_credential_that_is_not_valid_exits_1(published, credential, outcome):
    keys, _ = published
    code, out = run(credential, "--keys", str(keys))
    assert code == 1 and out.startswith(outcome + ":")


def test_a_truncated_credential_or_a_missing_file_exits_2(published, capsys):
    keys, _ = published
    text = sign(claims(), MINISTRY)
    assert run(text[:-20], "--keys", str(keys))[0] == 2
    assert run("no-such-file.txt", "--keys", str(keys))[0] == 2
    assert "no-such-file.txt cannot be read as a credential" in capsys.readouterr().err


def test_a_damaged_key_set_or_a_forged_status_list_exits_2(published, tmp_path, capsys):
    keys, _ = published
    bad_keys = tmp_path / "bad.json"
    bad_keys.write_text("{", encoding="utf-8")
    assert run(sign(claims(), MINISTRY), "--keys", str(bad_keys))[0] == 2
    forged = tmp_path / "forged.cwt"
    forged.write_bytes(
        status_list_sign(
            StatusList.build(revoked=[], size=8, issuer="KG", issued_at=NOW, expires_at=NOW + dt.timedelta(days=1)),
            SigningKey.generate(),
        )
    )
    assert run(sign(claims(), MINISTRY), "--keys", str(keys), "--status", str(forged))[0] == 2
    assert "not usable" in capsys.readouterr().err


def test_the_mekendesh_command_verifies_offline_without_starting_django(published, tmp_path):
    keys, _ = published
    today = dt.datetime.now(dt.UTC)
    status = tmp_path / "today.cwt"
    status_list = StatusList.build(
        revoked=[], size=16, issuer="KG", issued_at=today, expires_at=today + dt.timedelta(days=7)
    )
    status.write_bytes(status_list_sign(status_list, MINISTRY))
    text = sign(claims(issued_at=today, valid_until=today + dt.timedelta(days=30)), MINISTRY)
    probe = (
        "import sys; from mekendesh.cli import main; "
        "code = main(['mekendesh', 'credential', 'verify', sys.argv[1], '--keys', sys.argv[2], '--status', sys.argv[3]]); "
        "assert 'django' not in sys.modules, 'Django was imported'; sys.exit(code)"
    )
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    environment["MEKENDESH_LANGUAGE"] = "en"
    result = subprocess.run(
        [sys.executable, "-c", probe, text, str(keys), str(status)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("VALID: ") and "TOKTOSUNOVA AIGERIM" in result.stdout


# Course certificates (MKC1:): the same command, key set and exit codes; their own status list.

RETIRED = SigningKey.generate()


def course_certificate(**changes: Any) -> Certificate:
    values: dict[str, Any] = {
        "certificate_id": uuid.UUID("5a1e9c3b-7d2f-4e60-8b19-a0b1c2d3e4f5"),
        "issuer": "KG",
        "participant": "TOKTOSUNOVA AIGERIM",
        "course": "Welding for construction sites",
        "provider": "Bishkek Vocational Lyceum No. 4",
        "topic": "Construction",
        "starts_on": dt.date(2026, 1, 12),
        "ends_on": dt.date(2026, 2, 6),
        "completed_on": dt.date(2026, 2, 6),
        "issued_at": NOW - dt.timedelta(days=20),
        "status_index": 5,
    }
    values.update(changes)
    return Certificate(**values)


@pytest.fixture
def certificates_published(tmp_path, monkeypatch):
    """The key set (with a withdrawn key) and the certificates' status list (index 3 revoked), as
    an employer downloaded them from /credentials/keys.json and /employment/certificates/status."""
    monkeypatch.setenv("MEKENDESH_LANGUAGE", "en")
    keys = tmp_path / "keys.json"
    keys.write_text(keyset_of((MINISTRY, KeyState.ACTIVE), (RETIRED, KeyState.RETIRED)).to_json(), encoding="utf-8")
    status = tmp_path / "certificates-status.cwt"
    status_list = StatusList.build(
        revoked=[3], size=8, issuer="KG", issued_at=NOW, expires_at=NOW + dt.timedelta(days=7)
    )
    status.write_bytes(status_list_sign(status_list, MINISTRY))
    return keys, status


def test_a_valid_certificate_exits_0_and_shows_what_an_employer_reads(certificates_published, tmp_path):
    keys, status = certificates_published
    path = tmp_path / "certificate.txt"
    path.write_text(certificate_sign(course_certificate(), MINISTRY) + "\n", encoding="ascii")
    code, out = run(str(path), "--keys", str(keys), "--status", str(status))
    assert code == 0
    assert out.startswith("VALID: Genuine: the ministry issued this certificate.")
    for fact in (
        "Participant: TOKTOSUNOVA AIGERIM",
        "Course: Welding for construction sites",
        "Provider: Bishkek Vocational Lyceum No. 4",
        "Dates: 12.01.2026 – 06.02.2026",
        "Completed: 06.02.2026",
        "Issuer: KG",
        f"Signing key: {MINISTRY.kid}",
        "checked against the status list of 01.03.2026",
    ):
        assert fact in out


def test_a_revoked_certificate_exits_1_with_the_certificates_status_list(certificates_published):
    keys, status = certificates_published
    text = certificate_sign(course_certificate(status_index=3), MINISTRY)
    code, out = run(text, "--keys", str(keys), "--status", str(status))
    assert code == 1 and out.startswith("REVOKED: Revoked: the ministry withdrew this certificate. Do not accept it.")
    assert "TOKTOSUNOVA AIGERIM" in out


def test_a_certificate_issued_before_the_status_list_says_only_the_online_check_knows(certificates_published):
    keys, status = certificates_published
    text = certificate_sign(course_certificate(status_index=None), MINISTRY)
    code, out = run(text, "--keys", str(keys), "--status", str(status))
    assert code == 0 and "only the online check knows" in out


def altered(text: str, **changes: str) -> str:
    """The certificate with its payload changed and its signature kept, as a forger would make it."""
    message = cbor2.loads(zlib.decompress(base45.b45decode(text[len(CERTIFICATE_PREFIX) :])))
    protected, unprotected, payload, signature = message.value
    claims_map = cbor2.loads(payload)
    claims_map[-70002].update(changes)
    forged = cbor2.dumps(cbor2.CBORTag(18, [protected, unprotected, cbor2.dumps(claims_map), signature]))
    return as_text(forged, prefix=CERTIFICATE_PREFIX)


@pytest.mark.parametrize(
    ("make", "outcome", "reason"),
    [
        (lambda: altered(certificate_sign(course_certificate(), MINISTRY), c="Senior welder"), "FORGED", "Forged"),
        (lambda: certificate_sign(course_certificate(), RETIRED), "RETIRED_KEY", "Withdrawn key"),
        (lambda: certificate_sign(course_certificate(), SigningKey.generate()), "UNKNOWN_KEY", "Unknown signer"),
    ],
    ids=["tampered", "retired key", "unknown key"],
)
def test_a_certificate_that_is_not_genuine_exits_1_with_the_reason_and_without_its_claims(
    certificates_published, make, outcome, reason
):
    keys, status = certificates_published
    code, out = run(make(), "--keys", str(keys), "--status", str(status))
    assert code == 1 and out.startswith(f"{outcome}: {reason}")
    assert "Participant" not in out and "Senior welder" not in out


def test_an_unreadable_certificate_exits_2(certificates_published, capsys):
    keys, _ = certificates_published
    text = certificate_sign(course_certificate(), MINISTRY)
    code, out = run(text[:-20], "--keys", str(keys))
    assert code == 2 and out.startswith("MALFORMED: Unreadable: this is not a complete certificate.")
    assert run(CERTIFICATE_PREFIX + "not base45 at all", "--keys", str(keys))[0] == 2
