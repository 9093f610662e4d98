"""The person's side of assistance cases, in the ``migrant:`` namespace under ``/me/``: the cases
about me and those I asked for on someone's behalf, each told in plain words (its step, what it
means, who acts next and by when), notes and documents for the consulate, and asking for help.

Every case is looked up among those the signed-in account follows
(:func:`selectors.case_get_for_migrant`), so any other identifier answers 404.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mekendesh.accounts.http import AuthenticatedHttpRequest
from mekendesh.accounts.permissions import can
from mekendesh.cases import selectors, services
from mekendesh.cases.downloads import document_download
from mekendesh.cases.migrant_forms import CaseDocumentForm, CaseNoteForm, HelpForOtherForm, HelpRequestForm
from mekendesh.cases.models import Case, Party
from mekendesh.cases.workflows import Step
from mekendesh.guidance.selectors import article_for_case, article_url
from mekendesh.people.models import ConsentPurpose, Person, StayStatus
from mekendesh.people.selectors import current_stay, person_of_account
from mekendesh.web.decorators import migrant_required, require
from mekendesh.web.request_checks import request_body_limit

# Room in an upload's request for the form's other fields and the multipart boundaries.
FORM_OVERHEAD_BYTES = 64 * 1024
MEGABYTE = 1024 * 1024


def _followed_case(request: AuthenticatedHttpRequest, case_id: uuid.UUID) -> Case:
    return selectors.case_get_for_migrant(user=request.user, public_id=case_id)


def _about_me(request: AuthenticatedHttpRequest, case: Case) -> bool:
    return case.person is not None and case.person.account_id == request.user.pk


def _who_acts(case: Case, step: Step, *, about_me: bool) -> str:
    """Who acts now, as the person's side reads it: the consulate by its name, the ministry, the
    host authority, or you."""
    if step.party == Party.PERSON:
        return _("you") if about_me else _("the person, or you on their behalf")
    if step.party == Party.CONSULATE:
        return str(case.consular_district) if case.consular_district is not None else _("the ministry")
    return str(Party(step.party).label)


def _document_form(*args: Any) -> CaseDocumentForm:
    return CaseDocumentForm(*args, max_megabytes=settings.CASE_DOCUMENT_MAX_BYTES // MEGABYTE)


def _case_url(case: Case, anchor: str = "") -> str:
    url = reverse("migrant:case", kwargs={"case_id": case.public_id})
    return f"{url}#{anchor}" if anchor else url


def _case_page(
    request: AuthenticatedHttpRequest,
    case: Case,
    *,
    note_form: CaseNoteForm | None = None,
    document_form: CaseDocumentForm | None = None,
) -> HttpResponse:
    status = selectors.case_status_for_person(case)
    about_me = _about_me(request, case)
    timeline = selectors.case_timeline(case=case, for_person=True)
    article = article_for_case(case)
    return render(
        request,
        "cases/migrant/case.html",
        {
            "case": case,
            "status": status,
            "step": status.step,
            "clock": status.clock,
            "who_acts": _who_acts(case, status.step, about_me=about_me),
            "about_me": about_me,
            "representative": getattr(case, "representative", None),
            "timeline": list(reversed(timeline)),
            "note_form": note_form or CaseNoteForm(),
            "document_form": document_form or _document_form(),
            "deadline_source": selectors.case_deadline_source(case),
            "guidance_url": article_url(article) if article is not None else "",
            "guidance_topic": article.get_topic_display() if article is not None else "",
        },
    )


@migrant_required
@require_GET
def cases(request: AuthenticatedHttpRequest) -> HttpResponse:
    """My cases: those about me, and those I asked for on someone else's behalf."""
    require(can(request.user, "case.follow"))
    followed = (
        selectors.cases_followed_by(request.user)
        .select_related("person", "consular_district", "representative")
        .prefetch_related("person__names")
        .order_by("-opened_at", "-pk")
    )
    rows = []
    for case in followed:
        status = selectors.case_status_for_person(case)
        about_me = _about_me(request, case)
        rows.append(
            {"status": status, "about_me": about_me, "who_acts": _who_acts(case, status.step, about_me=about_me)}
        )
    return render(
        request,
        "cases/migrant/cases.html",
        {
            "mine": [row for row in rows if row["about_me"]],
            "for_others": [row for row in rows if not row["about_me"]],
            "registered": person_of_account(user=request.user) is not None,
        },
    )


