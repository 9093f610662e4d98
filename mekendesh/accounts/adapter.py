from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from mekendesh.accounts.permissions import is_staff_account


class AccountAdapter(DefaultAccountAdapter):
    """Public sign-up creates migrant accounts only; staff accounts are made by administrators."""

    # A migrant may sign in with the phone number they registered with (``User.phone``, E.164)
    # instead of an e-mail address: allauth's phone login method asks the adapter for these two.
    # Phone numbers are not verified by SMS yet, so none is reported as verified.
    def get_user_by_phone(self, phone: str):  # type: ignore[no-untyped-def]
        from mekendesh.accounts.models import User

        return User.objects.filter(phone=phone, is_active=True).first()

    def get_phone(self, user):  # type: ignore[no-untyped-def]
        return (user.phone, False) if getattr(user, "phone", None) else None

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
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff keep their authenticator app: an administrator resets a lost one."""
        if authenticator.type == Authenticator.Type.TOTP and is_staff_account(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
