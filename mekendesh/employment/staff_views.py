"""The employment officer's pages under ``/staff/employment/`` (namespace ``staff:``): agencies and
their licences (changes, status changes with a reason and their history), warnings about illegal
recruiters, job offers (changes) and their vetting, the migrants' questions and their answers,
courses with their enrolments, attendance, completion and the revocation of a certificate. Every
other role gets 404.

An edit page sends the version it showed: when someone else saved the record in between, the
page answers 409 with what the officer typed kept, what is saved now shown above it, and the
form's version moved on, so that sending it again saves it knowingly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mekendesh.employment import selectors, services
from mekendesh.employment.forms import (
    AgencyEditForm,
    AgencyForm,
    AnswerForm,
    AttendanceForm,
    CertificateRevokeForm,
    CourseForm,
    LicenceMoveForm,
    OfferEditForm,
    OfferForm,
    OfferMoveForm,
    WarningForm,
)
from mekendesh.employment.models import (
    Agency,
    AgencyWarning,
    Course,
    Enrolment,
    Offer,
    OfferStatus,
)
from mekendesh.employment.workflows import LICENCE, OFFER
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import staff_required
from mekendesh.workflows.errors import StaleObjectError
from mekendesh.workflows.services import workflow_history


def _refused(request: HttpRequest, error: Exception) -> None:
    if isinstance(error, ValidationError):
        messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, str(error))


@staff_required(permission="employment.view")
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "employment/staff/index.html",
        {
            "agencies": Agency.objects.count(),
            "warnings": AgencyWarning.objects.count(),
            "to_vet": Offer.objects.filter(status=OfferStatus.DRAFT).count(),
            "public": selectors.offers_public().count(),
            "courses": selectors.courses_open().count(),
            "questions": selectors.questions_unanswered_count(),
        },
    )


def _edit_page(
    request: HttpRequest,
    *,
    form: Any,
    save: Callable[[dict[str, Any], int], Any],
    reload: Callable[[], Any],
    saved: Callable[[Any], list[tuple[Any, Any]]],
    context: dict[str, Any],
    done: Callable[[Any], HttpResponse],
) -> HttpResponse:
    """An edit form of a versioned record: ``save(data, version)`` calls the service; a stale
    version answers 409 with the typed values kept and ``saved(reload())`` — what is stored now —
    shown above them; a refusal answers 400 with each message on its field."""
    stale = False
    record = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            result = save(data, version)
        except StaleObjectError as exc:
            stale = True
            record = reload()
            form.add_error(None, str(exc))
            form.add_error(None, _("What you typed is kept below; what is saved now is shown above it."))
            moved_on = form.data.copy()
            moved_on[form.add_prefix("version")] = str(record.version)
            form.data = moved_on
        except ValidationError as exc:
            form.apply_service_errors(exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return done(result)
    status = 409 if stale else (400 if request.method == "POST" else 200)
    return render(
        request,
        "employment/staff/edit.html",
        {**context, "form": form, "stale": stale, "saved": saved(record) if stale else []},
        status=status,
    )


def _date_text(value: Any) -> str:
    return value.strftime("%d.%m.%Y") if value else "—"


# --- agencies -------------------------------------------------------------------------------------


@staff_required(permission="employment.view")
@require_safe
def agencies(request: HttpRequest) -> HttpResponse:
    rows = Agency.objects.prefetch_related("countries").order_by("name")
    return render(request, "employment/staff/agencies.html", {"agencies": rows})


@staff_required(permission="employment.licence")
@require_http_methods(["GET", "POST"])
def agency_new(request: HttpRequest) -> HttpResponse:
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.agency_register(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("The agency and its licence are recorded."))
            return redirect("staff:employment_agency", agency_id=agency.public_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "employment/staff/form.html", {"form": form, "title": _("New agency")}, status=status)


@staff_required(permission="employment.view")
@require_safe
def agency(request: HttpRequest, agency_id: Any) -> HttpResponse:
    found = get_object_or_404(Agency.objects.prefetch_related("countries"), public_id=agency_id)
    return render(
        request,
        "employment/staff/agency.html",
        {
            "agency": found,
            "history": selectors.licence_history(agency=found),
            "moves": LICENCE.available(found, request.user),
            "move_form": LicenceMoveForm(initial={"version": found.version}),
            "offers": found.offers.select_related("country").order_by("-created_at"),
            "warnings": found.warnings.all(),
        },
    )


def _agency_saved(agency: Agency) -> list[tuple[Any, Any]]:
    return [
        (_("Name"), agency.name),
        (_("Licence holder"), agency.holder),
        (_("Valid from"), _date_text(agency.valid_from)),
        (_("Valid until"), _date_text(agency.valid_until)),
        (_("Countries served"), ", ".join(country.name for country in agency.countries.all()) or "—"),
        (_("Address"), agency.address or "—"),
        (_("Phone number"), agency.phone or "—"),
    ]


@staff_required(permission="employment.licence")
@require_http_methods(["GET", "POST"])
def agency_edit(request: HttpRequest, agency_id: Any) -> HttpResponse:
    found = get_object_or_404(Agency.objects.prefetch_related("countries"), public_id=agency_id)
    initial = {
        "name": found.name,
        "holder": found.holder,
        "valid_from": found.valid_from,
        "valid_until": found.valid_until,
        "countries": list(found.countries.all()),
        "address": found.address,
        "phone": found.phone,
        "version": found.version,
    }

    def done(agency: Agency) -> HttpResponse:
        messages.success(request, _("The agency's record is saved."))
        return redirect("staff:employment_agency", agency_id=agency.public_id)

    return _edit_page(
        request,
        form=AgencyEditForm(request.POST or None, initial=initial),
        save=lambda data, version: services.agency_update(
            actor=request.user, agency=found, expected_version=version, **data
        ),
        reload=lambda: Agency.objects.prefetch_related("countries").get(pk=found.pk),
        saved=_agency_saved,
        context={
            "title": _("Change %(agency)s") % {"agency": found.name},
            "back": reverse("staff:employment_agency", kwargs={"agency_id": found.public_id}),
            "note": _(
                "The licence number cannot be changed: another number is another licence. The licence's "
                "status changes on the agency's page, with its reason."
            ),
        },
        done=done,
    )


@staff_required(permission="employment.licence")
@require_POST
def agency_status(request: HttpRequest, agency_id: Any) -> HttpResponse:
    found = get_object_or_404(Agency, public_id=agency_id)
    form = LicenceMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a change and give its reason."))
        return redirect("staff:employment_agency", agency_id=found.public_id)
    try:
        moved = services.licence_status_change(
            actor=request.user,
            agency=found,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except (ValidationError, PermissionDenied, StaleObjectError) as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The licence is now %(status)s.") % {"status": moved.get_status_display()})
    return redirect("staff:employment_agency", agency_id=found.public_id)


@staff_required(permission="employment.view")
@require_http_methods(["GET", "POST"])
def warnings(request: HttpRequest) -> HttpResponse:
    form = WarningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.warning_add(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("The warning is published on the licence check."))
            return redirect("staff:employment_warnings")
    status = 400 if request.method == "POST" else 200
    rows = AgencyWarning.objects.select_related("agency")
    return render(request, "employment/staff/warnings.html", {"form": form, "warnings": rows}, status=status)


# --- offers -----------------------------------------------------------------------------------------


@staff_required(permission="employment.view")
@require_safe
def offers(request: HttpRequest) -> HttpResponse:
    rows = Offer.objects.select_related("agency", "country").order_by("status", "-created_at")
    public = set(selectors.offers_public().values_list("pk", flat=True))
    return render(request, "employment/staff/offers.html", {"offers": rows, "public": public})


@staff_required(permission="employment.offer")
@require_http_methods(["GET", "POST"])
def offer_new(request: HttpRequest) -> HttpResponse:
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.offer_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("The offer is recorded; vet it to publish it."))
            return redirect("staff:employment_offer", offer_id=created.public_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "employment/staff/form.html", {"form": form, "title": _("New job offer")}, status=status)


@staff_required(permission="employment.view")
@require_safe
def offer(request: HttpRequest, offer_id: Any) -> HttpResponse:
    found = get_object_or_404(Offer.objects.select_related("agency", "country", "vetted_by"), public_id=offer_id)
    return render(
        request,
        "employment/staff/offer.html",
        {
            "offer": found,
            "is_public": selectors.offers_public().filter(pk=found.pk).exists(),
            "history": workflow_history(obj=found),
            "moves": OFFER.available(found, request.user),
            "version": found.version,
            "questions": selectors.personal_rows_shown(actor=request.user, rows=found.questions.select_related("user")),
        },
    )


def _offer_saved(offer: Offer) -> list[tuple[Any, Any]]:
    return [
        (_("Agency"), offer.agency.name),
        (_("Employer"), offer.employer),
        (_("Country"), offer.country.name),
        (_("City"), offer.city),
        (_("Job title"), offer.title),
        (_("Occupation"), offer.isco_code),
        (_("Monthly wage"), f"{offer.wage} {offer.currency}"),
        (_("Hours a week"), offer.hours_per_week),
        (_("Housing"), offer.get_housing_display()),
        (_("Contract length (months)"), offer.contract_months),
        (_("Positions"), offer.positions),
        (_("Open until"), _date_text(offer.expires_on)),
        (_("Conditions"), offer.description or "—"),
        (_("Status"), offer.get_status_display()),
    ]


@staff_required(permission="employment.offer")
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, offer_id: Any) -> HttpResponse:
    found = get_object_or_404(Offer.objects.select_related("agency", "country"), public_id=offer_id)
    if found.status == OfferStatus.WITHDRAWN:
        messages.error(request, _("This offer is withdrawn: it cannot be changed."))
        return redirect("staff:employment_offer", offer_id=found.public_id)
    initial: dict[str, Any] = {name: getattr(found, name) for name in services.OFFER_FIELDS}
    initial["version"] = found.version

    def done(offer: Offer) -> HttpResponse:
        if offer.status == OfferStatus.DRAFT and found.status == OfferStatus.VETTED:
            messages.warning(
                request,
                _("The offer is saved. It was vetted: it now awaits vetting again and is not public until then."),
            )
        else:
            messages.success(request, _("The offer is saved."))
        return redirect("staff:employment_offer", offer_id=offer.public_id)

    return _edit_page(
        request,
        form=OfferEditForm(request.POST or None, initial=initial),
        save=lambda data, version: services.offer_update(
            actor=request.user, offer=found, expected_version=version, **data
        ),
        reload=lambda: Offer.objects.select_related("agency", "country").get(pk=found.pk),
        saved=_offer_saved,
        context={
            "title": _("Change the offer “%(title)s”") % {"title": found.title},
            "back": reverse("staff:employment_offer", kwargs={"offer_id": found.public_id}),
            "note": _(
                "This offer is vetted: once changed, it awaits vetting again and leaves the public pages until "
                "it is vetted."
            )
            if found.status == OfferStatus.VETTED
            else "",
        },
        done=done,
    )


@staff_required(permission="employment.offer")
@require_POST
def offer_move(request: HttpRequest, offer_id: Any) -> HttpResponse:
    found = get_object_or_404(Offer, public_id=offer_id)
    form = OfferMoveForm(request.POST)
    if form.is_valid():
        try:
            moved = services.offer_move(
                actor=request.user,
                offer=found,
                action=form.cleaned_data["action"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except (ValidationError, PermissionDenied, StaleObjectError) as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("The offer is now %(status)s.") % {"status": moved.get_status_display()})
    return redirect("staff:employment_offer", offer_id=found.public_id)


@staff_required(permission="employment.view")
@require_safe
def questions(request: HttpRequest) -> HttpResponse:
    rows = selectors.personal_rows_shown(actor=request.user, rows=selectors.questions_for_staff()[:500])
    return render(
        request,
        "employment/staff/questions.html",
        {"questions": rows, "unanswered": selectors.questions_unanswered_count()},
    )


@staff_required(permission="employment.view")
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, question_id: Any) -> HttpResponse:
    """A migrant's question about an offer, and the officer's answer to it."""
    found = selectors.question_for_staff(question_id=question_id)
    if found is None:
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_answer(actor=request.user, question=found, answer=form.cleaned_data["answer"])
        except ValidationError as exc:
            form.apply_service_errors(exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The answer is sent: the migrant reads it in their account."))
            return redirect("staff:employment_questions")
        found = selectors.question_for_staff(question_id=question_id) or found
    selectors.personal_rows_shown(actor=request.user, rows=[found])
    return render(
        request,
        "employment/staff/question.html",
        {"question": found, "form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- courses ----------------------------------------------------------------------------------------


@staff_required(permission="employment.view")
@require_safe
def courses(request: HttpRequest) -> HttpResponse:
    rows = [(course, selectors.seats_left(course)) for course in Course.objects.select_related("destination")]
    return render(request, "employment/staff/courses.html", {"rows": rows})


@staff_required(permission="employment.course")
@require_http_methods(["GET", "POST"])
def course_new(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.course_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("The course is published."))
            return redirect("staff:employment_course", course_id=created.public_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "employment/staff/form.html", {"form": form, "title": _("New course")}, status=status)


@staff_required(permission="employment.view")
@require_safe
def course(request: HttpRequest, course_id: Any) -> HttpResponse:
    found = get_object_or_404(Course, public_id=course_id)
    return render(
        request,
        "employment/staff/course.html",
        {
            "course": found,
            "seats_left": selectors.seats_left(found),
            "enrolments": selectors.personal_rows_shown(
                actor=request.user, rows=found.enrolments.order_by("status", "enrolled_at", "id")
            ),
        },
    )


@staff_required(permission="employment.course")
@require_POST
def enrolment(request: HttpRequest, enrolment_id: Any) -> HttpResponse:
    found = get_object_or_404(Enrolment.objects.select_related("course"), public_id=enrolment_id)
    action = request.POST.get("action", "")
    try:
        if action == "attendance":
            form = AttendanceForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the number of days attended."))
            services.enrolment_attendance(
                actor=request.user, enrolment=found, days_attended=form.cleaned_data["days_attended"]
            )
            messages.success(request, _("Attendance recorded."))
        elif action == "complete":
            services.enrolment_complete(actor=request.user, enrolment=found)
            messages.success(request, _("Completion recorded; the certificate is issued."))
        elif action == "cancel":
            services.enrolment_cancel(actor=request.user, enrolment=found)
            messages.success(request, _("The enrolment is cancelled."))
        elif action == "revoke":
            revoke = CertificateRevokeForm(request.POST)
            reason = revoke.cleaned_data["reason"] if revoke.is_valid() else request.POST.get("reason", "")
            services.certificate_revoke(actor=request.user, enrolment=found, reason=reason)
            messages.success(
                request,
                _("The certificate of %(participant)s is revoked: its verification now says so.")
                % {"participant": found.participant_name},
            )
        else:
            messages.error(request, _("Choose what to record."))
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return redirect("staff:employment_course", course_id=found.course.public_id)
