"""Staff pages of background jobs: the list, a job's page with a progress bar that polls while the
job runs, its messages, row errors and result files.

A job the user may not see answers 404, as if it did not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mekendesh.jobs import selectors, services
from mekendesh.jobs.models import Job, JobFile
from mekendesh.jobs.registry import kind_get, kinds_all
from mekendesh.web.decorators import staff_required

View = Callable[..., HttpResponse]

ROW_ERRORS_PER_PAGE = 50
JOBS_PER_PAGE = 25


def _job(request: HttpRequest, job_id: int) -> Job:
    try:
        return selectors.job_get_for_user(user=request.user, job_id=job_id)
    except Job.DoesNotExist:
        raise Http404 from None


def _label(job: Job) -> str:
    try:
        return str(kind_get(job.kind).label)
    except KeyError:
        return job.kind


@staff_required
@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.jobs_visible_to(request.user), JOBS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"job": job, "label": _label(job)} for job in page]
    startable = [kind for kind in kinds_all() if kind.may_start(request.user)]
    return render(request, "jobs/list.html", {"page": page, "rows": rows, "startable": startable})


@staff_required
@require_POST
def job_start(request: HttpRequest) -> HttpResponse:
    try:
        job = services.job_start(actor=request.user, kind=request.POST.get("kind", ""))
    except (PermissionDenied, ValidationError):
        raise Http404 from None
    messages.success(request, _("The job is queued: it starts as soon as a worker is free."))
    return redirect("jobs:detail", job_id=job.pk)


def _progress_context(request: HttpRequest, job: Job) -> dict[str, Any]:
    return {
        "job": job,
        "label": _label(job),
        "can_cancel": not job.finished and services.job_may_cancel(request.user, job),
    }


@staff_required
@require_GET
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _job(request, job_id)
    errors = Paginator(job.row_errors.all(), ROW_ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "jobs/detail.html",
        {
            **_progress_context(request, job),
            "row_errors": errors,
            "job_messages": list(reversed(job.messages or [])),
            "files": job.files.all() if services.job_file_may_download(request.user, job) else JobFile.objects.none(),
            "files_hidden": job.files.exists() and not services.job_file_may_download(request.user, job),
        },
    )


@staff_required
@require_GET
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """The progress fragment the job's page polls while the job runs."""
    job = _job(request, job_id)
    response = render(request, "jobs/_progress.html", _progress_context(request, job))
    if job.finished and getattr(request, "htmx", False):
        # The job ended while the page watched it: load the whole page once, with its results.
        response["HX-Refresh"] = "true"
    return response


@staff_required
@require_POST
def job_cancel(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _job(request, job_id)
    try:
        services.job_cancel(actor=request.user, job=job)
    except PermissionDenied:
        raise Http404 from None
    messages.info(request, _("The job will stop at its next step."))
    return redirect("jobs:detail", job_id=job.pk)


@staff_required
@require_GET
def job_file(request: HttpRequest, job_id: int, file_id: int) -> FileResponse:
    job = _job(request, job_id)
    try:
        found = job.files.get(pk=file_id)
        services.job_file_download(actor=request.user, job_file=found)
    except (JobFile.DoesNotExist, PermissionDenied):
        raise Http404 from None
    response = FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name)
    response["Cache-Control"] = "no-store"
    return response
