"""The diaspora coordinator's pages in the staff workspace: the overview, a list, a new-record form
and an edit form for each kind of record, the status moves and progress reports of projects and
recommendations, the roadmap board, and the annual report per country (a page, CSV and XLSX).

Other roles get 404 from the staff door. A refused form is shown again (400) with each message on
its field; nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mekendesh.accounts.permissions import can
from mekendesh.diaspora import forms, selectors, services
from mekendesh.diaspora.models import (
    Event,
    Organisation,
    Project,
    Recommendation,
    Representative,
    Roadmap,
    StateBody,
)
from mekendesh.diaspora.workflows import PROJECT, RECOMMENDATION
from mekendesh.statistics import formats
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import staff_required
from mekendesh.workflows.engine import Workflow
from mekendesh.workflows.errors import StaleObjectError
from mekendesh.workflows.services import workflow_history

VIEW = "diaspora.view"
EDIT = "diaspora.edit"


@dataclass(frozen=True)
class Kind:
    """One kind of record and its pages: ``diaspora/<plural>/``, ``…/new/``, ``…/<id>/``."""

    key: str  # "organisation": URL names diaspora_organisation(s), the parameter organisation_id
    plural: str
    model: type[models.Model]
    form: type[forms.RecordForm]
    create: Callable[..., Any]
    update: Callable[..., Any]
    title: Promise
    new_title: Promise
    columns: tuple[tuple[Promise, str], ...]  # (heading, attribute or get_<field>_display)
    workflow: Workflow | None = None
    reports: bool = False

    @property
    def parameter(self) -> str:
        return f"{self.key}_id"


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind(
            "organisation",
            "organisations",
            Organisation,
            forms.OrganisationForm,
            services.organisation_create,
            services.organisation_update,
            gettext_lazy("Diaspora organisations"),
            gettext_lazy("New organisation"),
            (
                (gettext_lazy("Name"), "name"),
                (gettext_lazy("Country"), "country"),
                (gettext_lazy("City"), "city"),
                (gettext_lazy("Kind"), "get_kind_display"),
                (gettext_lazy("Registration"), "get_registration_status_display"),
            ),
        ),
        Kind(
            "representative",
            "representatives",
            Representative,
            forms.RepresentativeForm,
            services.representative_create,
            services.representative_update,
            gettext_lazy("Public representatives"),
            gettext_lazy("New representative"),
            (
                (gettext_lazy("Name"), "full_name"),
                (gettext_lazy("Country"), "country"),
                (gettext_lazy("Seat"), "seat"),
                (gettext_lazy("Mandate from"), "mandate_from"),
                (gettext_lazy("Mandate until"), "mandate_until"),
            ),
        ),
        Kind(
            "project",
            "projects",
            Project,
            forms.ProjectForm,
            services.project_create,
            services.project_update,
            gettext_lazy("Projects"),
            gettext_lazy("New project"),
            (
                (gettext_lazy("Title"), "title"),
                (gettext_lazy("Country"), "country"),
                (gettext_lazy("Kind"), "get_kind_display"),
                (gettext_lazy("Owner"), "owner"),
                (gettext_lazy("Status"), "get_status_display"),
            ),
            workflow=PROJECT,
            reports=True,
        ),
        Kind(
            "event",
            "events",
            Event,
            forms.EventForm,
            services.event_create,
            services.event_update,
            gettext_lazy("Events"),
            gettext_lazy("New event"),
            (
                (gettext_lazy("Title"), "title"),
                (gettext_lazy("Date"), "date"),
                (gettext_lazy("Place"), "place"),
                (gettext_lazy("Kind"), "get_kind_display"),
                (gettext_lazy("Participants"), "participants_total"),
            ),
        ),
        Kind(
            "recommendation",
            "recommendations",
            Recommendation,
            forms.RecommendationForm,
            services.recommendation_create,
            services.recommendation_update,
            gettext_lazy("Recommendations and roadmap items"),
            gettext_lazy("New recommendation"),
            (),
            workflow=RECOMMENDATION,
            reports=True,
        ),
        Kind(
            "roadmap",
            "roadmaps",
            Roadmap,
            forms.RoadmapForm,
            services.roadmap_create,
            services.roadmap_update,
            gettext_lazy("Partners' roadmaps"),
            gettext_lazy("New roadmap"),
            (
                (gettext_lazy("Title"), "title"),
                (gettext_lazy("Partner"), "partner"),
                (gettext_lazy("Requested on"), "requested_on"),
            ),
        ),
        Kind(
            "state_body",
            "bodies",
            StateBody,
            forms.StateBodyForm,
            services.state_body_create,
            services.state_body_update,
            gettext_lazy("State bodies"),
            gettext_lazy("New state body"),
            ((gettext_lazy("Name"), "name"), (gettext_lazy("Country"), "country")),
        ),
    )
}


def _cell(record: Any, attribute: str) -> Any:
    value = getattr(record, attribute)
    return value() if callable(value) else value


def _list_url(kind: Kind) -> str:
    return reverse("staff:diaspora_board" if kind.key == "recommendation" else f"staff:diaspora_{kind.plural}")


def _list_view(kind: Kind) -> Callable[..., HttpResponseBase]:
    @staff_required(permission=VIEW)
    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        records = kind.model._default_manager.all()
        rows = [
            (
                reverse(f"staff:diaspora_{kind.key}", kwargs={kind.parameter: record.pk}),
                record,
                [_cell(record, attribute) for _heading, attribute in kind.columns],
            )
            for record in records
        ]
        return render(
            request,
            "diaspora/staff/list.html",
            {"kind": kind, "rows": rows, "headings": [heading for heading, _attribute in kind.columns]},
        )

    view.__name__ = f"{kind.plural}_list"
    return view


def _form_page(
    request: HttpRequest, kind: Kind, form: Any, record: Any = None, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {"kind": kind, "form": form, "record": record, "list_url": _list_url(kind), **extra}
    if record is not None and kind.workflow is not None:
        context["moves"] = kind.workflow.available(record, request.user)
        context["history"] = workflow_history(obj=record)
    if record is not None and kind.reports:
        context["reports"] = list(record.reports.select_related("author"))
        context["report_form"] = extra.get("report_form") or forms.ReportForm()
    return render(request, "diaspora/staff/form.html", context, status=status)


def _new_view(kind: Kind) -> Callable[..., HttpResponseBase]:
    @staff_required(permission=EDIT)
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest) -> HttpResponse:
        form = kind.form(request.POST or None, initial=dict(request.GET.items()))
        if request.method == "POST" and form.is_valid():
            try:
                many = {name: form.cleaned_data[name] for name in form.many}
                record = kind.create(actor=request.user, **form.values(), **many)
            except ValidationError as error:
                form.apply_service_errors(error)
            else:
                messages.success(request, _("Saved: %(record)s.") % {"record": record})
                return redirect(f"staff:diaspora_{kind.key}", **{kind.parameter: record.pk})
        return _form_page(request, kind, form, status=400 if request.method == "POST" else 200)

    view.__name__ = f"{kind.key}_new"
    return view


def _move(request: HttpRequest, kind: Kind, record: Any) -> None:
    assert kind.workflow is not None
    try:
        version = int(request.POST.get("version") or 0) or None
    except ValueError:
        version = None
    mover = services.project_move if kind.key == "project" else services.recommendation_move
    try:
        mover(
            actor=request.user,
            **{kind.key: record},
            action=request.POST.get("action", ""),
            note=request.POST.get("note", ""),
            expected_version=version,
        )
    except ValueError as error:
        raise Http404 from error
    except (ValidationError, StaleObjectError) as error:
        for text in error.messages if isinstance(error, ValidationError) else [str(error)]:
            messages.error(request, text)
    except PermissionDenied:
        messages.error(request, _("You may not do this."))
    else:
        messages.success(request, _("The status is changed."))


def _edit_view(kind: Kind) -> Callable[..., HttpResponseBase]:
    @staff_required(permission=VIEW)
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        record = get_object_or_404(kind.model, pk=kwargs[kind.parameter])
        if request.method == "GET":
            return _form_page(request, kind, kind.form(instance=record), record)
        if not can(request.user, EDIT):
            raise Http404
        here = redirect(f"staff:diaspora_{kind.key}", **{kind.parameter: record.pk})
        do = request.POST.get("do", "edit")
        if do == "move" and kind.workflow is not None:
            _move(request, kind, record)
            return here
        if do == "report" and kind.reports:
            report_form = forms.ReportForm(request.POST)
            if report_form.is_valid():
                try:
                    services.progress_report_add(
                        actor=request.user,
                        text=report_form.cleaned_data["text"],
                        date=report_form.cleaned_data["date"],
                        project=record if isinstance(record, Project) else None,
                        recommendation=record if isinstance(record, Recommendation) else None,
                    )
                except ValidationError as error:
                    report_form.add_error("text", error)
                else:
                    messages.success(request, _("The progress report is added."))
                    return here
            return _form_page(request, kind, kind.form(instance=record), record, 400, report_form=report_form)
        form = kind.form(request.POST, instance=record)
        if form.is_valid():
            try:
                many = {name: form.cleaned_data[name] for name in form.many}
                kind.update(actor=request.user, **{kind.key: record}, **form.values(), **many)
            except ValidationError as error:
                form.apply_service_errors(error)
            else:
                messages.success(request, _("Saved: %(record)s.") % {"record": record})
                return here
        record.refresh_from_db()
        return _form_page(request, kind, form, record, 400)

    view.__name__ = f"{kind.key}_edit"
    return view


# --- the overview, the board and the annual report -----------------------------------------------


@staff_required(permission=VIEW)
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    sections = [(kind, _list_url(kind), kind.model._default_manager.count()) for kind in KINDS.values()]
    return render(
        request,
        "diaspora/staff/home.html",
        {"sections": sections, "overdue": selectors.overdue_count(today=timezone.localdate())},
    )


@staff_required(permission=VIEW)
@require_GET
def recommendation_board(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filters = forms.BoardFilterForm(request.GET or None)
    rows = selectors.board(today=today, **filters.filters())
    return render(
        request,
        "diaspora/staff/board.html",
        {"rows": rows, "filters": filters, "today": today, "overdue": sum(row.overdue for row in rows)},
    )


def _report_of(request: HttpRequest) -> tuple[forms.ReportChoiceForm, selectors.AnnualReport | None]:
    today = timezone.localdate()
    # The country of origin and this year unless asked.
    data = {"country": settings.ORIGIN_COUNTRY, "year": str(today.year), **request.GET.dict()}
    choice = forms.ReportChoiceForm(data)
    if not choice.is_valid():
        return choice, None
    report = selectors.annual_report(
        country=choice.cleaned_data["country"], year=choice.cleaned_data["year"], today=today
    )
    return choice, report


FIGURE_NAMES: dict[str, Promise] = {
    "events": gettext_lazy("Events"),
    "events_meeting": gettext_lazy("Meetings"),
    "events_roundtable": gettext_lazy("Roundtables"),
    "events_training": gettext_lazy("Trainings"),
    "participants": gettext_lazy("Participants"),
    "participants_women": gettext_lazy("Participants: women"),
    "participants_men": gettext_lazy("Participants: men"),
    "projects": gettext_lazy("Projects"),
    "projects_proposed": gettext_lazy("Projects proposed"),
    "projects_approved": gettext_lazy("Projects approved"),
    "projects_running": gettext_lazy("Projects running"),
    "projects_completed": gettext_lazy("Projects completed"),
    "projects_dropped": gettext_lazy("Projects dropped"),
    "recommendations_done": gettext_lazy("Recommendations done"),
    "recommendations_open": gettext_lazy("Recommendations open"),
    "recommendations_overdue": gettext_lazy("Recommendations open past their deadline"),
    "recommendations_dropped": gettext_lazy("Recommendations dropped"),
}


@staff_required(permission=VIEW)
@require_GET
def annual_report(request: HttpRequest) -> HttpResponse:
    choice, report = _report_of(request)
    figures = [(code, FIGURE_NAMES[code], value) for code, value in report.figures()] if report else []
    query = urlencode({"country": report.country.code, "year": report.year}) if report else ""
    return render(
        request,
        "diaspora/staff/report.html",
        {"choice": choice, "report": report, "figures": figures, "query": query},
        status=200 if report is not None else 400,
    )


def report_table(report: selectors.AnnualReport, language: str) -> formats.TableData:
    """The report's figures as a table of the statistics downloads (one row per figure)."""
    return formats.TableData(
        release=f"diaspora-{report.country.code.lower()}-{report.year}",
        code="annual-report",
        title=_("Diaspora and cooperation: annual report, %(country)s, %(year)s")
        % {"country": report.country.name, "year": report.year},
        dimensions=("country", "figure"),
        cells=tuple(
            {"cell": {"country": report.country.code, "figure": code}, "value": value}
            for code, value in report.figures()
        ),
        labels={
            "country": {report.country.code: {language: report.country.name}},
            "figure": {code: {language: str(name)} for code, name in FIGURE_NAMES.items()},
        },
        unit="count",
        source=_("Mekendesh diaspora records"),
        period=str(report.year),
    )


