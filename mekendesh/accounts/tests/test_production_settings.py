"""``MEKENDESH_ENV=production`` refuses a weak secret key and passes Django's deployment checks."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest


def mekendesh(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "MEKENDESH_HOME": str(tmp_path),
        "MEKENDESH_ENV": "production",
        "PYTHONWARNINGS": "default",  # a deprecation warning would show, too
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "mekendesh", *args], env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("key", ["", "short-key"])
def test_production_refuses_to_start_without_a_strong_secret_key(tmp_path, key):
    result = mekendesh(tmp_path, "check", SECRET_KEY=key, ALLOWED_HOSTS="mekendesh.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY is missing or weak" in result.stderr


def test_production_with_a_strong_key_passes_the_deployment_checks_without_a_warning(tmp_path):
    from mekendesh.lib.credential import SigningKey

    credential_key = tmp_path / "credential-key.pem"  # made by `mekendesh credential keys generate`
    credential_key.write_bytes(SigningKey.generate().to_pem())
    result = mekendesh(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="mekendesh.example.org",
        MEKENDESH_CREDENTIAL_KEY_FILE=str(credential_key),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    # The one silenced check is axes' wish to lock out by address too (see AXES_LOCKOUT_PARAMETERS).
    assert result.stdout.strip() == "System check identified no issues (1 silenced)."
    from django.conf import settings

    assert settings.SILENCED_SYSTEM_CHECKS == ["axes.W006"]
    assert result.stderr == ""
