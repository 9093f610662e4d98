"""System checks of the credential keys (``mekendesh check --deploy``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from mekendesh.lib.credential import KeyMissing, KeyProblem


def credential_key_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Production: warn when no signing key is configured or the one named cannot be used.
    A warning, not an error: the register runs without credentials, it only cannot issue them."""
    if not settings.PRODUCTION:
        return []
    if not settings.CREDENTIAL_KEY_FILE_SET:
        return [
            checks.Warning(
                "No credential signing key is configured: no registration credential can be issued.",
                hint="Make one with `mekendesh credential keys generate` and set MEKENDESH_CREDENTIAL_KEY_FILE.",
                id="mekendesh.credentials.W001",
            )
        ]
    from mekendesh.credentials.keys import keystore

    try:
        keystore().issuing_key()
        keystore().published()
    except (KeyMissing, KeyProblem) as exc:
        return [
            checks.Error(
                f"The credential signing key cannot be used: {exc}",
                hint="Check MEKENDESH_CREDENTIAL_KEY_FILE and MEKENDESH_CREDENTIAL_KEYSET_FILE.",
                id="mekendesh.credentials.E001",
            )
        ]
    return []


def register() -> None:
    checks.register(credential_key_check, checks.Tags.security, deploy=True)
