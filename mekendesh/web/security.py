"""Response headers of pages and API answers with personal data."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

# Where personal data is shown or typed: the staff workspace, the migrant's pages, the API, the
# admin and the account pages (sign-in, second factor, its secret).
PRIVATE_PREFIXES = ("/staff/", "/me/", "/api/", "/admin/", "/accounts/")


class PrivatePagesMiddleware:
    """``Cache-Control: no-store, private`` on every answer under :data:`PRIVATE_PREFIXES` and on
    every answer to a signed-in user, so that no browser history, shared computer or proxy keeps
    a copy. Public pages for the anonymous (the landing page, static files) stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path_info.startswith(PRIVATE_PREFIXES) or (user is not None and user.is_authenticated):
            patch_cache_control(response, no_store=True, private=True, no_cache=True, max_age=0)
        return response
