"""The staff's case pages: the case list with its deadline colours, a case with its step, its
moves, its timeline and its forms, opening a case for a person, transferring, linking a request
to the register, and the documents. Who may see what is the selectors' (``cases_visible_to``);
what a user may do, the services' and the permission table's; a case the user may not see
answers 404.

A form refused (an illegal move, a stale version, a bad file) shows the case page again with
what was typed and the reason, so that nothing typed is lost.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mekendesh.accounts.permissions import can
from mekendesh.audit.services import audit_people_read, audit_read
from mekendesh.cases import selectors, services
from mekendesh.cases.downloads import document_download
from mekendesh.cases.models import Case
from mekendesh.cases.rules import may_assign_to
from mekendesh.cases.staff_forms import (
    CaseAssignForm,
    CaseDocumentForm,
    CaseFilterForm,
    CaseLinkForm,
    CaseMoveForm,
    CaseNoteForm,
    CaseOpenForm,
    CasePauseForm,
    CaseTransferForm,
)
from mekendesh.cases.workflows import kind_of
from mekendesh.people import selectors as people_selectors
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import require as _require
from mekendesh.web.decorators import staff_required
from mekendesh.web.pagination import CappedPaginator
from mekendesh.web.request_checks import request_body_limit
from mekendesh.workflows.errors import StaleObjectError

PAGE_SIZE = 50
COUNT_CAP = 10_000
NOT_YOURS = _(
    "Only the officer the case is assigned to, the head of its consulate or the ministry may do this. "
    "Take the case first if it is assigned to no one."
)


def _case(request: HttpRequest, case_id: Any) -> Case:
    return selectors.case_get_for_staff(user=request.user, public_id=case_id)


def _refusal(exc: Exception) -> str:
    if isinstance(exc, StaleObjectError):
        return str(exc)
    if isinstance(exc, PermissionDenied):
        return str(NOT_YOURS)
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


@staff_required(permission="case.view")
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseFilterForm(request.GET or None, user=request.user)
    cases = selectors.case_list(request.user, selectors.CaseFilters(**form.filters()))
    page = CappedPaginator(cases, PAGE_SIZE, cap=COUNT_CAP).get_page(request.GET.get("page"))
    rows = selectors.case_rows(page.object_list)
    audit_people_read(actor=request.user, people=[row.case.person for row in rows if row.case.person is not None])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/staff/list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "counts": selectors.case_counts(request.user),
        },
    )


def _render_case(request: HttpRequest, case: Case, *, status: int = 200, **forms: Any) -> HttpResponse:
    user = request.user
    may_change = can(user, "case.change", case)
    may_assign = can(user, "case.assign", case) and not case.is_finished
    officers = selectors.officers_for(case)
    if may_assign and not can(user, "case.transfer", case):
        # An officer taking an unassigned case offers only themself.
        officers = officers.filter(pk=user.pk)
    person_visible = (
        case.person is not None and people_selectors.people_visible_to(user).filter(pk=case.person.pk).exists()
    )
    representative = getattr(case, "representative", None)
    context = {
        "case": case,
        "kind": kind_of(case),
        "status": selectors.case_status_for_person(case),
        "step": kind_of(case).step(case.status),
        "deadline_source": selectors.case_deadline_source(case),
        "moves": selectors.moves_for(user, case),
        "may_change": may_change,
        "may_assign": may_assign and any(may_assign_to(user, case, officer) for officer in officers),
        "may_transfer": can(user, "case.transfer", case) and not case.is_finished,
        "person_visible": person_visible,
        "representative": representative,
        "timeline": selectors.case_timeline(case=case, for_person=False),
        "move_form": forms.get("move_form")
        or CaseMoveForm(initial={"version": case.version, "submission_key": uuid.uuid4()}),
        "assign_form": forms.get("assign_form")
        or CaseAssignForm(initial={"version": case.version, "assignee": case.assignee_id}, officers=officers),
        "pause_form": forms.get("pause_form") or CasePauseForm(initial={"version": case.version}),
        "note_form": forms.get("note_form") or CaseNoteForm(),
        "document_form": forms.get("document_form")
        or CaseDocumentForm(max_mb=settings.CASE_DOCUMENT_MAX_BYTES // 1_048_576),
    }
    return render(request, "cases/staff/detail.html", context, status=status)


@staff_required(permission="case.view")
@require_GET
def case_detail(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    audit_read(actor=request.user, obj=case, person=case.person)
    return _render_case(request, case)


def _back(case: Case) -> HttpResponse:
    return redirect("staff:case", case_id=case.public_id)


def _refused(request: HttpRequest, case: Case, exc: Exception, **forms: Any) -> HttpResponse:
    messages.error(request, _refusal(exc))
    return _render_case(
        request, _case(request, case.public_id), status=409 if isinstance(exc, StaleObjectError) else 400, **forms
    )


@staff_required(permission="case.view")
@require_POST
def case_move(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    form = CaseMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete. Reload the page and try again."))
        return _back(case)
    action = form.cleaned_data["action"]
    try:
        moved = services.case_move(
            actor=request.user,
            case=case,
            action=action,
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
            idempotency_key=form.cleaned_data["submission_key"],
        )
    except (StaleObjectError, PermissionDenied, ValidationError) as exc:
        return _refused(request, case, exc, move_form=form)
    except ValueError:
        messages.error(request, _("This move does not exist for this case."))
        return _back(case)
    step = kind_of(moved).step(moved.status)
    messages.success(request, _("The case is now at the step “%(step)s”.") % {"step": step.label})
    if not can(request.user, "case.view", moved):
        return redirect("staff:cases")
    return _back(moved)


@staff_required(permission="case.view")
@require_POST
def case_assign(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    form = CaseAssignForm(request.POST, officers=selectors.officers_for(case))
    if not form.is_valid():
        return _refused(
            request, case, ValidationError(_("Choose an officer of the case's consulate.")), assign_form=form
        )
    try:
        services.case_assign(
            actor=request.user,
            case=case,
            assignee=form.cleaned_data["assignee"],
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except (StaleObjectError, PermissionDenied, ValidationError) as exc:
        return _refused(request, case, exc, assign_form=form)
    messages.success(request, _("The case is assigned."))
    return _back(case)


@staff_required(permission="case.view")
@require_http_methods(["GET", "POST"])
def case_transfer(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    _require(can(request.user, "case.transfer", case))
    form = CaseTransferForm(request.POST or None, initial={"version": case.version}, current=case.consular_district)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_transfer(
                actor=request.user,
                case=case,
                district=form.target(),
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except StaleObjectError as exc:
            messages.error(request, str(exc))
        except (PermissionDenied, ValidationError) as exc:
            if isinstance(exc, ValidationError):
                form.apply_service_errors(exc)
            else:
                form.add_error(None, str(NOT_YOURS))
        else:
            messages.success(request, _("The case has been passed on."))
            if can(request.user, "case.view", Case.objects.get(pk=case.pk)):
                return _back(case)
            return redirect("staff:cases")
    return render(request, "cases/staff/transfer.html", {"case": case, "form": form})


@staff_required(permission="case.view")
@require_POST
def case_pause(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    form = CasePauseForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, ValidationError(_("Say what the case waits for.")), pause_form=form)
    try:
        services.case_pause(
            actor=request.user,
            case=case,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except (StaleObjectError, PermissionDenied, ValidationError) as exc:
        return _refused(request, case, exc, pause_form=form)
    messages.success(request, _("The case is paused: its deadline waits with it."))
    return _back(case)


@staff_required(permission="case.view")
@require_POST
def case_resume(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    form = CasePauseForm(request.POST)
    version = int(request.POST["version"]) if request.POST.get("version", "").isdigit() else None
    try:
        services.case_resume(actor=request.user, case=case, expected_version=version)
    except (StaleObjectError, PermissionDenied, ValidationError) as exc:
        return _refused(request, case, exc, pause_form=form)
    messages.success(request, _("Work on the case resumed; its deadline moved on by the days it waited."))
    return _back(case)


@staff_required(permission="case.view")
@require_POST
def case_note(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    form = CaseNoteForm(request.POST)
    if form.is_valid():
        try:
            services.case_note_add(
                actor=request.user,
                case=case,
                body=form.cleaned_data["body"],
                visible_to_person=form.cleaned_data["visible_to_person"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except (PermissionDenied, ValidationError) as exc:
            if isinstance(exc, ValidationError):
                form.apply_service_errors(exc)
            return _refused(request, case, exc, note_form=form)
        messages.success(request, _("The note is added."))
        return _back(case)
    return _render_case(request, case, status=400, note_form=form)


@staff_required(permission="case.view")
@require_POST
@request_body_limit(settings.CASE_DOCUMENT_MAX_BYTES + 256 * 1024)
def case_document_add(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = _case(request, case_id)
    form = CaseDocumentForm(request.POST, request.FILES, max_mb=settings.CASE_DOCUMENT_MAX_BYTES // 1_048_576)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            added = services.case_document_add(
                actor=request.user,
                case=case,
                name=upload.name or "",
                content=upload.read(settings.CASE_DOCUMENT_MAX_BYTES + 1),
                visible_to_person=form.cleaned_data["visible_to_person"],
            )
        except (PermissionDenied, ValidationError) as exc:
            if isinstance(exc, ValidationError):
                form.apply_service_errors(exc)
            return _refused(request, case, exc, document_form=form)
        if not added.created:
            messages.info(request, _("This file is already on the case: it was not stored twice."))
        elif added.renamed:
            messages.success(request, _("The document is added as “%(name)s”.") % {"name": added.document.name})
        else:
            messages.success(request, _("The document is added."))
        return _back(case)
    return _render_case(request, case, status=400, document_form=form)


@staff_required(permission="case.view")
@require_GET
def case_document(request: HttpRequest, case_id: Any, document_id: int) -> FileResponse:
    case = _case(request, case_id)
    document = case.documents.filter(pk=document_id).first()
    _require(document is not None)
    assert document is not None
    services.case_document_read(actor=request.user, case=case, document=document)
    return document_download(document)


@staff_required(permission="case.view")
@require_http_methods(["GET", "POST"])
def case_link(request: HttpRequest, case_id: Any) -> HttpResponse:
    """Find the person a relative's request is about on the register, and link the case to them."""
    case = _case(request, case_id)
    _require(can(request.user, "case.change", case))
    if case.person_id is not None:
        return render(request, "cases/staff/link.html", {"case": case, "candidates": [], "query": ""})
    if request.method == "POST":
        form = CaseLinkForm(request.POST)
        if form.is_valid():
            person = people_selectors.person_get_for_staff(user=request.user, public_id=form.cleaned_data["person"])
            try:
                services.case_person_link(
                    actor=request.user, case=case, person=person, expected_version=form.cleaned_data["version"]
                )
            except (StaleObjectError, PermissionDenied, ValidationError) as exc:
                messages.error(request, _refusal(exc))
            else:
                messages.success(request, _("The case is linked to the person's registration."))
                return _back(case)
    query = request.GET.get("q") or case.subject_name
    candidates = people_selectors.person_search(user=request.user, query=query) if query.strip() else []
    if case.subject_birth_date is not None:
        candidates.sort(key=lambda person: person.birth_date != case.subject_birth_date)
    audit_people_read(actor=request.user, people=candidates)
    return render(request, "cases/staff/link.html", {"case": case, "candidates": candidates, "query": query})


@staff_required(permission="case.open")
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    """Open a case for a person on the register (from their page)."""
    _require(can(request.user, "case.view"))
    if not request.GET.get("person"):
        # A case is opened from the person's page: find the person first.
        return render(
            request,
            "cases/staff/new.html",
            {"form": None, "person": None, "can_search": people_selectors.can_search_people(request.user)},
        )
    person = people_selectors.person_get_for_staff(user=request.user, public_id=request.GET.get("person"))
    current = people_selectors.current_stay(person)
    initial: dict[str, Any] = {}
    if current is not None and current.consular_district_id is not None:
        initial["district"] = str(current.consular_district_id)
    form = CaseOpenForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(
                actor=request.user,
                person=person,
                case_type=form.cleaned_data["case_type"],
                consular_district=form.consular_district(),
                host_country=form.cleaned_data["host_country"],
                summary=form.cleaned_data["summary"],
                idempotency_key=form.cleaned_data["submission_key"],
            )
        except PermissionDenied:
            form.add_error("district", _("You open cases only for your own consular districts."))
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("The case is opened."))
            return _back(case)
    audit_read(actor=request.user, obj=person, person=person)
    return render(request, "cases/staff/new.html", {"form": form, "person": person})
