"""The import pages: the user's own imports and the upload, then one page per file that shows
what the file has become — its reading and column mapping, the check's progress, the report of
its rows, the import.

Every change goes through :mod:`mekendesh.imports.services` (the same steps as the API and
``mekendesh import``). An import is its creator's alone (``import.batch``): anyone else gets 404,
as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mekendesh.accounts.permissions import can
from mekendesh.imports import services
from mekendesh.imports.models import BatchStatus, ImportBatch, ImportRowError, ImportSource, StagedRow, StagedStatus
from mekendesh.imports.staff_forms import MappingForm, PromoteForm, ReadingForm, UploadForm
from mekendesh.imports.targets import ImportTarget, target_get, targets_all
from mekendesh.lib import tabular
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import require, staff_required
from mekendesh.web.request_checks import request_body_limit

IMPORTS_PER_PAGE = 25
ERRORS_PER_PAGE = 50
REGISTERED_PER_PAGE = 50
PREVIEW_ROWS = 10
SOURCES_OFFERED = 200
# The upload's other fields and the multipart boundaries travel with the file: a file of exactly
# IMPORT_MAX_BYTES must reach the pipeline, which refuses larger ones with its own message.
FORM_OVERHEAD_BYTES = 64 * 1024


def _targets(user: Any) -> list[ImportTarget]:
    """The kinds of data this user may import."""
    return [target for target in targets_all() if can(user, target.permission)]


def _batch(request: HttpRequest, import_id: Any) -> ImportBatch:
    batch = (
        ImportBatch.objects.select_related("source", "job", "created_by", "promoted_by")
        .filter(public_id=import_id)
        .first()
    )
    if batch is None:
        raise Http404
    require(can(request.user, "import.batch", batch))
    return batch


def _detail(batch: ImportBatch, anchor: str = "") -> HttpResponse:
    url = reverse("staff:import_detail", kwargs={"import_id": batch.public_id})
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _service_messages(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _when(value: Any) -> str:
    return formats.date_format(value, "DATETIME_FORMAT") if value else ""


def _already_sent(batch: ImportBatch) -> str:
    if batch.status == BatchStatus.PROMOTED:
        return _("This file was already imported on %(date)s: nothing changed.") % {"date": _when(batch.promoted_at)}
    return _("This file was already uploaded on %(date)s: nothing changed.") % {"date": _when(batch.created_at)}


@staff_required(permission="import.view")
@request_body_limit(settings.IMPORT_MAX_BYTES + FORM_OVERHEAD_BYTES, files=True)
@require_http_methods(["GET", "POST"])
def imports(request: HttpRequest) -> HttpResponse:
    """The user's own imports, newest first, and the form to send a file."""
    targets = _targets(request.user)
    # A link may name the kind of data and the source of the next file (a list's page does).
    initial = {name: request.GET[name] for name in ("target", "source") if request.GET.get(name)}
    form = UploadForm(request.POST or None, request.FILES or None, targets=targets, initial=initial)
    if request.method == "POST" and targets and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.import_upload(
                actor=request.user,
                target=form.cleaned_data["target"],
                source=form.cleaned_data["source"],
                upload=upload,
                name=upload.name,
            )
        except PermissionDenied:
            raise Http404 from None
        except services.ImportRefused as exc:
            form.add_error("file", str(exc))
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            if not result.created:
                messages.info(request, _already_sent(result.batch))
            return _detail(result.batch)
    batches = (
        ImportBatch.objects.filter(created_by=request.user).select_related("source").order_by("-created_at", "-id")
    )
    page = Paginator(batches, IMPORTS_PER_PAGE).get_page(request.GET.get("page"))
    sources = (
        ImportSource.objects.filter(target__in=[target.name for target in targets])
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()[:SOURCES_OFFERED]
    )
    labels = {target.name: target.label for target in targets_all()}
    rows = [{"batch": batch, "target": labels.get(batch.target, batch.target)} for batch in page.object_list]
    return render(
        request,
        "imports/list.html",
        {"form": form, "targets": targets, "sources": list(sources), "page": page, "rows": rows},
    )


def _preview(batch: ImportBatch) -> tuple[list[list[str]], str]:
    """The first rows of the file as they are read now, or why it cannot be read so."""
    try:
        rows = tabular.preview(services.batch_path(batch), services.batch_guess(batch), rows=PREVIEW_ROWS + 1)
    except tabular.FileRefused as exc:
        return [], str(services.refusal_of(exc))
    width = len(batch.headers)
    return [[*row.values[:width], *[""] * (width - len(row.values))] for row in rows[1:]], ""


