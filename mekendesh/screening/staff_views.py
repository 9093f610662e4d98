"""The screening pages of the staff workspace: the host-country lists, a list with its versions
and runs, a version with what it added, changed and removed (and, when it would take most of the
list away, its confirmation), the review queue, and a candidate with its explanation, its
judgements and their history.

Analysts describe lists, import their files (on the import pages), run and review; a consular
officer reads the candidates of the people of their districts, without judging. What a user may
not see answers 404 (the selectors start from what they may see). A judgement refused — four
eyes, a stale version — shows the candidate page again with the reason and the note kept.

Blind review: a reviewer may switch the score off for the session; a candidate's page then hides
the probability and the weights until the reviewer has given a judgement, and the judgement is
recorded as given blind.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mekendesh.accounts.permissions import can
from mekendesh.cases.workflows import kind_of
from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.selectors import jobs_visible_to
from mekendesh.screening import selectors, services
from mekendesh.screening.evidence import candidate_evidence, candidates_audit, entries_audit, evidence_audit
from mekendesh.screening.explanation import probability_percent, signed, waterfall
from mekendesh.screening.lists import TARGET
from mekendesh.screening.models import (
    Candidate,
    CandidateStatus,
    GoneReason,
    ListEntry,
    ListVersion,
    RunKind,
    ScreeningRun,
    Verdict,
    VersionStatus,
)
from mekendesh.screening.staff_forms import (
    BlindForm,
    JudgementForm,
    ListSourceForm,
    QueueFilterForm,
    VersionApplyForm,
    VersionRejectForm,
)
from mekendesh.screening.workflows import CANDIDATE
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import staff_required
from mekendesh.web.pagination import CappedPaginator
from mekendesh.workflows.errors import StaleObjectError

PAGE_SIZE = 50
COUNT_CAP = 10_000
CHANGES_SHOWN = 200
RUNS_SHOWN = 20
BLIND_SESSION_KEY = "screening.blind"
# The moves offered as buttons, in this order; "undo" has a button of its own.
JUDGEMENTS = ("same", "not_same", "unsure", "confirm")


def blind_mode(request: HttpRequest) -> bool:
    """Whether the reviewer switched blind review on for this session."""
    return bool(request.session.get(BLIND_SESSION_KEY)) and can(request.user, "screening.review")


def _has_judged(user: Any, candidate: Candidate) -> bool:
    return candidate.judgements.filter(reviewer=user).exists()


# --- lists ------------------------------------------------------------------------------------------


@staff_required(permission="screening.lists")
@require_GET
def lists(request: HttpRequest) -> HttpResponse:
    sources = list(selectors.lists_overview(request.user))
    pending = (
        ListVersion.objects.filter(status=VersionStatus.PENDING, source__in=[source.pk for source in sources])
        .select_related("source")
        .order_by("created_at")
    )
    return render(request, "screening/staff/lists.html", {"sources": sources, "pending": pending})


@staff_required(permission="screening.lists")
@require_http_methods(["GET", "POST"])
def list_new(request: HttpRequest) -> HttpResponse:
    form = ListSourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            source = services.list_source_create(
                actor=request.user,
                name=data["name"],
                country=data["country"],
                authority=data["authority"],
                kind=data["kind"],
                consequence=data["consequence"],
                advice=data["advice"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(
                request, _("The list is described. Send its first file under the name “%(name)s”.") % {"name": source}
            )
            return redirect("staff:screening_list", list_id=source.public_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "screening/staff/list_new.html", {"form": form}, status=status)


def upload_url(source: Any) -> str:
    """The import page, ready for the list's next file."""
    return reverse("staff:imports") + "?" + urlencode({"target": TARGET, "source": source.name})


def _runs(user: Any, runs: Any) -> list[dict[str, Any]]:
    runs = list(runs)
    seen_jobs = set(
        jobs_visible_to(user).filter(pk__in=[run.job_id for run in runs if run.job_id]).values_list("pk", flat=True)
    )
    return [{"run": run, "job": run.job, "job_visible": run.job_id in seen_jobs} for run in runs]


