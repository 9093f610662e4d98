"""Staff sign in with a second factor.

A signed-in user with a staff role

- who has no authenticator app yet may open only the pages that set one up (plus signing out,
  static files and the language switch): every other page sends them to the activation page;
- whose session did not pass the second factor (signed in some other way than allauth's
  password-then-code flow) is signed out and sent to the sign-in page when they open a staff
  page (``/staff/``, ``/api/``, ``/admin/``).

Tests sign staff in with the ``staff_client`` fixture (``mekendesh/conftest.py``), which marks the
session the way activating an authenticator does; a bare ``client.force_login()`` is refused for
staff pages, like any other session without a second factor.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import is_staff
from mekendesh.accounts.second_factor import second_factor_done
from mekendesh.accounts.services import has_totp

STAFF_PREFIXES = ("/staff/", "/api/", "/admin/")
API_PREFIX = "/api/"
ALWAYS_OPEN_PREFIXES = ("/i18n/", "/jsi18n/", "/favicon.ico")
# Pages a staff member without an authenticator app may open: setting one up, and what it needs.
ENROLMENT_URL_NAMES = frozenset(
    {
        "account_logout",
        "account_reauthenticate",
        "account_email",
        "account_confirm_email",
        "account_email_verification_sent",
        "mfa_index",
        "mfa_activate_totp",
    }
)


def _open_path(path: str) -> bool:
    static_url = settings.STATIC_URL or ""
    static_prefix = static_url if static_url.startswith("/") else "/" + static_url
    return path.startswith(ALWAYS_OPEN_PREFIXES) or (static_url != "" and path.startswith(static_prefix))


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


class StaffSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not is_staff(user):
            return self.get_response(request)
        path = request.path_info
        if _open_path(path):
            return self.get_response(request)
        if not has_totp(user):
            if _url_name(path) in ENROLMENT_URL_NAMES:
                return self.get_response(request)
            if path.startswith(API_PREFIX):
                return JsonResponse(
                    {"detail": _("Set up your authenticator app before using the staff interface.")}, status=403
                )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        if path.startswith(STAFF_PREFIXES) and not second_factor_done(request):
            logout(request)
            if path.startswith(API_PREFIX):
                return JsonResponse({"detail": _("Sign in with your password and authenticator code.")}, status=403)
            return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
