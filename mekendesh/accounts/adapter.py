from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from mekendesh.accounts.permissions import is_staff_account


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
            raise forms.ValidationError(
                ngettext(
                    "Too many failed sign-ins for this account: wait %(seconds)d second before trying again.",
                    "Too many failed sign-ins for this account: wait %(seconds)d seconds before trying again.",
                    wait,
                )
                % {"seconds": wait},
                code="slowed_down",
            )
        super().pre_authenticate(request, **credentials)

    # A migrant may sign in with the phone number they registered with (``User.phone``, E.164)
    # instead of an e-mail address: allauth's phone login method asks the adapter for these two.
    # Phone numbers are not verified by SMS yet, so none is reported as verified.
    def get_user_by_phone(self, phone: str) -> AbstractBaseUser | None:
        from mekendesh.accounts.models import User

        return User.objects.filter(phone=phone, is_active=True).first()

    def get_phone(self, user: AbstractBaseUser) -> tuple[str, bool] | None:
        phone: str | None = getattr(user, "phone", None)
        return (phone, False) if phone else None

    def pre_login(self, request: Any, user: Any, **kwargs: Any) -> Any:
        """A migrant whose e-mail address is not confirmed yet does not get in: the same "check
        your e-mail" answer as at registration (and the link is sent again)."""
        from mekendesh.accounts.services import account_unconfirmed

        if user.is_active and account_unconfirmed(user):
            from allauth.account.internal.flows.email_verification import send_verification_email_to_address
            from allauth.account.models import EmailAddress

            address = EmailAddress.objects.filter(user=user, primary=True).first()
            if address is not None:
                send_verification_email_to_address(request, address)  # within allauth's rate limit
            return self.respond_email_verification_sent(request, user)
        return super().pre_login(request, user, **kwargs)


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
        if authenticator.type == Authenticator.Type.TOTP and is_staff_account(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