@staff_required(permission="screening.lists")
@require_GET
def list_detail(request: HttpRequest, list_id: Any) -> HttpResponse:
    source = selectors.list_get(user=request.user, public_id=list_id)
    versions = list(source.versions.select_related("created_by", "applied_by").order_by("-number"))
    runs = ScreeningRun.objects.filter(source=source).select_related("job", "version")[:RUNS_SHOWN]
    return render(
        request,
        "screening/staff/list_detail.html",
        {
            "source": source,
            "versions": versions,
            "runs": _runs(request.user, runs),
            "entries_in_force": source.entries.filter(gone_in__isnull=True).count(),
            "upload_url": upload_url(source),
            "run_under_way": _full_run_under_way(source),
        },
    )


def _full_run_under_way(source: Any) -> bool:
    return ScreeningRun.objects.filter(
        source=source,
        kind=RunKind.FULL,
        finished_at__isnull=True,
        job__status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
    ).exists()


@staff_required(permission="screening.lists")
@require_POST
def list_run(request: HttpRequest, list_id: Any) -> HttpResponse:
    """Screen the whole register against the list (a job; its progress on the list's page)."""
    source = selectors.list_get(user=request.user, public_id=list_id)
    if _full_run_under_way(source):
        messages.info(request, _("The whole register is already being screened against this list."))
    elif not source.entries.filter(gone_in__isnull=True).exists():
        messages.error(request, _("The list names no one yet: import its file first."))
    else:
        try:
            services.screening_run_start(actor=request.user, kind=RunKind.FULL, source=source)
        except (PermissionDenied, ValidationError):
            messages.error(request, _("You may not do this."))
        else:
            messages.success(request, _("The whole register is queued to be screened against this list."))
    return redirect("staff:screening_list", list_id=source.public_id)


# --- versions ---------------------------------------------------------------------------------------


def _version_page(
    request: HttpRequest,
    version: ListVersion,
    *,
    status: int = 200,
    apply_form: VersionApplyForm | None = None,
) -> HttpResponse:
    changes: dict[str, list[ListEntry]] = {"added": [], "changed": [], "removed": [], "unchanged": []}
    before: dict[str, ListEntry] = {}
    would_remove: list[ListEntry] = []
    if version.status == VersionStatus.APPLIED:
        changes = {kind: list(selectors.version_changes(version, kind=kind, limit=CHANGES_SHOWN)) for kind in changes}
        if changes["changed"]:
            before = {
                entry.key: entry
                for entry in ListEntry.objects.filter(
                    source=version.source_id,
                    gone_in=version,
                    gone_reason=GoneReason.CHANGED,
                    key__in=[entry.key for entry in changes["changed"]],
                )
            }
    elif version.status == VersionStatus.PENDING:
        would_remove = list(selectors.version_would_remove(version, limit=CHANGES_SHOWN))
    shown = [*changes["added"], *changes["changed"], *before.values(), *changes["removed"], *changes["unchanged"]]
    shown += would_remove
    entries_audit(actor=request.user, entries=shown)
    current = version.changed + version.removed + version.unchanged
    return render(
        request,
        "screening/staff/version.html",
        {
            "version": version,
            "source": version.source,
            "changes": [
                {"kind": "added", "title": _("Added"), "count": version.added, "entries": changes["added"]},
                {
                    "kind": "changed",
                    "title": _("Changed"),
                    "count": version.changed,
                    "entries": [{"entry": entry, "before": before.get(entry.key)} for entry in changes["changed"]],
                },
                {"kind": "removed", "title": _("Removed"), "count": version.removed, "entries": changes["removed"]},
                {
                    "kind": "unchanged",
                    "title": _("Unchanged"),
                    "count": version.unchanged,
                    "entries": changes["unchanged"],
                },
            ],
            "shown_limit": CHANGES_SHOWN,
            "would_remove": would_remove,
            "current": current,
            "removed_share": round(version.removed * 100 / current) if current else 0,
            "apply_form": apply_form or VersionApplyForm(initial={"version": version.version}),
            "reject_form": VersionRejectForm(initial={"version": version.version}),
            "runs": _runs(request.user, version.runs.select_related("job")),
            "upload_url": upload_url(version.source),
        },
        status=status,
    )


@staff_required(permission="screening.lists")
@require_GET
def version_detail(request: HttpRequest, version_id: Any) -> HttpResponse:
    version = selectors.version_get(user=request.user, public_id=version_id)
    return _version_page(request, version)


