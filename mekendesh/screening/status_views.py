"""The public status check's pages, mounted at ``/status/`` (namespace ``status:``): the form,
the answer (lists, what to do, the consulate, and the code form), and the cases the code shows.

The details come only in the request body: a request that carries anything in its address is
refused before anything is looked up, and nothing of its address is echoed back. Every answer is
``Cache-Control: no-store`` and is padded to a whole number of :data:`ANSWER_BLOCK` bytes, so
that its length does not tell an onlooker on the network which answer it is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mekendesh.lib.ratelimit import client_address
from mekendesh.screening import status
from mekendesh.screening.status_forms import CodeForm, StatusForm

ANSWER_BLOCK = 8192
View = Callable[..., HttpResponse]


def padded(content: bytes, *, block: int = ANSWER_BLOCK, html: bool = True) -> bytes:
    """``content`` padded with spaces (inside an HTML comment for a page) to a whole number of
    ``block`` bytes."""
    wrapper = (b"<!--", b"-->") if html else (b"", b"")
    used = len(content) + len(wrapper[0]) + len(wrapper[1])
    return content + wrapper[0] + b" " * (-used % block) + wrapper[1]


def query_string_refusal() -> str:
    return _(
        "Your surname, date of birth and passport number are never sent in a page’s address (addresses are kept "
        "in browsers' histories and servers' logs). Nothing was looked up: type them in the form below."
    )


def status_page(view: View) -> View:
    """A status page: refused with a clear message when its address carries anything (nothing
    is looked up), and never kept by a browser or proxy."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.META.get("QUERY_STRING"):
            # Nothing of the address goes back into the page (the language form's "next").
            request.META["QUERY_STRING"] = ""
            request.GET = QueryDict()
            response = render(
                request,
                "screening/status/check.html",
                {"form": StatusForm(), "refusal": query_string_refusal()},
                status=400,
            )
        else:
            response = view(request, *args, **kwargs)
        response.content = padded(response.content)
        patch_cache_control(response, no_store=True, private=True, no_cache=True, max_age=0)
        return response

    return wrapper


def _held_back(request: HttpRequest, verdict: status.LimitVerdict, form: Any) -> HttpResponse:
    response = render(
        request,
        "screening/status/check.html",
        {"form": form, "refusal": status.limit_message(verdict)},
        status=429,
    )
    response["Retry-After"] = str(verdict.retry_after)
    return response


@status_page
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """The form, and its answer: which lists name the person and what to do; the code form."""
    if request.method != "POST":
        return render(request, "screening/status/check.html", {"form": StatusForm()})
    form = StatusForm(request.POST)
    if not form.is_valid():
        return render(request, "screening/status/check.html", {"form": form}, status=400)
    query = form.query()
    verdict = status.status_limits_hit(
        keys=[status.address_key(client_address(request)), status.number_key(query.document_number)]
    )
    if not verdict.allowed:
        return _held_back(request, verdict, StatusForm())
    answer = status.status_check(query=query, language=translation.get_language() or "")
    return render(
        request,
        "screening/status/answer.html",
        {
            "answer": answer,
            "code_form": CodeForm(initial={"check": answer.check_token}),
            "code_minutes": settings.STATUS_CODE_MINUTES,
        },
    )


@status_page
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    """The one-time code: right, it shows the person's cases; wrong, it may be typed again."""
    if request.method != "POST":
        return render(request, "screening/status/check.html", {"form": StatusForm()})
    form = CodeForm(request.POST)
    if not form.is_valid():
        return render(request, "screening/status/code.html", {"code_form": form}, status=400)
    verdict = status.status_limits_hit(keys=[status.address_key(client_address(request), scope="code")])
    if not verdict.allowed:
        return _held_back(request, verdict, StatusForm())
    result = status.status_code_verify(token=form.cleaned_data["check"], code=form.cleaned_data["code"])
    if result.outcome != status.CodeOutcome.SHOWN:
        retry = result.outcome == status.CodeOutcome.WRONG
        fresh = CodeForm(initial={"check": form.cleaned_data["check"]}) if retry else None
        return render(
            request, "screening/status/code.html", {"code_form": fresh, "message": result.message}, status=400
        )
    return render(request, "screening/status/cases.html", {"cases": result.cases})
