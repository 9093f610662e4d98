"""The migrant's employment pages under ``/me/employment/`` (namespace ``migrant:``): saved offers,
questions about an offer to the consulate or the agency, course enrolments and certificates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from mekendesh.accounts.permissions import can
from mekendesh.employment import selectors, services
from mekendesh.employment.forms import QuestionForm, SubmissionKeyForm
from mekendesh.employment.models import Course, Enrolment, EnrolmentStatus
from mekendesh.employment.public_views import public_offer
from mekendesh.lib.credential import qr_svg
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import migrant_required, require


def _migrant(request: HttpRequest) -> None:
    require(can(request.user, "employment.apply"))


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


@migrant_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    _migrant(request)
    enrolments = list(selectors.my_enrolments(user=request.user))
    enrolled = {enrolment.course_id for enrolment in enrolments}
    courses = [
        (course, selectors.seats_left(course)) for course in selectors.courses_open() if course.pk not in enrolled
    ]
    return render(
        request,
        "employment/migrant/home.html",
        {
            "saved": selectors.my_saved_offers(user=request.user),
            "questions": selectors.my_questions(user=request.user),
            "enrolments": enrolments,
            "courses": courses,
            "key_form": SubmissionKeyForm(),
        },
    )


@migrant_required
@require_POST
def offer_save(request: HttpRequest, offer_id: Any) -> HttpResponse:
    _migrant(request)
    offer = public_offer(offer_id)
    try:
        _saved, created = services.offer_save(actor=request.user, offer=offer)
    except ValidationError as exc:
        messages.error(request, _message(exc))
    else:
        if created:
            messages.success(request, _("The offer is saved in your account."))
        else:
            messages.info(request, _("You saved this offer already: nothing changed."))
    return redirect("employment:offer", offer_id=offer.public_id)


@migrant_required
@require_POST
def offer_unsave(request: HttpRequest, offer_id: Any) -> HttpResponse:
    _migrant(request)
    saved = selectors.my_saved_offers(user=request.user)
    match = next((item for item in saved if str(item.offer.public_id) == str(offer_id)), None)
    if match is None:
        raise Http404
    services.offer_unsave(actor=request.user, offer=match.offer)
    messages.success(request, _("The offer is no longer saved."))
    return redirect("migrant:employment")


@migrant_required
@require_POST
def offer_ask(request: HttpRequest, offer_id: Any) -> HttpResponse:
    _migrant(request)
    offer = public_offer(offer_id)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            _question, first = services.offer_ask(
                actor=request.user,
                offer=offer,
                addressee=form.cleaned_data["addressee"],
                message=form.cleaned_data["message"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            if first:
                messages.success(request, _("Your question was sent. The answer comes to your e-mail or phone."))
            else:
                messages.info(request, _("This question was sent already: it was not sent twice."))
            return redirect("migrant:employment")
    return render(
        request,
        "employment/public/offer.html",
        {"offer": offer, "may_apply": True, "saved": False, "question_form": form},
        status=400,
    )


@migrant_required
@require_POST
def course_enrol(request: HttpRequest, course_id: Any) -> HttpResponse:
    _migrant(request)
    course = get_object_or_404(Course, public_id=course_id)
    form = SubmissionKeyForm(request.POST)
    key = form.cleaned_data["submission_key"] if form.is_valid() else None
    try:
        enrolment, created = services.enrolment_make(actor=request.user, course=course, submission_key=key)
    except ValidationError as exc:
        messages.error(request, _message(exc))
        return redirect("migrant:employment")
    if not created:
        messages.info(
            request,
            _("You are already %(status)s for “%(course)s”: nothing changed.")
            % {"status": enrolment.get_status_display(), "course": course.title},
        )
    elif enrolment.status == EnrolmentStatus.WAITING:
        messages.warning(
            request,
            _("“%(course)s” is full: you are on the waiting list and get a seat when one is freed.")
            % {"course": course.title},
        )
    else:
        messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    return redirect("migrant:employment")


def _my_enrolment(request: HttpRequest, enrolment_id: Any) -> Enrolment:
    found = selectors.my_enrolments(user=request.user).filter(public_id=enrolment_id).first()
    if found is None:
        raise Http404
    return found


@migrant_required
@require_POST
def enrolment_cancel(request: HttpRequest, enrolment_id: Any) -> HttpResponse:
    _migrant(request)
    enrolment = _my_enrolment(request, enrolment_id)
    try:
        services.enrolment_cancel(actor=request.user, enrolment=enrolment)
    except ValidationError as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, _("Your enrolment is cancelled."))
    return redirect("migrant:employment")


@migrant_required
@require_safe
def certificate(request: HttpRequest, enrolment_id: Any) -> HttpResponse:
    _migrant(request)
    enrolment = _my_enrolment(request, enrolment_id)
    if not enrolment.certificate:
        raise Http404
    return render(
        request,
        "employment/migrant/certificate.html",
        {"enrolment": enrolment, "qr": qr_svg(enrolment.certificate, title=_("Course certificate"))},
    )
