"""What a credential's card shows, on the migrant's phone, on paper and at the consulate: its
claims, its QR code and its text."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from mekendesh.credentials import selectors
from mekendesh.credentials.models import Credential
from mekendesh.lib.credential import qr_svg


def card(credential: Credential) -> dict[str, Any]:
    return {
        "credential": credential,
        "claims": selectors.credential_claims(credential=credential),
        "qr": qr_svg(credential.token, title=_("QR code of the registration credential")),
        "text": credential.token,
    }
