from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator


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
