"""How django-axes names the account being tried.

allauth's sign-in form has a field called ``login`` but authenticates with ``email=…`` (or
``phone=…``); axes must count failures against the same name whichever of the two it sees, or a
lock-out would never match the account.
"""

from __future__ import annotations

from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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
