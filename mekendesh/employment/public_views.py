"""The public employment pages, mounted at ``/employment/`` (namespace ``employment:``), for
everyone, signed in or not, in the reader's language, without JavaScript: the licence check, the
vetted job offers, the courses, the verification of a course certificate, and the certificates'
signed revocation status list (for offline checks, like the registration credentials' list).

The licence check and the certificate check are rate-limited per client address like the status
check; a page over the limit answers 429 with the time to wait.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from mekendesh.accounts.permissions import can
from mekendesh.credentials.keys import CredentialKeyUnavailable
from mekendesh.employment import isco, selectors
from mekendesh.employment.forms import (
    CertificateForm,
    LicenceQueryForm,
    OfferFilterForm,
    QuestionForm,
    SubmissionKeyForm,
)
from mekendesh.employment.models import LicenceStatus, Offer, SavedOffer
from mekendesh.lib.credential import STATUS_LIST_TYPE
from mekendesh.lib.ratelimit import client_address, rate_limit_hit
from mekendesh.reference.models import Country

# Look-ups per client address and hour (settings may override them).
LICENCE_CHECK_RATE_PER_HOUR = 60
CERTIFICATE_CHECK_RATE_PER_HOUR = 60


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _held_back(request: HttpRequest, template: str, context: dict[str, Any], retry_after: int) -> HttpResponse:
    minutes = max(1, (retry_after + 59) // 60)
    context["refusal"] = _(
        "Too many look-ups from your connection in a short time. Try again in %(minutes)d minutes."
    ) % {"minutes": minutes}
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


@require_safe
def licences(request: HttpRequest) -> HttpResponse:
    """The licence check: is this agency licensed to recruit for work abroad?"""
    form = LicenceQueryForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "answer": None, "statuses": LicenceStatus}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        verdict = rate_limit_hit(
            scope="employment.licence_check",
            key=client_address(request),
            limit=_limit("EMPLOYMENT_LICENCE_CHECK_RATE_PER_HOUR", LICENCE_CHECK_RATE_PER_HOUR),
        )
        if not verdict.allowed:
            return _held_back(request, "employment/public/licences.html", context, verdict.retry_after)
        context["answer"] = selectors.licence_check(query=form.cleaned_data["q"].strip())
    elif form.is_bound and not form.is_valid():
        return render(request, "employment/public/licences.html", context, status=400)
    return render(request, "employment/public/licences.html", context)


@require_safe
def offers(request: HttpRequest) -> HttpResponse:
    public = selectors.offers_public()
    countries = list(Country.objects.filter(code__in=public.values("country")).order_by("name_en"))
    codes = sorted(set(public.values_list("isco_code", flat=True)))
    form = OfferFilterForm(request.GET or None, countries=countries, codes=codes)
    country = occupation = ""
    if form.is_bound:
        if not form.is_valid():
            form = OfferFilterForm(countries=countries, codes=codes)
        else:
            country, occupation = form.cleaned_data["country"], form.cleaned_data["occupation"]
    found = list(selectors.offers_public_filtered(country=country, occupation=occupation)[:200])
    return render(request, "employment/public/offers.html", {"form": form, "offers": found})


def public_offer(offer_id: Any) -> Offer:
    offer = selectors.offers_public().filter(public_id=offer_id).first()
    if offer is None:
        raise Http404
    return offer


@require_safe
def offer(request: HttpRequest, offer_id: Any) -> HttpResponse:
    found = public_offer(offer_id)
    may_apply = can(request.user, "employment.apply")
    saved = may_apply and SavedOffer.objects.filter(user=request.user.pk, offer=found).exists()
    return render(
        request,
        "employment/public/offer.html",
        {
            "offer": found,
            "may_apply": may_apply,
            "saved": saved,
            "question_form": QuestionForm(initial={"addressee": "consulate"}) if may_apply else None,
        },
    )


@require_safe
def courses(request: HttpRequest) -> HttpResponse:
    rows = [(course, selectors.seats_left(course)) for course in selectors.courses_open()]
    enrolled: set[int] = set()
    if can(request.user, "employment.apply"):
        enrolled = set(selectors.my_enrolments(user=request.user).values_list("course_id", flat=True))
    return render(
        request,
        "employment/public/courses.html",
        {
            "rows": rows,
            "may_apply": can(request.user, "employment.apply"),
            "enrolled": enrolled,
            "key_form": SubmissionKeyForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def certificate_verify(request: HttpRequest) -> HttpResponse:
    """Anyone (an employer, a consulate) checks a course certificate's text."""
    form = CertificateForm(request.POST or None)
    context: dict[str, Any] = {"form": form, "check": None, "topics": dict(_topics())}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "employment/public/certificate_verify.html", context, status=400)
        verdict = rate_limit_hit(
            scope="employment.certificate_check",
            key=client_address(request),
            limit=_limit("EMPLOYMENT_CERTIFICATE_CHECK_RATE_PER_HOUR", CERTIFICATE_CHECK_RATE_PER_HOUR),
        )
        if not verdict.allowed:
            return _held_back(request, "employment/public/certificate_verify.html", context, verdict.retry_after)
        context["check"] = selectors.certificate_check(text=form.cleaned_data["certificate"])
    return render(request, "employment/public/certificate_verify.html", context)


@require_GET
def certificate_status(request: HttpRequest) -> HttpResponse:
    """The certificates' revocation status list, signed (``application/statuslist+cwt``): the bit
    of a certificate's status index is set once it is revoked."""
    try:
        signed = selectors.certificate_status_list_signed(now=timezone.now())
    except CredentialKeyUnavailable:
        return HttpResponse(_("No status list can be signed now."), status=503, content_type="text/plain")
    response = HttpResponse(signed, content_type=STATUS_LIST_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = 'attachment; filename="certificate-status.cwt"'
    patch_cache_control(response, public=True, max_age=selectors.CERTIFICATE_STATUS_LIST_CACHE_SECONDS)
    return response


def _topics() -> list[tuple[str, str]]:
    from mekendesh.employment.models import Topic

    return [(value, str(label)) for value, label in Topic.choices]


def occupation_title(code: str) -> str:
    found = isco.group(code)
    return str(found) if found is not None else code