def _version_refused(request: HttpRequest, version: ListVersion, exc: Exception, **forms: Any) -> HttpResponse:
    fresh = selectors.version_get(user=request.user, public_id=version.public_id)
    if isinstance(exc, StaleObjectError):
        messages.error(request, str(exc))
        return _version_page(request, fresh, status=409)
    if isinstance(exc, ValidationError) and not hasattr(exc, "error_dict"):
        messages.error(request, " ".join(exc.messages))
    return _version_page(request, fresh, status=400, **forms)


@staff_required(permission="screening.lists")
@require_POST
def version_apply(request: HttpRequest, version_id: Any) -> HttpResponse:
    version = selectors.version_get(user=request.user, public_id=version_id)
    form = VersionApplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete. Reload the page and try again."))
        return _version_page(request, version, status=400)
    try:
        services.list_version_apply(
            actor=request.user,
            version=version,
            confirm_large_removal=form.cleaned_data["confirm_large_removal"],
            expected_version=form.cleaned_data["version"],
        )
    except (StaleObjectError, ValidationError) as exc:
        if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
            form.apply_service_errors(exc)
        return _version_refused(request, version, exc, apply_form=form)
    messages.success(
        request,
        _("Version %(number)d is applied: the list now names the people of this file.") % {"number": version.number},
    )
    return redirect("staff:screening_version", version_id=version.public_id)


@staff_required(permission="screening.lists")
@require_POST
def version_reject(request: HttpRequest, version_id: Any) -> HttpResponse:
    version = selectors.version_get(user=request.user, public_id=version_id)
    form = VersionRejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete. Reload the page and try again."))
        return _version_page(request, version, status=400)
    try:
        services.list_version_reject(actor=request.user, version=version, expected_version=form.cleaned_data["version"])
    except (StaleObjectError, ValidationError) as exc:
        return _version_refused(request, version, exc)
    messages.success(
        request,
        _("Version %(number)d is set aside: the list stays as it was.") % {"number": version.number},
    )
    return redirect("staff:screening_version", version_id=version.public_id)


# --- the review queue ----------------------------------------------------------------------------------


@staff_required(permission="screening.view")
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """Candidates still to decide (or of a chosen status), most likely first, 50 a page; conflicts
    flagged. An officer reads those of the people of their districts."""
    form = QueueFilterForm(request.GET or None)
    candidates = selectors.review_queue(request.user, **form.filters())
    page = CappedPaginator(candidates, PAGE_SIZE, cap=COUNT_CAP).get_page(request.GET.get("page"))
    shown: list[Candidate] = list(page.object_list)
    flagged = selectors.conflicted_ids(shown)
    candidates_audit(actor=request.user, candidates=shown)
    blind = blind_mode(request)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "screening/staff/queue.html",
        {
            "form": form,
            "page": page,
            "rows": [
                {
                    "candidate": candidate,
                    "conflict": candidate.pk in flagged,
                    "percent": probability_percent(candidate.probability),
                }
                for candidate in shown
            ],
            "query": query.urlencode(),
            "blind": blind,
            "may_review": can(request.user, "screening.review"),
            "counts": _status_counts(request.user),
        },
    )


def _status_counts(user: Any) -> list[dict[str, Any]]:
    counts = selectors.queue_counts(user)
    return [
        {"status": value, "label": label, "count": counts.get(value, 0)} for value, label in CandidateStatus.choices
    ]


@staff_required(permission="screening.review")
@require_POST
def blind_switch(request: HttpRequest) -> HttpResponse:
    """Switch blind review on or off for the session, back to the page it was switched from."""
    form = BlindForm(request.POST)
    valid = form.is_valid()
    on = bool(valid and form.cleaned_data["blind"])
    request.session[BLIND_SESSION_KEY] = on
    if on:
        messages.info(request, _("Blind review: a candidate's score stays hidden until you have judged it."))
    else:
        messages.info(request, _("Blind review is off: scores are shown."))
    target = form.cleaned_data.get("next", "") if valid else ""
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("staff:screening_queue")
    return redirect(target)


# --- a candidate -----------------------------------------------------------------------------------------


