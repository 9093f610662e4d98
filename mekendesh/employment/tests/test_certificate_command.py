"""``mekendesh credential verify`` reads a course certificate (``MKC1:``) as it reads a registration
credential: with this installation's keys and the register, or offline with the published key set
and the certificates' status list as served at /employment/certificates/status — exit 0 genuine, 1
not (with the reason), 2 unreadable."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mekendesh.credentials.keys import issuing_key, published_keyset
from mekendesh.employment.models import Enrolment
from mekendesh.employment.services import certificate_revoke
from mekendesh.employment.tests.test_certificate_revocation import REASON, completed
from mekendesh.lib.credential import SigningKey
from mekendesh.lib.credential.certificate import certificate_sign, certificate_verify
from mekendesh.lib.credential.cli import main


@pytest.fixture
def certificate(course, aigerim, employment_officer) -> Enrolment:
    return completed(course, aigerim.account, employment_officer)


def verify(text: str) -> tuple[int, str]:
    """``mekendesh credential verify TEXT`` with this installation's keys: its exit code and report."""
    out = io.StringIO()
    try:
        call_command("credential", "verify", text, stdout=out)
    except SystemExit as stopped:
        return int(stopped.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_a_certificate_is_genuine_with_the_installations_keys_and_the_register(certificate):
    code, out = verify(certificate.certificate)
    assert code == 0 and out.startswith("VALID: Genuine: the ministry issued this certificate.")
    assert "Course: Pre-departure orientation: Russia" in out and "Provider: Migration service, Osh" in out
    assert f"Certificate number: {certificate.public_id}" in out and "checked in the register" in out


def test_a_revoked_certificate_exits_1_online_with_the_date_and_offline_with_the_published_status_list(
    client, certificate, employment_officer, tmp_path, monkeypatch
):
    certificate_revoke(actor=employment_officer, enrolment=certificate, reason=REASON)
    code, out = verify(certificate.certificate)
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert code == 1
    assert out.startswith(f"REVOKED: Revoked: the ministry withdrew this certificate on {today}. Do not accept it.")
    assert REASON not in out

    monkeypatch.setenv("MEKENDESH_LANGUAGE", "en")
    keys, status = tmp_path / "keys.json", tmp_path / "certificates-status.cwt"
    keys.write_bytes(client.get(reverse("credentials:keys")).content)
    status.write_bytes(client.get(reverse("employment:certificate_status")).content)
    offline = io.StringIO()
    assert main([certificate.certificate, "--keys", str(keys), "--status", str(status)], out=offline) == 1
    assert offline.getvalue().startswith("REVOKED: Revoked: the ministry withdrew this certificate.")


def test_a_certificate_signed_with_a_withdrawn_or_an_unknown_key_exits_1(certificate):
    claims = certificate_verify(certificate.certificate, published_keyset()).certificate
    assert claims is not None
    code, out = verify(certificate_sign(claims, SigningKey.generate()))
    assert code == 1 and out.startswith("UNKNOWN_KEY: Unknown signer:") and "Participant" not in out
    signer = issuing_key().kid
    call_command("credential", "keys", "rotate", stdout=io.StringIO())
    call_command("credential", "keys", "retire", signer, stdout=io.StringIO())
    code, out = verify(certificate.certificate)
    assert code == 1 and out.startswith("RETIRED_KEY: Withdrawn key:") and f"Signing key: {signer}" in out


def test_a_cut_off_certificate_or_a_missing_file_exits_2(certificate, capsys):
    text = certificate.certificate
    code, out = verify(text[:-15])
    assert code == 2 and out.startswith("MALFORMED: Unreadable: this is not a complete certificate.")
    assert verify("no-such-certificate.txt")[0] == 2
    assert "no-such-certificate.txt cannot be read as a credential" in capsys.readouterr().err
