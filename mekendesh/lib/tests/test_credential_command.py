"""``mekendesh credential verify TEXT --keys keys.json [--status status.cwt]`` works offline, from
the published files alone, without Django: exit 0 valid, 1 not valid (with the reason), 2 input
that cannot be read."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys

import pytest

from mekendesh.lib.credential import KeyState, SigningKey, StatusList, sign, status_list_sign
from mekendesh.lib.credential.cli import main
from mekendesh.lib.tests.credential_support import NOW, claims, keyset_of

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
