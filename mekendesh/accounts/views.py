"""Pages of the account that allauth does not provide: unlocking a locked sign-in."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mekendesh.accounts import lockout, services


@require_http_methods(["GET", "POST"])
def unlock(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the lock-out e-mail. Opening it shows a button (mail scanners open links); the
    button clears the account's failed sign-ins."""
    user = lockout.unlock_token_user(token)
    if user is None:
        return render(request, "account/unlock.html", {"valid": False}, status=400)
    if request.method == "POST":
        services.sign_in_unlock(actor=user, user=user, request=request)
        lockout.unlock_token_use(token)
        messages.success(request, _("Your account is unlocked. Sign in again."))
        return redirect("account_login")
    return render(request, "account/unlock.html", {"valid": True})