@migrant_required
@require_GET
def case(request: AuthenticatedHttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _case_page(request, _followed_case(request, case_id))


@migrant_required
@require_POST
def case_note(request: AuthenticatedHttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """A note to the consulate; the same form sent twice makes one note."""
    case = _followed_case(request, case_id)
    form = CaseNoteForm(request.POST)
    if form.is_valid():
        try:
            services.case_note_add(
                actor=request.user,
                case=case,
                body=form.cleaned_data["body"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Your message is sent to the consulate."))
            return redirect(_case_url(case, "timeline"))
    return _case_page(request, case, note_form=form)


@migrant_required
@request_body_limit(settings.CASE_DOCUMENT_MAX_BYTES + FORM_OVERHEAD_BYTES, files=True)
@require_POST
def case_document_add(request: AuthenticatedHttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """A document for the consulate: checked by the service (what the file really is, its size,
    its name); the same file sent twice is stored once."""
    case = _followed_case(request, case_id)
    form = _document_form(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            added = services.case_document_add(
                actor=request.user, case=case, name=upload.name or "", content=upload.read()
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("file", message)
        else:
            name = added.document.name
            if not added.created:
                messages.info(request, _("This file is already on the case as “%(name)s”.") % {"name": name})
            elif added.renamed:
                messages.success(
                    request, _("The document is added. Its name was made safe: “%(name)s”.") % {"name": name}
                )
            else:
                messages.success(request, _("The document “%(name)s” is added.") % {"name": name})
            return redirect(_case_url(case, "timeline"))
    return _case_page(request, case, document_form=form)


@migrant_required
@require_GET
def case_document(request: AuthenticatedHttpRequest, case_id: uuid.UUID, document_id: int) -> FileResponse:
    """A document shared with the person's side, downloaded (never shown in the page), with the
    download written to the audit trail."""
    case = _followed_case(request, case_id)
    document = case.documents.filter(pk=document_id, visible_to_person=True).first()
    if document is None:
        raise Http404
    try:
        services.case_document_read(actor=request.user, case=case, document=document)
    except PermissionDenied:
        raise Http404 from None
    return document_download(document)


def _contact_given(person: Person) -> bool:
    return person.consents.filter(purpose=ConsentPurpose.CONSULAR_CONTACT, withdrawn_at__isnull=True).exists()


def _where_now(person: Person) -> dict[str, Any]:
    stay = current_stay(person)
    if stay is None or stay.status == StayStatus.ENDED:
        return {}
    return {"country": stay.country_id, "host_region": stay.host_region_id}


@migrant_required
@require_http_methods(["GET", "POST"])
def case_help(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Ask the consulate for help for myself: it accepts or declines the request. An account
    without a registration is told how to register first (or to ask for someone else)."""
    require(can(request.user, "case.request"))
    person = person_of_account(user=request.user)
    if person is None:
        return render(request, "cases/migrant/help_register_first.html")
    contact_given = _contact_given(person)
    if request.method == "POST":
        form = HelpRequestForm(request.POST, contact_given=contact_given)
        if form.is_valid():
            data = form.cleaned_data
            try:
                case = services.case_request(
                    actor=request.user,
                    case_type=data["case_type"],
                    country=data["country"],
                    host_region=data.get("host_region"),
                    summary=data["summary"],
                    contact_consent=bool(data.get("contact_consent")),
                    submission_key=data["submission_key"],
                )
            except ValidationError as exc:
                form.apply_service_errors(exc)
            else:
                messages.success(request, _("Your request is sent. Follow it here."))
                return redirect(_case_url(case))
    else:
        form = HelpRequestForm(initial=_where_now(person), contact_given=contact_given)
    return render(request, "cases/migrant/help.html", {"form": form, "contact_given": contact_given})


@migrant_required
@require_http_methods(["GET", "POST"])
def case_help_other(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A relative or representative asks for help for someone else, with their own details and
    the consent they record; an account without a registration of its own may do it too."""
    require(can(request.user, "case.request"))
    if request.method == "POST":
        form = HelpForOtherForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                case = services.case_request_for_other(
                    actor=request.user,
                    representative=form.representative(),
                    subject=form.subject(),
                    case_type=data["case_type"],
                    country=data["country"],
                    host_region=data.get("host_region"),
                    summary=data["summary"],
                    submission_key=data["submission_key"],
                )
            except ValidationError as exc:
                form.apply_service_errors(exc)
            else:
                messages.success(request, _("Your request is sent. Follow it here."))
                return redirect(_case_url(case))
    else:
        person = person_of_account(user=request.user)
        own_name = person.primary_name.full_name if person is not None and person.primary_name else ""
        form = HelpForOtherForm(
            initial={"representative_name": own_name or request.user.full_name, "email": request.user.email}
        )
    return render(request, "cases/migrant/help_other.html", {"form": form})
