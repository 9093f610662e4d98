"""Writes about accounts: migrants' accounts, second factors, and the audit rows of signing in
and out."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mekendesh.accounts.models import Role, User
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
        actor=actor if actor is not None else user,
        user=user,
        kind=Authenticator.Type.TOTP,
        action=AuditEvent.Action.CREATE,
    )
    return totp.instance


@transaction.atomic
def authenticator_change_record(*, actor: Any, user: Any, kind: str, action: str) -> AuditEvent:
    """The audit row of an authenticator (``kind``: totp, recovery_codes) added to or removed from
    a user's account; the object is the user whose sign-in it protects."""
    return audit_record(
        actor=actor, action=action, object_type="mfa.authenticator", object_id=str(user.pk), fields=[kind]
    )


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


# --- Migrants' own accounts -------------------------------------------------------------------------

# Accounts made with a phone number still need a unique e-mail field: a placeholder in the
# ".invalid" top-level domain (RFC 2606), which no mail server accepts.
PHONE_ACCOUNT_EMAIL_DOMAIN = "phone.invalid"


def phone_account_email(phone: str) -> str:
    """The placeholder e-mail of an account whose login is a phone number."""
    return f"{''.join(char for char in phone if char.isdigit())}@{PHONE_ACCOUNT_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class AccountInput:
    """How a migrant signs in: an e-mail address or a phone number (E.164), and a password."""

    password: str
    email: str = ""
    phone: str = ""


class AccountTaken(Exception):
    """The e-mail address or phone number already has an account. Never shown as such: the caller
    answers as for a new account and tells the address's owner (:func:`account_taken_notify`)."""


def account_login_taken(*, email: str = "", phone: str = "") -> bool:
    """Whether an account signs in with this e-mail address or phone number already."""
    taken = User.objects.none()
    if email:
        taken = taken | User.objects.filter(email__iexact=email)
    if phone:
        taken = taken | User.objects.filter(phone=phone)
    return taken.exists()


def migrant_account_create(*, account: AccountInput) -> User:
    """A migrant's account. The password is checked first (the same answer whether or not the
    login is taken); a login already taken raises :class:`AccountTaken` and stores nothing.

    An account with an e-mail address gets it unconfirmed: it cannot sign in until the link sent
    by :func:`account_confirmation_send` is followed. A phone account signs in at once (phone
    numbers are not confirmed by SMS yet)."""
    from django.contrib.auth import password_validation

    email = account.email.strip().lower()
    phone = account.phone.strip()
    if not email and not phone:
        raise ValidationError({"login_with": _("Give an e-mail address or a phone number to sign in with.")})
    user = User(email=email or phone_account_email(phone), phone=None if email else phone, role=Role.MIGRANT)
    try:
        password_validation.validate_password(account.password, user)
    except ValidationError as exc:
        raise ValidationError({"password1": exc.messages}) from exc
    if account_login_taken(email=email, phone="" if email else phone):
        raise AccountTaken
    user.set_password(account.password)
    user.save()
    if email:
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    return user


def account_confirmation_send(*, user: User, request: Any = None) -> None:
    """Send the link that confirms a new account's e-mail address. Call it once the account is
    committed (after the registration's transaction), so that no link points to nothing."""
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(user=user, primary=True, verified=False).first()
    if address is not None:
        address.send_confirmation(request, signup=True)


def account_taken_notify(*, email: str = "", phone: str = "") -> None:
    """Tell the owner of an address that someone tried to register with it (to sign in or reset
    the password if it was them). Phone numbers get nothing until SMS is set up."""
    from allauth.account.adapter import get_adapter
    from allauth.core import context
    from django.urls import reverse

    if not email:
        return
    request = context.request
    urls = {"signup_url": reverse("migrant:register"), "password_reset_url": reverse("account_reset_password")}
    if request is not None:
        urls = {name: request.build_absolute_uri(url) for name, url in urls.items()}
    get_adapter().send_mail("account/email/account_already_exists", email.strip().lower(), urls)


def account_unconfirmed(user: Any) -> bool:
    """A migrant account whose e-mail address has not been confirmed yet (it may not sign in)."""
    from allauth.account.models import EmailAddress

    if getattr(user, "role", None) != Role.MIGRANT:
        return False
    addresses = list(EmailAddress.objects.filter(user=user).values_list("verified", flat=True))
    return bool(addresses) and not any(addresses)