def _mapping_context(batch: ImportBatch, target: ImportTarget, form: MappingForm) -> dict[str, Any]:
    problems = services.mapping_problems(target, batch.headers, batch.mapping, batch.defaults)
    preview, unreadable = _preview(batch)
    columns = [
        {"position": position, "header": header, "field": form[name], "problem": problems.get(str(position), "")}
        for position, header, name in form.columns
    ]
    defaults = [{"field": form[name], "problem": problems.pop(field, "")} for field, name in form.defaults]
    column_keys = {str(position) for position, _header, _name in form.columns}
    # Problems of a field (a required one with no column) that no input of the form stands for.
    field_problems = [message for key, message in problems.items() if key not in column_keys]
    return {
        "reading": ReadingForm(batch=batch),
        "preview": preview,
        "unreadable": unreadable,
        "mapping": form,
        "columns": columns,
        "defaults": defaults,
        "field_problems": field_problems,
        "has_problems": bool(problems) or any(item["problem"] for item in defaults),
        "required_fields": [item.label for item in target.fields if item.required],
    }


def _report_context(request: HttpRequest, batch: ImportBatch, target: ImportTarget) -> dict[str, Any]:
    headers = {field: batch.headers[int(position)] for position, field in batch.mapping.items() if field}
    labels = {item.name: item.label for item in target.fields}
    errors = Paginator(ImportRowError.objects.filter(batch=batch).order_by("row", "id"), ERRORS_PER_PAGE).get_page(
        request.GET.get("errors")
    )
    error_rows = [
        {
            "row": error.row,
            "column": headers.get(error.column) or labels.get(error.column, error.column),
            "value": error.value,
            "text": error.text,
        }
        for error in errors.object_list
    ]
    staged = StagedRow.objects.filter(
        batch=batch, status__in=[StagedStatus.REGISTERED, StagedStatus.POSSIBLE_DUPLICATE]
    ).order_by("row")
    registered = Paginator(staged.only("row", "status", "existing_person", "match_probability"), REGISTERED_PER_PAGE)
    registered_page = registered.get_page(request.GET.get("registered"))
    registered_rows = [
        {
            "row": item.row,
            "possible": item.status == StagedStatus.POSSIBLE_DUPLICATE,
            "probability": round(item.match_probability * 100) if item.match_probability is not None else None,
            "url": target.object_url(str(item.existing_person))
            if target.object_url is not None and item.existing_person
            else "",
        }
        for item in registered_page.object_list
    ]
    return {
        "errors": errors,
        "error_rows": error_rows,
        "registered": registered_page,
        "registered_rows": registered_rows,
        "bad_rows": services.bad_rows_count(batch),
    }


@staff_required(permission="import.view")
@require_GET
def import_detail(request: HttpRequest, import_id: Any) -> HttpResponse:
    """One import, as far as it has come."""
    batch = _batch(request, import_id)
    target = target_get(batch.target)
    context: dict[str, Any] = {"batch": batch, "target": target}
    if batch.status == BatchStatus.UPLOADED:
        context.update(_mapping_context(batch, target, MappingForm(batch=batch, target=target)))
        services.import_batch_read(actor=request.user, batch=batch, part="preview")
    elif batch.status in (BatchStatus.VALIDATING, BatchStatus.PROMOTING):
        # The job's progress fragment polls the job's page; when the job ends it reloads this page.
        context.update({"job": batch.job, "can_cancel": False, "job_stopped": not services.job_still_running(batch)})
    elif batch.status in (BatchStatus.VALIDATED, BatchStatus.PROMOTED):
        context.update(_report_context(request, batch, target))
        if batch.status == BatchStatus.VALIDATED:
            context["promote"] = PromoteForm(batch=batch)
        elif target.summary is not None:
            context["summary"] = target.summary(batch)
        services.import_batch_read(actor=request.user, batch=batch, part="errors")
    return render(request, "imports/detail.html", context)


def _uploaded(request: HttpRequest, import_id: Any) -> ImportBatch | None:
    """The batch of a form of the mapping step, or None (with a message) when it has moved on —
    the same form sent twice, or from a tab left open."""
    batch = _batch(request, import_id)
    if batch.status != BatchStatus.UPLOADED:
        messages.info(request, _("This import has moved on since the page was loaded; here is where it stands."))
        return None
    return batch


