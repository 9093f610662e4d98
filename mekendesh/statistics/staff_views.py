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
            elif request.POST.get("do") == "protect":
                if not can(request.user, "statistics.build"):
                    raise PermissionDenied
                services.release_protect(actor=request.user, release=release)
                messages.success(request, _("Every table is protected: open a table to see what will be published."))
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


SUPPRESSED_STATUSES = frozenset({"C", "A", "D"})  # confidential: primary (A), secondary (D), as published (C)


def _levels(codes: list[str], parents: Any, total: str | None) -> dict[str, tuple[int, int, bool]]:
    """Each code of a dimension as the grid lays it out: (its place in the hierarchy read from
    the top — the total, then each code followed by the codes under it —, its depth: 0 the total,
    1 the codes under it …, whether codes lie under it). A code without a parent is under the total."""
    parent_of: dict[str, str | None] = {}
    for code in codes:
        parent = (parents or {}).get(code, total if code != total else None)
        parent_of[code] = parent if parent != code else None
    children: dict[str | None, list[str]] = {}
    order = {code: index for index, code in enumerate(codes)}
    for code in codes:
        parent = parent_of[code]
        # A parent the table does not have (a filter's slice): its codes hang from the top.
        children.setdefault(parent if parent in order else None, []).append(code)
    laid: dict[str, tuple[int, int, bool]] = {}

    def walk(code: str, depth: int) -> None:
        if code in laid:
            return
        laid[code] = (len(laid), depth, bool(children.get(code)))
        for child in children.get(code, []):
            walk(child, depth + 1)

    tops = children.get(None, [])
    for code in sorted(tops, key=lambda item: (item != total, order[item])):
        walk(code, 0 if code == total else (0 if total not in order else 1))
    for code in codes:  # anything left (a cycle): at the end, under the total
        walk(code, 1)
    return laid


def _grid(
    names: list[str],
    cells: list[dict[str, Any]],
    labels: dict[str, Any],
    *,
    mark: bool,
    parents: Any = None,
    totals: Any = None,
) -> dict[str, Any]:
    """The cells as rows for a page, grouped by each dimension's hierarchy: the total first, then
    each code followed by the codes under it (a region, then its districts), every name indented
    by its level; totals and subtotals marked; each cell's value or its mark ("x" for every cell
    not published, whichever rule withheld it; "–" for one that cannot exist)."""
    parents, totals = parents or {}, totals or {}
    levels = {}
    for name in names:
        seen = list(dict.fromkeys(str(cell["cell"].get(name, "")) for cell in cells))
        levels[name] = _levels(seen, parents.get(name), totals.get(name))
    rows: list[dict[str, Any]] = []
    for cell in cells:
        value = cell.get("value")
        if str(cell.get("conf_status", "F")) in SUPPRESSED_STATUSES:
            shown, kind = "x", "suppressed"
        elif value is None and cell.get("obs_status") == "M":
            shown, kind = "–", "impossible"
        elif value is None:
            shown, kind = "x", "suppressed"
        else:
            shown, kind = str(value), "perturbed" if mark and cell.get("obs_status") == "E" else "published"
        codes = [str(cell["cell"].get(name, "")) for name in names]
        named = []
        for name, code in zip(names, codes, strict=True):
            _place, depth, has_children = levels[name][code]
            level = "total" if code == totals.get(name) else "subtotal" if has_children else "leaf"
            named.append({"text": _label(labels, name, code), "depth": depth, "level": level})
        rows.append(
            {
                "names": named,
                "value": shown,
                "kind": kind,
                "total": any(item["level"] != "leaf" for item in named),
                "order": tuple(levels[name][code][0] for name, code in zip(names, codes, strict=True)),
            }
        )
    rows.sort(key=lambda row: tuple(row["order"]))
    return {
        "headers": [str(DIMENSIONS[name].label) if name in DIMENSIONS else name for name in names],
        "rows": rows,
        "suppressed": sum(1 for row in rows if row["kind"] == "suppressed"),
    }


def _shown(table: ReleaseTable) -> dict[str, Any]:
    # The table's dimensions in its own order, then those its filters and period fix (PostgreSQL
    # does not keep the order of a JSON object's keys, so ``totals`` cannot give it).
    order = services.crossed_dimensions(table) if table.indicator in INDICATORS else table.dimensions
    crossed = [name for name in order if name in table.totals]
    names = crossed + [name for name in table.totals if name not in crossed] or list(table.dimensions)
    grid = (
        _grid(names, list(table.cells), table.labels, mark=True, parents=table.parents, totals=table.totals)
        if table.cells
        else None
    )
    return {"table": table, "grid": grid}


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
    parents = {name: dict(trees[name].parent_of) for name in crossed}
    totals = {name: trees[name].total for name in crossed}
    return _grid(crossed, cells, labels, mark=False, parents=parents, totals=totals)


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
