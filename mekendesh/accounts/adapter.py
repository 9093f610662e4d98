from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Public sign-up creates migrant accounts only; staff accounts are made by administrators."""

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """An account with recent failures waits between tries, from every address (see
        ``accounts.lockout``); the refused try is not counted as a failure."""
        from django import forms
        from django.utils.translation import ngettext

        from mekendesh.accounts.lockout import login_name, slowdown_wait

        name = login_name(request, credentials)
        wait = slowdown_wait(name) if name else 0
        if wait:
            raise forms.ValidationError(ngettext(
                "Too many failed sign-ins for this account: wait %(seconds)d second before trying again.",
                "Too many failed sign-ins for this account: wait %(seconds)d seconds before trying again.",
                wait,
            ) % {"seconds": wait}, code="slowed_down")
        super().pre_authenticate(request, **credentials)

    # A migrant may sign in with the phone number they registered with (``User.phone``, E.164)
    # instead of an e-mail address: allauth's phone login method asks the adapter for these two.
    # Phone numbers are not verified by SMS yet, so none is reported as verified.
    def get_user_by_phone(self, phone: str):  # type: ignore[no-untyped-def]
        from mekendesh.accounts.models import User

        return User.objects.filter(phone=phone, is_active=True).first()

    def get_phone(self, user):  # type: ignore[no-untyped-def]
        return (user.phone, False) if getattr(user, "phone", None) else None


class MFAAdapter(DefaultMFAAdapter):
    """Second-factor secrets are stored encrypted (see :mod:`mekendesh.accounts.mfa_secrets`)."""

    def encrypt(self, text: str) -> str:
        from mekendesh.accounts.mfa_secrets import secret_encrypt

        return secret_encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        from mekendesh.accounts.mfa_secrets import secret_decrypt

        return secret_decrypt(encrypted_text)

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff keep their authenticator app: an administrator resets a lost one."""
        if authenticator.type == Authenticator.Type.TOTP and getattr(authenticator.user, "is_staff_role", False):
            return False
        return super().can_delete_authenticator(authenticator)
