"""The statistics pages of the staff workspace (statisticians): the register's data sets and
their computation, the releases, a release with its tables, the table builder (the table
unprotected, then what will be published, suppressed and perturbed cells marked), the review
(send, publish, return to draft) and corrections.

Anything refused — a table that cannot be protected, a published release, four eyes — shows the
page again with the reason. Other roles get 403 from the staff door; unknown releases 404.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mekendesh.accounts.permissions import can
from mekendesh.statistics import selectors, services
from mekendesh.statistics.indicators import DIMENSIONS, INDICATORS, dimension_for, labels_for, table_for
from mekendesh.statistics.models import DataSetKind, DataSetStatus, Method, Release, ReleaseStatus, ReleaseTable
from mekendesh.statistics.titles import LANGUAGES, texts_posted
from mekendesh.statistics.workflows import RELEASE
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import staff_required
from mekendesh.workflows.errors import StaleObjectError

VIEW = "statistics.view"


def _messages_of(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _texts(field: str, values: Any, *, legend: str, help_text: str = "", multiline: bool = False) -> dict[str, Any]:
    """A text typed in each interface language, for :template:`statistics/staff/_texts.html`:
    a field per language (``title_ky``, ``title_ru`` …), marked with its language."""
    names = dict(settings.LANGUAGES)
    return {
        "field": field,
        "legend": legend,
        "help": help_text,
        "multiline": multiline,
        "items": [
            {
                "language": language,
                "language_name": names.get(language, language),
                "name": f"{field}_{language}",
                "id": f"{field}_{language}",
                "value": str(values.get(language, "") or ""),
            }
            for language in LANGUAGES
        ],
    }


def _release_texts(titles: Any, summaries: Any) -> dict[str, Any]:
    return {
        "titles": _texts(
            "title",
            titles,
            legend=_("Title"),
            help_text=_("Give the title in at least one language; the public reads it in theirs, else in another one."),
        ),
        "summaries": _texts("summary", summaries, legend=_("Summary"), multiline=True),
    }


def _release(request: HttpRequest, release_id: Any) -> Release:
    found = selectors.releases_visible_to(request.user).filter(public_id=release_id).first()
    if found is None:
        raise Http404
    return found


@staff_required(permission=VIEW)
@require_GET
def datasets(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "statistics/staff/datasets.html",
        {"datasets": selectors.datasets_visible_to(request.user)[:50], "today": dt.date.today().isoformat()},
    )


@staff_required(permission="statistics.build")
@require_POST
def dataset_compute(request: HttpRequest) -> HttpResponse:
    try:
        day = dt.date.fromisoformat(request.POST.get("reference_date") or dt.date.today().isoformat())
    except ValueError:
        messages.error(request, _("The reference date is a day as YYYY-MM-DD."))
        return redirect("staff:statistics_datasets")
    job = services.dataset_compute_start(actor=request.user, reference_date=day)
    return redirect("jobs:detail", job_id=job.pk)


@staff_required(permission=VIEW)
@require_GET
def releases(request: HttpRequest) -> HttpResponse:
    found = selectors.releases_visible_to(request.user).order_by("-created_at")
    groups = [(label, [item for item in found if item.status == status]) for status, label in ReleaseStatus.choices]
    return render(request, "statistics/staff/releases.html", {"groups": groups})


@staff_required(permission="statistics.build")
@require_http_methods(["GET", "POST"])
def release_new(request: HttpRequest) -> HttpResponse:
    ready = selectors.datasets_visible_to(request.user).filter(status=DataSetStatus.READY)
    errors: list[str] = []
    if request.method == "POST":
        chosen = str(request.POST.get("dataset") or "")
        dataset = ready.filter(public_id=chosen).first() if _is_uuid(chosen) else None
        if dataset is None:
            errors.append(_("Choose a data set."))
        else:
            try:
                release = services.release_create(
                    actor=request.user,
                    dataset=dataset,
                    title=texts_posted(request.POST, "title"),
                    summary=texts_posted(request.POST, "summary"),
                )
            except ValidationError as error:
                errors.extend(_messages_of(error))
            else:
                return redirect("staff:statistics_release", release_id=release.public_id)
    posted = {field: texts_posted(request.POST, field) for field in ("title", "summary")}
    context = {"datasets": ready, "errors": errors, "form": request.POST}
    return render(
        request, "statistics/staff/release_new.html", context | _release_texts(posted["title"], posted["summary"])
    )


@staff_required(permission=VIEW)
@require_http_methods(["GET", "POST"])
def release_detail(request: HttpRequest, release_id: Any) -> HttpResponse:
    release = _release(request, release_id)
    errors: list[str] = []
    if request.method == "POST":
        try:
            if request.POST.get("do") == "edit":
                services.release_update(
                    actor=request.user,
                    release=release,
                    title=texts_posted(request.POST, "title"),
                    summary=texts_posted(request.POST, "summary"),
                )
                messages.success(request, _("The release is saved."))
            elif request.POST.get("do") == "remove":
                table = release.tables.filter(pk=int(request.POST.get("table") or 0)).first()
                if table is None:
                    raise Http404
                services.release_table_remove(actor=request.user, table=table)
            return redirect("staff:statistics_release", release_id=release.public_id)
        except ValidationError as error:
            errors.extend(_messages_of(error))
    moves = RELEASE.available(release, request.user)
    return render(
        request,
        "statistics/staff/release.html",
        {
            "release": release,
            "tables": [_shown(table) for table in selectors.release_tables(release)],
            "moves": moves,
            "errors": errors,
            "may_build": can(request.user, "statistics.build") and release.status == ReleaseStatus.DRAFT,
            "may_correct": can(request.user, "statistics.build") and release.status == ReleaseStatus.PUBLISHED,
            **_release_texts(release.titles, release.summaries),
        },
    )


@staff_required(permission=VIEW)
@require_POST
def release_move(request: HttpRequest, release_id: Any) -> HttpResponse:
    release = _release(request, release_id)
    action = request.POST.get("action", "")
    moves = {"submit": services.release_submit, "publish": services.release_publish, "return": services.release_return}
    if action not in moves:
        raise Http404
    try:
        moves[action](actor=request.user, release=release, note=request.POST.get("note", ""))
    except (ValidationError, StaleObjectError) as error:
        for text in _messages_of(error) if isinstance(error, ValidationError) else [str(error)]:
            messages.error(request, text)
    except PermissionDenied:
        messages.error(request, _("You may not do this."))
    else:
        done = {
            "submit": _("The release is sent to review."),
            "publish": _("The release is published."),
            "return": _("The release is back in draft."),
        }
        messages.success(request, done[action])
    return redirect("staff:statistics_release", release_id=release.public_id)


@staff_required(permission="statistics.build")
@require_http_methods(["GET", "POST"])
def release_correct(request: HttpRequest, release_id: Any) -> HttpResponse:
    release = _release(request, release_id)
    errors: list[str] = []
    if request.method == "POST":
        try:
            correction = services.release_correct(
                actor=request.user, release=release, changes=request.POST.get("changes", "")
            )
        except ValidationError as error:
            errors.extend(_messages_of(error))
        else:
            return redirect("staff:statistics_release", release_id=correction.public_id)
    return render(request, "statistics/staff/correct.html", {"release": release, "errors": errors})


def _label(labels: dict[str, Any], name: str, code: str) -> str:
    language = (get_language() or "en").split("-")[0]
    names = labels.get(name, {}).get(code) or {}
    return str(names.get(language) or names.get("en") or code)


def _grid(names: list[str], cells: list[dict[str, Any]], labels: dict[str, Any], *, mark: bool) -> dict[str, Any]:
    """The cells as rows for a page: each cell's codes named, its value or its mark."""
    rows = []
    for cell in cells:
        value = cell.get("value")
        if value is None and cell.get("obs_status") == "M":
            shown, kind = "–", "impossible"
        elif value is None:
            shown, kind = "x", "suppressed"
        else:
            shown, kind = str(value), "perturbed" if mark and cell.get("obs_status") == "E" else "published"
        rows.append(
            {
                "names": [_label(labels, name, cell["cell"].get(name, "")) for name in names],
                "value": shown,
                "kind": kind,
            }
        )
    return {"headers": [str(DIMENSIONS[name].label) for name in names], "rows": rows}


