"""Forms of the sign-in pages that add to allauth's."""

from __future__ import annotations

from allauth.core import context
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm

from mekendesh.accounts.second_factor import second_factor_mark_done


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """Activating an authenticator app takes a valid code from it: that is the second factor, so
    the session that typed it may open staff pages without signing in again."""

    def clean_code(self) -> str:
        code = super().clean_code()
        second_factor_mark_done(session=context.request.session, user=self.user)
        return code
