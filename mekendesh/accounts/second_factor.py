"""Whether the signed-in session has passed a second factor.

django-allauth keeps, in the session, a record of every authentication step taken
(``allauth.account.authentication.get_authentication_records``): a password sign-in followed by an
authenticator code leaves a record with ``method == "mfa"``. Activating an authenticator app also
proves the second factor (a valid code is typed), but allauth records no step for it; the
activation form (``accounts.forms.ActivateTOTPForm``) marks the session with :data:`SESSION_KEY`.
"""

from __future__ import annotations

from typing import Any

from allauth.account.authentication import get_authentication_records
from django.http import HttpRequest

SESSION_KEY = "mekendesh_second_factor_user"


def second_factor_done(request: HttpRequest) -> bool:
    user = request.user
    if any(record.get("method") == "mfa" for record in get_authentication_records(request, user)):
        return True
    return request.session.get(SESSION_KEY) == str(user.pk)


def second_factor_mark_done(*, session: Any, user: Any) -> None:
    """Mark a session as having passed the second factor of ``user`` (after activating TOTP)."""
    session[SESSION_KEY] = str(user.pk)
