"""Writes about accounts: second factors, and the audit rows of signing in and out."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mekendesh.accounts.models import User
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record


def _normalise_secret(secret: str) -> str:
    secret = secret.replace(" ", "").upper()
    try:
        raw = base64.b32decode(secret, casefold=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationError({"secret": _("The TOTP secret must be Base32 (letters A–Z and digits 2–7).")}) from exc
    if len(raw) < 10:
        raise ValidationError({"secret": _("The TOTP secret must hold at least 80 bits (16 Base32 characters).")})
    return secret


@transaction.atomic
def totp_activate(*, user: User, secret: str | None = None, actor: Any | None = None) -> Authenticator:
    """Give ``user`` a TOTP authenticator (and recovery codes) with a known Base32 ``secret``.

    Made for demo users and for administrators enrolling a staff member by hand: the secret is
    what an authenticator app needs (``otpauth://totp/…?secret=<secret>``). Without ``secret`` a
    new random one is made; read it back with :func:`totp_secret`. A user who already has a TOTP
    authenticator is refused: deactivate the old one first.
    """
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        raise ValidationError({"secret": _("This user already has an authenticator app.")})
    totp = TOTP.activate(user, _normalise_secret(secret or generate_totp_secret()))
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)
    authenticator_change_record(
        actor=actor if actor is not None else user, user=user, kind=Authenticator.Type.TOTP,
        action=AuditEvent.Action.CREATE,
    )
    return totp.instance


@transaction.atomic
def authenticator_change_record(*, actor: Any, user: Any, kind: str, action: str) -> AuditEvent:
    """The audit row of an authenticator (``kind``: totp, recovery_codes) added to or removed from
    a user's account; the object is the user whose sign-in it protects."""
    return audit_record(actor=actor, action=action, object_type="mfa.authenticator", object_id=str(user.pk),
                        fields=[kind])


def totp_secret(*, user: User) -> str:
    """The Base32 secret of the user's TOTP authenticator (for the demo command's printout)."""
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def has_totp(user: Any) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


@transaction.atomic
def sign_in_record(*, user: Any) -> AuditEvent:
    """The audit row of a successful sign-in."""
    return audit_record(actor=user, action=AuditEvent.Action.LOGIN, obj=user)


@transaction.atomic
def sign_out_record(*, user: Any) -> AuditEvent:
    """The audit row of a sign-out."""
    return audit_record(actor=user, action=AuditEvent.Action.LOGOUT, obj=user)


@transaction.atomic
def sign_in_failed_record(*, login: str, step: str = "password") -> AuditEvent:
    """The audit row of a failed sign-in: the name typed (never the password) and the step that
    failed ("password", or "totp" for a wrong authenticator code)."""
    return audit_record(
        actor=None,
        action=AuditEvent.Action.LOGIN_FAILED,
        object_type="accounts.user",
        object_id=(login or "")[:64],
        fields=[step],
    )


@transaction.atomic
def sign_in_unlock(*, actor: Any, user: User, request: Any | None = None) -> AuditEvent:
    """Clear the failed sign-ins of ``user``'s account, from every address, so that it opens again
    (by the owner's unlock link, or by an administrator); the audit row names who did it. With the
    ``request``, allauth's own count of failed sign-ins of the account is cleared too, as allauth
    does after a password reset (another proof of the mailbox, or an administrator's decision)."""
    from allauth.account.adapter import get_adapter
    from axes.utils import reset

    from mekendesh.accounts.lockout import login_name_of

    reset(username=login_name_of(user))
    if request is not None:
        get_adapter(request)._delete_login_attempts_cached_email(request, email=login_name_of(user))
    return audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=user, fields=["sign_in_lock"])
