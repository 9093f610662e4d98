"""The public diaspora pages, mounted at ``/diaspora/`` (namespace ``diaspora:``), for everyone:
by country, who represents the diaspora there (serving today) and how to reach them, their
projects, and the diaspora organisations — only records marked public. No script, in the
visitor's language (cookie or Accept-Language)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from mekendesh.diaspora import selectors
from mekendesh.reference.models import Country


def _public(response: HttpResponse) -> HttpResponse:
    response.setdefault("Cache-Control", "public, max-age=300")
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    countries = selectors.public_by_country(today=timezone.localdate())
    return _public(render(request, "diaspora/public/index.html", {"countries": countries, "single": False}))


@require_safe
def country(request: HttpRequest, code: str) -> HttpResponse:
    place = Country.objects.filter(code=code.upper()).first()
    if place is None:
        raise Http404
    countries = selectors.public_by_country(today=timezone.localdate(), country=place)
    return _public(
        render(request, "diaspora/public/index.html", {"countries": countries, "single": True, "place": place})
    )