def _download(request: HttpRequest, fmt: str) -> HttpResponse:
    _choice, report = _report_of(request)
    if report is None:
        raise Http404
    language = (get_language() or "en").split("-")[0]
    table = report_table(report, language)
    if fmt == "csv":
        body, media = formats.to_csv(table, language), formats.CSV_MEDIA_TYPE
    else:
        body, media = formats.to_xlsx(table, language), formats.XLSX_MEDIA_TYPE
    response = HttpResponse(body, content_type=media)
    response["Content-Disposition"] = f'attachment; filename="{table.release}.{fmt}"'
    return response


@staff_required(permission=VIEW)
@require_GET
def annual_report_csv(request: HttpRequest) -> HttpResponse:
    return _download(request, "csv")


@staff_required(permission=VIEW)
@require_GET
def annual_report_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(request, "xlsx")


def kind_patterns() -> list[Any]:
    patterns: list[Any] = []
    for kind in KINDS.values():
        if kind.key != "recommendation":
            patterns.append(path(f"diaspora/{kind.plural}/", _list_view(kind), name=f"diaspora_{kind.plural}"))
        patterns.append(path(f"diaspora/{kind.plural}/new/", _new_view(kind), name=f"diaspora_{kind.key}_new"))
        patterns.append(
            path(f"diaspora/{kind.plural}/<int:{kind.parameter}>/", _edit_view(kind), name=f"diaspora_{kind.key}")
        )
    return patterns