def _shown(table: ReleaseTable) -> dict[str, Any]:
    names = list(table.totals) or list(table.dimensions)
    return {"table": table, "grid": _grid(names, list(table.cells), table.labels, mark=True) if table.cells else None}


def _unprotected(table: ReleaseTable) -> dict[str, Any] | None:
    """The table as the data give it (staff only), the same cells as will be published."""
    dataset = table.release.dataset
    if dataset.kind != DataSetKind.REGISTER:
        return None
    crossed = list(services.crossed_dimensions(table))
    data = table_for(dataset, table.indicator, crossed)
    trees = {name: data.dimension(name) for name in crossed}
    labels = {name: labels_for(trees[name]) for name in crossed}
    cells = []
    for codes in itertools.product(*(trees[name].codes for name in crossed)):
        cell = dict(zip(crossed, codes, strict=True))
        if services._in_slice(table, cell, trees):
            cells.append({"cell": cell, "value": data.value(cell), "obs_status": "A"})
    return _grid(crossed, cells, labels, mark=False)


@staff_required(permission="statistics.build")
@require_http_methods(["GET", "POST"])
def table_new(request: HttpRequest, release_id: Any) -> HttpResponse:
    release = _release(request, release_id)
    errors: list[str] = []
    indicator = request.POST.get("indicator") or request.GET.get("indicator") or "stock"
    if indicator not in INDICATORS:
        indicator = "stock"
    found = INDICATORS[indicator]
    if request.method == "POST" and "add" in request.POST:
        filters = {
            name: request.POST.get(f"filter_{name}", "")
            for name in found.dimensions
            if request.POST.get(f"filter_{name}")
        }
        try:
            table = services.release_table_add(
                actor=request.user,
                release=release,
                indicator=indicator,
                dimensions=request.POST.getlist("dimensions"),
                filters=filters,
                period=request.POST.get("period", ""),
                method=request.POST.get("method", Method.SUPPRESSION),
                threshold=int(request.POST.get("threshold") or 10),
                protection=int(request.POST.get("protection") or 4),
                title=texts_posted(request.POST, "title"),
                note=request.POST.get("note", ""),
            )
        except ValidationError as error:
            errors.extend(_messages_of(error))
        except ValueError:
            errors.append(_("The threshold and the protection level are whole numbers."))
        else:
            return redirect("staff:statistics_table", release_id=release.public_id, table_id=table.pk)
    choices = []
    if release.dataset.kind == DataSetKind.REGISTER and release.dataset.status == DataSetStatus.READY:
        for name in found.dimensions:
            tree = dimension_for(release.dataset, found, name)
            labels = labels_for(tree)
            choices.append(
                {
                    "name": name,
                    "label": DIMENSIONS[name].label,
                    "codes": [(code, _label({name: labels}, name, code)) for code in tree.codes[1:]],
                }
            )
    return render(
        request,
        "statistics/staff/table_new.html",
        {
            "release": release,
            "indicators": INDICATORS.values(),
            "indicator": found,
            "choices": choices,
            "methods": [(Method.SUPPRESSION, Method.SUPPRESSION.label), (Method.CELL_KEY, Method.CELL_KEY.label)],
            "errors": errors,
            "form": request.POST,
            "chosen": request.POST.getlist("dimensions"),
            "titles": _texts(
                "title",
                texts_posted(request.POST, "title"),
                legend=_("Title (optional)"),
                help_text=_(
                    "Left empty, the table is named from its indicator and dimensions in each reader's language."
                ),
            ),
        },
    )


@staff_required(permission=VIEW)
@require_http_methods(["GET", "POST"])
def table_detail(request: HttpRequest, release_id: Any, table_id: int) -> HttpResponse:
    release = _release(request, release_id)
    table = release.tables.filter(pk=table_id).first()
    if table is None:
        raise Http404
    errors: list[str] = []
    if request.method == "POST":
        if not can(request.user, "statistics.build"):
            raise PermissionDenied
        try:
            table = services.release_table_protect(actor=request.user, table=table)
        except ValidationError as error:
            errors.extend(_messages_of(error))
        else:
            messages.success(request, _("The table is protected: below is what will be published."))
            return redirect("staff:statistics_table", release_id=release.public_id, table_id=table.pk)
    return render(
        request,
        "statistics/staff/table.html",
        {
            "release": release,
            "table": table,
            "shown": _shown(table),
            "unprotected": _unprotected(table),
            "errors": errors,
            "may_protect": can(request.user, "statistics.build") and release.status == ReleaseStatus.DRAFT,
        },
    )
