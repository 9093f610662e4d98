"""allauth's sign-up form, answering the same whether or not the address has an account."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from django.http import HttpRequest

from mekendesh.accounts.services import account_login_taken, account_taken_notify


class SignupForm(AllauthSignupForm):
    """A taken address is not refused on the form: no account is made, its owner gets a message,
    and the answer is the "check your e-mail" page a new sign-up gets too. A new account's
    address must be confirmed before it signs in (``AccountAdapter.pre_login``)."""

    def validate_unique_email(self, value: str) -> str:
        self.account_already_exists = account_login_taken(email=value)
        return value

    def try_save(self, request: HttpRequest) -> tuple[Any, Any]:
        adapter = get_adapter(request)
        if self.account_already_exists:
            account_taken_notify(email=self.cleaned_data.get("email", ""))
            return None, adapter.respond_email_verification_sent(request, None)
        user = self.save(request)
        address = EmailAddress.objects.filter(user=user, primary=True).first()
        if address is not None and not address.verified:
            address.send_confirmation(request, signup=True)
        return user, adapter.respond_email_verification_sent(request, user)