def _candidate_page(request: HttpRequest, candidate: Candidate, *, status: int = 200, note: str = "") -> HttpResponse:
    user = request.user
    evidence = candidate_evidence(user=user, candidate=candidate)
    evidence_audit(actor=user, evidence=evidence)
    hide_score = blind_mode(request) and not _has_judged(user, candidate)
    available = CANDIDATE.available(candidate, user)
    moves = sorted(
        (move for move in available if move.action in JUDGEMENTS), key=lambda move: JUDGEMENTS.index(move.action)
    )
    case = candidate.case
    return render(
        request,
        "screening/staff/candidate.html",
        {
            "candidate": candidate,
            "entry": candidate.entry,
            "source": candidate.entry.source,
            "person": candidate.person,
            "evidence": evidence,
            "chart": waterfall(evidence.steps),
            "percent": probability_percent(candidate.probability),
            "weight_text": signed(candidate.weight),
            "hide_score": hide_score,
            "blind": blind_mode(request),
            "may_review": can(user, "screening.review"),
            "moves": moves,
            "may_undo": any(move.action == "undo" for move in available),
            "own_proposal": candidate.status == CandidateStatus.PROPOSED and candidate.proposed_by_id == user.pk,
            "person_visible": can(user, "person.view"),
            "judge_form": JudgementForm(
                initial={
                    "version": candidate.version,
                    "note": note,
                    "blind": hide_score,
                    "submission_key": uuid.uuid4(),
                }
            ),
            "case": case,
            "case_step": kind_of(case).step(case.status) if case is not None else None,
        },
        status=status,
    )


@staff_required(permission="screening.view")
@require_GET
def candidate_detail(request: HttpRequest, candidate_id: Any) -> HttpResponse:
    candidate = selectors.candidate_get(user=request.user, public_id=candidate_id)
    return _candidate_page(request, candidate)


def _judged_message(candidate: Candidate) -> str:
    if candidate.status == CandidateStatus.CONFIRMED and candidate.case is not None:
        case = candidate.case
        where = case.consular_district.name if case.consular_district else _("the ministry (headquarters)")
        return _("Confirmed as the same person. Case %(number)s is opened for %(where)s.") % {
            "number": case.number,
            "where": where,
        }
    if candidate.status == CandidateStatus.PROPOSED:
        return _("Proposed as the same person: another reviewer confirms it.")
    return _("Your judgement is recorded: %(status)s.") % {"status": candidate.get_status_display()}


@staff_required(permission="screening.review")
@require_POST
def candidate_judge(request: HttpRequest, candidate_id: Any) -> HttpResponse:
    """A judgement (same person, not the same, unsure, confirm) or the undoing of the last one."""
    user = request.user
    candidate = selectors.candidate_get(user=user, public_id=candidate_id)
    form = JudgementForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete. Reload the page and try again."))
        return _candidate_page(request, candidate, status=400, note=request.POST.get("note", "")[:2000])
    data = form.cleaned_data
    verdict, note = data["verdict"], data["note"]
    try:
        if verdict == Verdict.UNDO:
            moved = services.candidate_undo(
                actor=user, candidate=candidate, note=note, expected_version=data["version"]
            )
        else:
            moved = services.candidate_judge(
                actor=user,
                candidate=candidate,
                verdict=verdict,
                note=note,
                blind=bool(data["blind"]) and not _has_judged(user, candidate),
                expected_version=data["version"],
                idempotency_key=data["submission_key"],
            )
    except (StaleObjectError, ValidationError, PermissionDenied) as exc:
        if isinstance(exc, StaleObjectError):
            messages.error(request, str(exc))
        elif isinstance(exc, PermissionDenied):
            messages.error(request, _("You may not do this."))
        else:
            messages.error(request, " ".join(exc.messages))
        fresh = selectors.candidate_get(user=user, public_id=candidate.public_id)
        return _candidate_page(request, fresh, status=409 if isinstance(exc, StaleObjectError) else 400, note=note)
    if verdict == Verdict.UNDO:
        messages.success(request, _("The judgement is undone: the pair is back in review."))
    else:
        messages.success(request, _judged_message(moved))
    return redirect("staff:screening_candidate", candidate_id=candidate.public_id)
