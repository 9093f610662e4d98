"""The installation's signing key and published key set, from the settings.

``MEKENDESH_CREDENTIAL_KEY_FILE`` names the private key (PEM) and ``MEKENDESH_CREDENTIAL_KEYSET_FILE``
the published key set (by default beside it). In development and tests a key is made under
``MEKENDESH_HOME`` on first use; in production a missing key is a configuration error: no
credential is issued with a key nobody chose to trust.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.lib.credential import KeyMissing, KeyProblem, KeySet, KeyStore, SigningKey


class CredentialKeyUnavailable(ImproperlyConfigured):
    """No key can sign credentials now (none configured, unreadable, or withdrawn)."""


def keystore() -> KeyStore:
    return KeyStore(
        key_file=settings.CREDENTIAL_KEY_FILE,
        keyset_file=settings.CREDENTIAL_KEYSET_FILE,
        issuer=settings.CREDENTIAL_ISSUER,
    )


def makes_its_own_key() -> bool:
    """Development and tests make a key on first use; production never does."""
    return not settings.PRODUCTION and not settings.CREDENTIAL_KEY_FILE_SET


def issuing_key() -> SigningKey:
    """The key that signs new credentials and status lists now."""
    store = keystore()
    if settings.PRODUCTION and not settings.CREDENTIAL_KEY_FILE_SET:
        raise CredentialKeyUnavailable(
            _(
                "No credential signing key is configured: set MEKENDESH_CREDENTIAL_KEY_FILE "
                "(make a key with `mekendesh credential keys generate`)."
            )
        )
    try:
        if makes_its_own_key():
            store.create(now=timezone.now())
        return store.issuing_key()
    except KeyMissing as exc:
        raise CredentialKeyUnavailable(
            _("The credential signing key file is missing: %(problem)s") % {"problem": exc}
        ) from exc
    except KeyProblem as exc:
        raise CredentialKeyUnavailable(
            _("The credential signing key cannot be used: %(problem)s") % {"problem": exc}
        ) from exc


def published_keyset() -> KeySet:
    """The key set verifiers get (``/credentials/keys.json``)."""
    store = keystore()
    try:
        if makes_its_own_key():
            store.create(now=timezone.now())
        return store.published()
    except KeyProblem as exc:
        raise CredentialKeyUnavailable(
            _("The published credential key set cannot be read: %(problem)s") % {"problem": exc}
        ) from exc