@staff_required(permission="import.view")
@require_POST
def import_reading(request: HttpRequest, import_id: Any) -> HttpResponse:
    """Read the file with another encoding, delimiter or sheet."""
    batch = _uploaded(request, import_id)
    if batch is None:
        return _detail(_batch(request, import_id))
    form = ReadingForm(request.POST, batch=batch)
    if not form.is_valid():
        messages.error(request, _("Choose the encoding, delimiter or sheet from the lists."))
        return _detail(batch, "reading")
    try:
        services.import_configure(
            actor=request.user,
            batch=batch,
            encoding=form.cleaned_data.get("encoding") or None,
            delimiter=form.cleaned_data.get("delimiter") or None,
            sheet=form.cleaned_data.get("sheet") or None,
        )
    except ValidationError as exc:
        _service_messages(request, exc)
    else:
        messages.success(request, _("The file is read again; check the preview and the columns."))
    return _detail(batch, "reading")


@staff_required(permission="import.view")
@require_POST
def import_check(request: HttpRequest, import_id: Any) -> HttpResponse:
    """Confirm the columns and start checking every row."""
    batch = _uploaded(request, import_id)
    if batch is None:
        return _detail(_batch(request, import_id))
    target = target_get(batch.target)
    form = MappingForm(request.POST, batch=batch, target=target)
    if not form.is_valid():
        messages.error(request, _("The form is out of date. Check the columns and send it again."))
        return _detail(batch, "mapping")
    try:
        batch = services.import_configure(
            actor=request.user,
            batch=batch,
            mapping=form.mapping(),
            defaults=form.default_values(),
            mode=form.cleaned_data["mode"],
        )
        services.import_check_start(
            actor=request.user, batch=batch, idempotency_key=form.cleaned_data["submission_key"]
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            # The mapping's problems, by column or field: the page shows each next to it.
            messages.error(request, _("The columns do not fit yet: see the problems marked below."))
        else:
            _service_messages(request, exc)
        return _detail(batch, "mapping")
    messages.success(request, _("The rows are being checked. This page shows the report when the check ends."))
    return _detail(batch)


@staff_required(permission="import.view")
@require_POST
def import_promote(request: HttpRequest, import_id: Any) -> HttpResponse:
    batch = _batch(request, import_id)
    form = PromoteForm(request.POST, batch=batch)
    if not form.is_valid():
        messages.error(request, _("The form is out of date. Check the report and send it again."))
        return _detail(batch, "promote")
    try:
        services.import_promote_start(
            actor=request.user,
            batch=batch,
            mode=form.cleaned_data["mode"],
            import_possible_duplicates=form.cleaned_data["import_possible_duplicates"],
            idempotency_key=form.cleaned_data["submission_key"],
        )
    except ValidationError as exc:
        _service_messages(request, exc)
        return _detail(batch, "promote")
    messages.success(request, _("The valid rows are being imported."))
    return _detail(batch)


@staff_required(permission="import.view")
@require_POST
def import_remap(request: HttpRequest, import_id: Any) -> HttpResponse:
    batch = _batch(request, import_id)
    try:
        services.import_remap(actor=request.user, batch=batch)
    except ValidationError as exc:
        _service_messages(request, exc)
    return _detail(batch, "mapping")


@staff_required(permission="import.view")
@require_POST
def import_discard(request: HttpRequest, import_id: Any) -> HttpResponse:
    batch = _batch(request, import_id)
    try:
        services.import_discard(actor=request.user, batch=batch)
    except ValidationError as exc:
        _service_messages(request, exc)
        return _detail(batch)
    messages.success(request, _("The import is discarded: nothing was stored in the register."))
    return redirect("staff:imports")


def _report(request: HttpRequest, import_id: Any, file_format: str) -> HttpResponse:
    batch = _batch(request, import_id)
    # The report is of a checked file: before the check there are no rows to report.
    require(batch.status in (BatchStatus.VALIDATED, BatchStatus.PROMOTED))
    name, content, content_type = services.import_report_download(
        actor=request.user, batch=batch, file_format=file_format
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    # It holds the bad rows' personal data: no cache keeps a copy.
    response["Cache-Control"] = "no-store"
    return response


@staff_required(permission="import.view")
@require_GET
def import_report_csv(request: HttpRequest, import_id: Any) -> HttpResponse:
    return _report(request, import_id, "csv")


@staff_required(permission="import.view")
@require_GET
def import_report_xlsx(request: HttpRequest, import_id: Any) -> HttpResponse:
    return _report(request, import_id, "xlsx")
