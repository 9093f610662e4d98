"""The public side of the credentials: the published key set, the signed status list and the
verification page, where anyone checks a credential they were shown."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mekendesh.credentials import selectors
from mekendesh.credentials.forms import VerifyForm
from mekendesh.credentials.keys import CredentialKeyUnavailable, published_keyset
from mekendesh.lib.credential import STATUS_LIST_TYPE, Outcome
from mekendesh.lib.ratelimit import client_address, rate_limit_hit

# How long a published document may be kept by a browser or proxy (seconds).
KEYS_MAX_AGE = 3600
STATUS_MAX_AGE = selectors.STATUS_LIST_CACHE_SECONDS


@require_GET
def keys(request: HttpRequest) -> HttpResponse:
    """The published key set (JSON): every key that verifies credentials, with its state."""
    try:
        document = published_keyset().to_json()
    except CredentialKeyUnavailable:
        return HttpResponse(_("The key set cannot be read now."), status=503, content_type="text/plain")
    response = HttpResponse(document, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=KEYS_MAX_AGE)
    return response


@require_GET
def status(request: HttpRequest) -> HttpResponse:
    """The revocation status list, signed (``application/statuslist+cwt``), for offline checks."""
    try:
        signed = selectors.status_list_signed(now=timezone.now())
    except CredentialKeyUnavailable:
        return HttpResponse(_("No status list can be signed now."), status=503, content_type="text/plain")
    response = HttpResponse(signed, content_type=STATUS_LIST_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = 'attachment; filename="status.cwt"'
    patch_cache_control(response, public=True, max_age=STATUS_MAX_AGE)
    return response


_TONE = {
    Outcome.VALID: "good",
    Outcome.EXPIRED: "warn",
    Outcome.NOT_YET_VALID: "warn",
}


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Paste (or scan) a credential's text and read what it is worth, in the page's language.
    The text comes in the request body; an address may check ``CREDENTIAL_VERIFY_RATE_PER_HOUR``
    credentials an hour. The answer shows what the credential itself says, nothing more."""
    verdict = None
    form = VerifyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        limit = rate_limit_hit(
            scope="credential_verify", key=client_address(request), limit=settings.CREDENTIAL_VERIFY_RATE_PER_HOUR
        )
        if not limit.allowed:
            minutes = max(1, (limit.retry_after + 59) // 60)
            response = render(request, "credentials/rate_limited.html", {"minutes": minutes}, status=429)
            response["Retry-After"] = str(limit.retry_after)
            return response
        if form.is_valid():
            try:
                verdict = selectors.credential_check(text=form.cleaned_data["credential"], now=timezone.now())
            except CredentialKeyUnavailable:
                verdict = None
                form.add_error(None, _("Credentials cannot be checked here now. Try again later."))
    response = render(
        request,
        "credentials/verify.html",
        {
            "form": form,
            "verdict": verdict,
            "message": _(verdict.message) if verdict else "",
            "tone": _TONE.get(verdict.outcome, "bad") if verdict else "",
        },
    )
    if request.method == "POST":
        # The answer shows a person's name and date of birth: no copy in a cache or the history.
        patch_cache_control(response, no_store=True, private=True, no_cache=True, max_age=0)
    return response
