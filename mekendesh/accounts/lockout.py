"""Sign-in failures per account: how django-axes names the account being tried, the slow-down
before the lock-out, the lock-out page, and the link that unlocks an account.

Failures are counted per account across every address (``AXES_LOCKOUT_PARAMETERS = ["username"]``):
a locked account does not open from a second address either. After ``SIGN_IN_SLOWDOWN_AFTER``
failures the account waits between tries (doubling), then ``AXES_FAILURE_LIMIT`` failures lock it;
its owner gets an e-mail with a signed, time-limited link that unlocks it, and an administrator
may unlock it in the admin (``accounts.services.sign_in_unlock``).

allauth's sign-in form has a field called ``login`` but authenticates with ``email=…`` (or
``phone=…``); axes must count failures against the same name whichever of the two it sees, or a
lock-out would never match the account.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _


def login_name(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    credentials = credentials or {}
    for key in ("email", "username", "phone", "login"):
        if credentials.get(key):
            return str(credentials[key]).strip().lower()
    posted = getattr(request, "POST", None)
    if posted is not None and posted.get("login"):
        return str(posted["login"]).strip().lower()
    return None


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The page shown once axes has locked an account out (HTTP 429)."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "account/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
        },
        status=429,
    )


# --- Failures per account, the slow-down before the lock-out, and the unlock link ------------------

UNLOCK_SALT = "mekendesh.accounts.unlock"


def account_failures(name: str) -> tuple[int, dt.datetime | None]:
    """The failed sign-ins of the account named ``name`` within the cool-off, from every address,
    and the time of the last one."""
    from axes.models import AccessAttempt

    attempts = AccessAttempt.objects.filter(username=name)
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    totals = attempts.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    return totals["failures"] or 0, totals["last"]


def slowdown_seconds(failures: int) -> int:
    """How long an account waits between tries after ``failures`` failures: nothing before
    ``SIGN_IN_SLOWDOWN_AFTER`` of them, then ``SIGN_IN_SLOWDOWN_SECONDS``, doubling with each more."""
    after = settings.SIGN_IN_SLOWDOWN_AFTER
    if settings.SIGN_IN_SLOWDOWN_SECONDS <= 0 or failures < after:
        return 0
    return int(settings.SIGN_IN_SLOWDOWN_SECONDS * 2 ** (failures - after))


def slowdown_wait(name: str) -> int:
    """The wait (seconds) the account must keep before its next try; 0 when it may try now.
    A locked account is left to the lock-out."""
    failures, last = account_failures(name)
    wait = slowdown_seconds(failures)
    if not wait or last is None or failures >= settings.AXES_FAILURE_LIMIT:
        return 0
    return wait if timezone.now() < last + dt.timedelta(seconds=wait) else 0


def unlock_token(user: Any) -> str:
    return signing.dumps({"u": user.pk}, salt=UNLOCK_SALT)


def unlock_token_user(token: str) -> Any | None:
    """The active account a valid, unexpired, unused unlock token names, or None."""
    from mekendesh.accounts.models import User

    try:
        data = signing.loads(token, salt=UNLOCK_SALT, max_age=settings.UNLOCK_LINK_MINUTES * 60)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or cache.get(_used_key(token)) or not account_failures(login_name_of(user))[0]:
        return None
    return user


def unlock_token_use(token: str) -> None:
    cache.set(_used_key(token), True, timeout=settings.UNLOCK_LINK_MINUTES * 60)


def _used_key(token: str) -> str:
    return "mekendesh:unlock-used:" + hashlib.sha256(token.encode()).hexdigest()


def login_name_of(user: Any) -> str:
    """The name axes counts the account's failures under (see :func:`login_name`)."""
    return str(user.email).strip().lower()


def unlock_mail_send(*, request: HttpRequest, user: Any) -> None:
    """Send the account's owner a link that unlocks their sign-in."""
    link = request.build_absolute_uri(reverse("account_unlock", kwargs={"token": unlock_token(user)}))
    with translation.override(user.preferred_language or translation.get_language()):
        subject = _("Your Mekendesh sign-in is locked")
        body = _(
            "Someone, perhaps you, failed to sign in to your Mekendesh account %(email)s %(limit)d times, "
            "so signing in is locked, from every address.\n\n"
            "If it was you, open this link within %(minutes)d minutes to unlock it, then sign in:\n%(link)s\n\n"
            "If it was not you, your password is still safe; tell your administrator."
        ) % {
            "email": user.email,
            "limit": settings.AXES_FAILURE_LIMIT,
            "minutes": settings.UNLOCK_LINK_MINUTES,
            "link": link,
        }
    send_mail(subject, body, None, [user.email])
