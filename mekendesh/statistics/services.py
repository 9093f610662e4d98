"""Writes of the statistics module: register data sets and their computation, releases and their
tables, protection, the release workflow's moves, corrections — each in one transaction with its
audit row.

Protection (:func:`release_protect` for every table of a release, :func:`release_table_protect`
for one) runs :func:`mekendesh.disclosure.protect` (threshold suppression) on each table, with the
release ledger of its data set and indicator (every table already published from them) and the
release's tables of that indicator protected before it, over one table of the data set built
once for all of them; or :func:`mekendesh.disclosure.perturb` (cell-key perturbation) on a table.
What the library refuses becomes a translated message that says what to change. A published release is immutable: every service here refuses to change
it, and points to :func:`release_correct`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.disclosure import (
    SUPPRESSION,
    CrossTab,
    DisclosureRefused,
    Ledger,
    PublishedCell,
    PublishedTable,
    Rules,
    Table,
    perturb,
    protect,
)
from mekendesh.statistics.indicators import (
    INDICATORS,
    aggregates_compute,
    dimension_for,
    indicator_get,
    labels_for,
    table_for,
)
from mekendesh.statistics.models import (
    DataSet,
    DataSetKind,
    DataSetStatus,
    Method,
    Release,
    ReleaseStatus,
    ReleaseTable,
)
from mekendesh.statistics.titles import SLUG_LANGUAGES, fields_for, texts_given
from mekendesh.statistics.workflows import RELEASE
from mekendesh.workflows.services import transition

CONFIDENTIAL = "C"


def published_refusal() -> ValidationError:
    return ValidationError(
        _("This release is published and can no longer be changed. To change what it says, make a correction."),
        code="published",
    )


def _editable(release: Release) -> None:
    if release.status == ReleaseStatus.PUBLISHED:
        raise published_refusal()
    if release.status != ReleaseStatus.DRAFT:
        raise ValidationError(_("This release is in review: return it to draft before changing it."), code="in_review")


# --- data sets ---------------------------------------------------------------------------------


@transaction.atomic
def dataset_create(*, actor: Any, reference_date: dt.date) -> DataSet:
    """A register data set at ``reference_date``, to be computed (status "being computed")."""
    dataset = DataSet.objects.create(
        kind=DataSetKind.REGISTER,
        title=_("The register on %(date)s") % {"date": reference_date.isoformat()},
        reference_date=reference_date,
        status=DataSetStatus.COMPUTING,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=dataset)
    return dataset


def dataset_compute(*, dataset: DataSet, progress: Callable[[int, int, str], None] | None = None) -> int:
    """Compute the data set's indicators (see :mod:`mekendesh.statistics.indicators`); the data
    set is ready after, or failed if the computation stopped. Returns the number of cells."""
    if dataset.releases.filter(status=ReleaseStatus.PUBLISHED).exists():
        raise ValidationError(_("Tables of this data set are published: it is not computed again."), code="published")
    try:
        cells = aggregates_compute(dataset=dataset, progress=progress)
    except Exception:
        DataSet.objects.filter(pk=dataset.pk).update(status=DataSetStatus.FAILED)
        raise
    with transaction.atomic():
        DataSet.objects.filter(pk=dataset.pk).update(status=DataSetStatus.READY)
        dataset.status = DataSetStatus.READY
        audit_record(actor=None, action=AuditEvent.Action.UPDATE, obj=dataset, fields=["status"])
    return cells


def dataset_compute_start(*, actor: Any, reference_date: dt.date | None = None) -> Any:
    """A new register data set, computed by the ``statistics.compute`` job; returns the job."""
    from mekendesh.jobs.services import job_start

    with transaction.atomic():
        dataset = dataset_create(actor=actor, reference_date=reference_date or timezone.localdate())
        return job_start(actor=actor, kind="statistics.compute", params={"dataset": dataset.pk})


# --- releases ----------------------------------------------------------------------------------


def _slug_for(titles: Mapping[str, str]) -> str:
    """An address from the title, in the first language (English, Turkmen …) whose letters make one."""
    found = (slugify(titles.get(language, ""))[:60].strip("-") for language in SLUG_LANGUAGES)
    base = next((slug for slug in found if slug), "release")
    slug, number = base, 1
    while Release.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def release_create(
    *,
    actor: Any,
    dataset: DataSet,
    title: str | Mapping[str, str],
    summary: str | Mapping[str, str] = "",
    slug: str = "",
    corrects: Release | None = None,
    changes: str = "",
) -> Release:
    """A draft release of ``dataset``. ``title`` and ``summary`` are given in each language as
    ``{"ky": …, "ru": …, "tk": …, "en": …}`` (a plain string is in the page's language); at least
    one title is needed."""
    titles, summaries = texts_given(title), texts_given(summary)
    if not titles:
        raise ValidationError({"title": _("Give the release a title, in at least one language.")})
    if dataset.status != DataSetStatus.READY:
        raise ValidationError({"dataset": _("This data set is not ready: wait until its computation has finished.")})
    if slug:
        slug = slugify(slug)[:80]
        if not slug or Release.objects.filter(slug=slug).exists():
            raise ValidationError({"slug": _("This address is taken or empty: choose another.")})
    release = Release.objects.create(
        slug=slug or _slug_for(titles),
        **fields_for("title", titles),
        **fields_for("summary", summaries),
        dataset=dataset,
        created_by=actor,
        corrects=corrects,
        changes=changes,
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=release)
    return release


@transaction.atomic
def release_update(
    *, actor: Any, release: Release, title: str | Mapping[str, str], summary: str | Mapping[str, str] = ""
) -> Release:
    """Change the title and summary. Given by language, they replace every language's text (a
    language left empty has none); a plain string changes the page's language's only."""
    release = Release.objects.select_for_update().get(pk=release.pk)
    _editable(release)
    titles, summaries = texts_given(title), texts_given(summary)
    if isinstance(title, str):
        titles = {**release.titles, **titles}
    if isinstance(summary, str):
        summaries = {**release.summaries, **summaries}
    if not titles:
        raise ValidationError({"title": _("Give the release a title, in at least one language.")})
    changed = {**fields_for("title", titles), **fields_for("summary", summaries)}
    for name, value in changed.items():
        setattr(release, name, value)
    release.save(update_fields=list(changed))
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=release, fields=list(changed))
    return release


def crossed_dimensions(table: ReleaseTable) -> tuple[str, ...]:
    """The dimensions a table is protected over: its own, then those its filters and period fix."""
    crossed = list(table.dimensions)
    for name in table.filters:
        if name not in crossed:
            crossed.append(name)
    time = indicator_get(table.indicator).time_dimension
    if table.period and time and time not in crossed:
        crossed.append(time)
    return tuple(crossed)


def _clean_table(
    dataset: DataSet, indicator: str, dimensions: Sequence[str], filters: Mapping[str, str], period: str
) -> None:
    if indicator not in INDICATORS:
        raise ValidationError({"indicator": _("Choose one of the indicators of the register.")})
    found = indicator_get(indicator)
    if not dimensions:
        raise ValidationError({"dimensions": _("Choose at least one dimension.")})
    for name in (*dimensions, *filters):
        if name not in found.dimensions:
            raise ValidationError(
                {"dimensions": _("“%(dimension)s” is not a dimension of this indicator.") % {"dimension": name}}
            )
    if len(set(dimensions)) != len(dimensions):
        raise ValidationError({"dimensions": _("A dimension is chosen twice.")})
    for name, code in filters.items():
        if name in dimensions:
            raise ValidationError({"filters": _("A dimension shown in the table cannot also be a filter.")})
        if code not in dimension_for(dataset, found, name).index:
            raise ValidationError(
                {"filters": _("The data set has no “%(code)s” in %(dimension)s.") % {"code": code, "dimension": name}}
            )
    if period:
        time = found.time_dimension
        if time is None:
            raise ValidationError({"period": _("This indicator has no period to choose: leave it empty.")})
        if time in filters:
            raise ValidationError({"period": _("Choose the period or a filter on it, not both.")})
        if period not in dimension_for(dataset, found, time).index:
            raise ValidationError({"period": _("The data set has no period “%(period)s”.") % {"period": period}})


@transaction.atomic
def release_table_add(
    *,
    actor: Any,
    release: Release,
    indicator: str,
    dimensions: Sequence[str],
    filters: Mapping[str, str] | None = None,
    period: str = "",
    method: str = Method.SUPPRESSION,
    threshold: int = 10,
    protection: int = 4,
    title: str | Mapping[str, str] = "",
    note: str = "",
) -> ReleaseTable:
    """A table of the release, not yet protected. ``title`` by language (a plain string: the
    page's language); none given, the table is named from its indicator and dimensions in each
    reader's language (:meth:`ReleaseTable.title_in`)."""
    release = Release.objects.select_for_update().select_related("dataset").get(pk=release.pk)
    _editable(release)
    filters = {str(key): str(value) for key, value in (filters or {}).items() if value}
    official = release.dataset.kind == DataSetKind.OFFICIAL
    if official:
        method = Method.NONE
    else:
        _clean_table(release.dataset, indicator, list(dimensions), filters, period)
        if method not in (Method.SUPPRESSION, Method.CELL_KEY):
            raise ValidationError({"method": _("Choose threshold suppression or cell-key perturbation.")})
    if not 1 <= int(threshold) <= 100:
        raise ValidationError({"threshold": _("The threshold is a whole number from 1 to 100.")})
    if not 0 <= int(protection) <= 100:
        raise ValidationError({"protection": _("The protection level is a whole number from 0 to 100.")})
    found = INDICATORS.get(indicator)
    titles = {language: text[:300] for language, text in texts_given(title).items()}
    order = release.tables.count()
    code = slugify(f"{indicator}-{'-'.join(dimensions)}")[:70] or "table"
    base, number = code, 1
    while release.tables.filter(code=code).exists():
        number += 1
        code = f"{base}-{number}"
    table = ReleaseTable.objects.create(
        release=release,
        code=code,
        order=order,
        **fields_for("title", titles),
        indicator=indicator,
        dimensions=list(dimensions),
        filters=filters,
        period=period,
        unit=found.unit if found else "persons",
        source=_("Mekendesh register, %(date)s") % {"date": release.dataset.reference_date}
        if not official
        else release.dataset.source,
        note=note,
        method=method,
        threshold=int(threshold),
        protection=int(protection),
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=table)
    return table


@transaction.atomic
def release_table_remove(*, actor: Any, table: ReleaseTable) -> None:
    release = Release.objects.select_for_update().get(pk=table.release_id)
    _editable(release)
    audit_record(actor=actor, action=AuditEvent.Action.DELETE, obj=table)
    table.delete()


# --- protection --------------------------------------------------------------------------------


def _published_table(table: ReleaseTable, release_slug: str) -> PublishedTable:
    """A stored table as the ledger reads it (suppressed cells as secondary: the app never
    declares cells confidential, and what was primary is not kept where the public reads)."""
    stored = {"cells": table.cells, "totals": table.totals, "method_version": table.method_version}
    return _published_of(table.code, release_slug, table.method, stored)


def _published_of(code: str, release_slug: str, method: str, stored: Mapping[str, Any]) -> PublishedTable:
    """A table's stored fields (``cells``, ``totals``, ``method_version``) as the ledger reads them."""
    cells = tuple(
        PublishedCell(
            dict(cell["cell"]),
            cell["value"],
            cell["obs_status"],
            "D" if cell["conf_status"] == CONFIDENTIAL else cell["conf_status"],
        )
        for cell in stored["cells"]
    )
    totals = dict(stored["totals"])
    return PublishedTable(
        id=code,
        dimensions=tuple(totals),
        totals=totals,
        release=release_slug,
        method=SUPPRESSION if method == Method.SUPPRESSION else method,
        method_version=stored["method_version"],
        cells=cells,
    )


def ledger_tables(*, dataset: DataSet, indicator: str, exclude_release: Release | None = None) -> list[ReleaseTable]:
    """The protected tables of every published release of the data set, for one indicator."""
    tables = ReleaseTable.objects.filter(
        release__dataset=dataset,
        release__status=ReleaseStatus.PUBLISHED,
        indicator=indicator,
        protected_at__isnull=False,
    ).select_related("release")
    if exclude_release is not None:
        tables = tables.exclude(release=exclude_release)
    return list(tables.order_by("release__published_at", "release_id", "order", "pk"))


def _in_slice(table: ReleaseTable, cell: Mapping[str, str], trees: Mapping[str, Any]) -> bool:
    for name, code in table.filters.items():
        if cell.get(name) != code:
            return False
    time = indicator_get(table.indicator).time_dimension
    if table.period and time:
        tree = trees[time]
        code = cell.get(time)
        if code != table.period and table.period not in tree.ancestors(code):
            return False
    return True


def _union_table(dataset: DataSet, indicator: str, dimension_sets: Sequence[Sequence[str]]) -> Table:
    names: list[str] = []
    for dimensions in dimension_sets:
        for name in dimensions:
            if name not in names:
                names.append(name)
    order = indicator_get(indicator).dimensions
    return table_for(dataset, indicator, sorted(names, key=order.index))


def refusal_message(refused: DisclosureRefused, labels: Mapping[str, Mapping[str, Mapping[str, str]]]) -> str:
    """What the library refused, in the reader's language, naming what to change."""
    from django.utils.translation import get_language

    language = (get_language() or "en").split("-")[0]

    def cell_name(cell: Any) -> str:
        if not isinstance(cell, Mapping):
            return str(cell)
        parts = [labels.get(name, {}).get(code, {}).get(language, code) for name, code in cell.items()]
        return " × ".join(str(part) for part in parts) or _("the total")

    def cells_named(cells: Any) -> str:
        return "; ".join(cell_name(cell) for cell in list(cells or [])[:5])

    params = refused.params
    if refused.code == "suppress_everything":
        return _(
            "Every cell of this table with someone in it would have to be suppressed, so there is nothing to "
            "publish. Choose fewer dimensions, a coarser level (regions instead of districts, broad age groups), "
            "a wider period, or a lower threshold."
        )
    if refused.code == "differencing":
        return _(
            "This table would reveal suppressed cells (%(cells)s) by difference with tables already published "
            "(%(published)s). Use the same dimensions and filters as the published table, a coarser level, or "
            "cell-key perturbation."
        ) % {
            "cells": cells_named(params.get("cells")),
            "published": ", ".join(str(item) for item in _listed(params.get("published"))),
        }
    if refused.code in ("cannot_protect", "audit_failed"):
        cells = params.get("cells") or [params.get("cell")]
        return _(
            "No pattern of suppressed cells protects %(cells)s. Choose fewer dimensions or a coarser level, or "
            "cell-key perturbation."
        ) % {"cells": cells_named(cells)}
    if refused.code == "inconsistent_ledger":
        return _(
            "The data set no longer gives the figures already published from it. Compute a new data set and "
            "build the table from that."
        )
    return _("The table cannot be protected: %(reason)s") % {"reason": str(refused)}


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _labels(dataset: DataSet, indicator: str, names: Sequence[str]) -> dict[str, dict[str, dict[str, str]]]:
    return {name: labels_for(dimension_for(dataset, indicator, name)) for name in names}


def official_release_cells(dataset: DataSet, table: ReleaseTable) -> Any:
    """The cells of a table of an official data set, as its figures give them (method ``none``).

    Filled by the official tables' module: ``mekendesh.statistics.official.release_cells(dataset,
    indicator)`` returns the cells (``{"cell", "value", "obs_status", "conf_status"}`` dicts), or a
    mapping with ``cells`` and, if it has them, ``labels`` and ``totals``."""
    if importlib.util.find_spec("mekendesh.statistics.official") is None:
        raise ValidationError(
            _("Tables of official figures cannot be published yet: their import is not installed."),
            code="no_official",
        )
    from mekendesh.statistics import official  # type: ignore[attr-defined,unused-ignore]

    return official.release_cells(dataset, table.indicator)


class ProtectionRefused(ValidationError):
    """What protection refused, in the reader's language, and the table it is about: ``table`` is
    its code ("" when the refusal is not one table's, such as a data set that no longer gives
    the figures published from it)."""

    def __init__(self, message: str, *, code: str, table: str = "") -> None:
        super().__init__(message, code=code)
        self.table = table


def _labels_of(data: Table, names: Sequence[str]) -> dict[str, dict[str, dict[str, str]]]:
    """Every code of the dimensions ``names`` of a table named in the four languages (the table
    holds the data set's trees: no query for them)."""
    return {name: labels_for(data.dimension(name)) for name in names}


def _found(
    table: ReleaseTable,
    published: PublishedTable,
    data: Table,
    crossed: Sequence[str],
    labels: Mapping[str, Mapping[str, Mapping[str, str]]],
) -> dict[str, Any]:
    """What a table stores once protected: its own cells of a protected cross-tabulation (its
    filters and period applied), its totals, labels and hierarchies. Refuses a table in which
    every cell with someone in it is suppressed."""
    trees = {name: data.dimension(name) for name in crossed}
    cells = [cell for cell in published.cells if _in_slice(table, cell.cell, trees)]
    # A cell published with someone in it ends the question (a count of 0 perturbs to 0).
    showing = (
        []
        if any(cell.value for cell in cells)
        else [cell for cell in cells if cell.obs_status != "M" and data.value(cell.cell) > 0]
    )
    if showing and all(cell.value is None for cell in showing):
        everything = DisclosureRefused("suppress_everything", table=table.code)
        raise ProtectionRefused(refusal_message(everything, labels), code=everything.code, table=table.code)
    return {
        "cells": [
            {
                "cell": cell.cell,
                "value": cell.value,
                "obs_status": cell.obs_status,
                "conf_status": CONFIDENTIAL if cell.suppressed else cell.conf_status,
            }
            for cell in cells
        ],
        "totals": {name: published.totals[name] for name in crossed},
        "labels": {name: labels[name] for name in crossed},
        "parents": {name: dict(trees[name].parent_of) for name in table.dimensions},
        "method_version": published.method_version,
    }


def _suppressed_in_turn(
    release: Release, tables: Sequence[ReleaseTable], *, kept: Sequence[ReleaseTable] = ()
) -> dict[int, dict[str, Any]]:
    """The published cells of ``tables`` — tables of the release of one indicator protected by
    threshold suppression — by table id.

    One table of the data set is built once, over the union of the dimensions of these tables,
    of the tables ``kept`` (tables of the release already protected, kept as they are) and of
    every table already published from the same data set and indicator (the ledger). The tables
    are protected in turn as cross-tabulations of it, each by :func:`mekendesh.disclosure.protect`
    with its own rules against the ledger, the kept tables and the tables before it: secondary
    suppression works across the hierarchies and across all of them, a cell suppressed before
    stays suppressed, and each pattern passes the audit over everything published with it.

    Protected in one protection together instead, the cross-tabulations of a sparse register
    share their secondary cells badly: moves that keep every table's margins at once run through
    the other tables' cells, and a small table whose cells needed no protection is suppressed
    whole. Protected in turn, each table takes the cells published before it as known, as it
    would a table of an earlier release. Refuses with :class:`ProtectionRefused` naming the
    table."""
    dataset = release.dataset
    indicator = tables[0].indicator
    prior = [
        _published_table(row, row.release.slug)
        for row in ledger_tables(dataset=dataset, indicator=indicator, exclude_release=release)
    ]
    prior += [_published_table(table, release.slug) for table in kept]
    crossed = {table.pk: crossed_dimensions(table) for table in tables}
    data = _union_table(dataset, indicator, [*crossed.values(), *(item.dimensions for item in prior)])
    names = [name for name in data.names if any(name in dimensions for dimensions in crossed.values())]
    labels = _labels_of(data, names)
    found: dict[int, dict[str, Any]] = {}
    for table in tables:
        rules = Rules(threshold=table.threshold, protection=table.protection)
        try:
            result = protect(
                data, [CrossTab(table.code, crossed[table.pk])], rules=rules, release=release.slug, ledger=Ledger(prior)
            )
        except DisclosureRefused as refused:
            raise ProtectionRefused(refusal_message(refused, labels), code=refused.code, table=table.code) from refused
        found[table.pk] = _found(table, result.tables[0], data, crossed[table.pk], labels)
        # The tables after it take what it publishes as known, as they would an earlier release's.
        prior.append(_published_of(table.code, release.slug, Method.SUPPRESSION, found[table.pk]))
    return found


def _perturbed(release: Release, table: ReleaseTable) -> dict[str, Any]:
    """The published cells of a table protected by cell-key perturbation: each cell's noise
    comes from its own persons' record keys, so the table is perturbed on its own."""
    crossed = crossed_dimensions(table)
    data = _union_table(release.dataset, table.indicator, [crossed])
    labels = _labels_of(data, crossed)
    try:
        result = perturb(data, [CrossTab(table.code, crossed)], threshold=table.threshold, release=release.slug)
    except DisclosureRefused as refused:
        raise ProtectionRefused(refusal_message(refused, labels), code=refused.code, table=table.code) from refused
    return _found(table, result.tables[0], data, crossed, labels)


def _official_found(release: Release, table: ReleaseTable) -> dict[str, Any]:
    """A table of official figures: published as the table gives them (method ``none``)."""
    found = official_release_cells(release.dataset, table)
    if not isinstance(found, Mapping):
        return {"cells": list(found), "parents": {}, "method": Method.NONE, "method_version": ""}
    # The official table says what its dimensions and unit are; the figures' own sources are
    # named cell by cell (the dimension ``source``).
    return {
        "cells": list(found["cells"]),
        "labels": dict(found.get("labels") or {}),
        "totals": dict(found.get("totals") or {}),
        "dimensions": list(found.get("dimensions") or table.dimensions),
        "unit": str(found.get("unit") or table.unit),
        "source": str(found.get("source") or table.source)[:500],
        "parents": {},
        "method": Method.NONE,
        "method_version": "",
    }


_STORED = ("cells", "totals", "labels", "parents", "dimensions", "unit", "source", "method", "method_version")


def _store(actor: Any, table: ReleaseTable, found: Mapping[str, Any]) -> ReleaseTable:
    for name, value in found.items():
        setattr(table, name, value)
    table.protected_at = timezone.now()
    table.save(update_fields=[*_STORED, "protected_at"])
    audit_record(
        actor=actor, action=AuditEvent.Action.UPDATE, obj=table, fields=["cells", "totals", "labels", "protected_at"]
    )
    return table


def _locked_draft(pk: int) -> Release:
    release = Release.objects.select_for_update().select_related("dataset").get(pk=pk)
    _editable(release)
    return release


@transaction.atomic
def release_table_protect(*, actor: Any, table: ReleaseTable) -> ReleaseTable:
    """Protect the table and store what will be published: its cells, totals and labels.

    A table protected by threshold suppression is protected against the ledger and the
    release's other protected tables of the same indicator, which stay as they are
    (:func:`_suppressed_in_turn`). Refused, nothing changes."""
    release = _locked_draft(table.release_id)
    table = ReleaseTable.objects.select_for_update().get(pk=table.pk)
    table.release = release
    if release.dataset.kind == DataSetKind.OFFICIAL:
        return _store(actor, table, _official_found(release, table))
    if table.method == Method.CELL_KEY:
        return _store(actor, table, _perturbed(release, table))
    kept = list(
        release.tables.filter(indicator=table.indicator, method=Method.SUPPRESSION, protected_at__isnull=False)
        .exclude(pk=table.pk)
        .order_by("order", "pk")
    )
    return _store(actor, table, _suppressed_in_turn(release, [table], kept=kept)[table.pk])


@transaction.atomic
def release_protect(*, actor: Any, release: Release) -> list[ReleaseTable]:
    """Protect every table of the release and store what will be published.

    The tables of each indicator protected by threshold suppression are protected over one
    table of the data set, built once (:func:`_suppressed_in_turn`), in the release's order,
    each against the ledger and the tables before it; a perturbed table on its own; official
    figures as they are. What is stored is what protecting the tables one by one in that order
    stores, whatever was protected before. Refuses with :class:`ProtectionRefused` naming the
    table to change (its ``table`` is the table's code); refused, nothing changes."""
    release = _locked_draft(release.pk)
    tables = list(ReleaseTable.objects.select_for_update().filter(release=release).order_by("order", "pk"))
    for table in tables:
        table.release = release
    found: dict[int, dict[str, Any]] = {}
    try:
        if release.dataset.kind == DataSetKind.OFFICIAL:
            for table in tables:
                found[table.pk] = _official_found(release, table)
        else:
            by_indicator: dict[str, list[ReleaseTable]] = {}
            for table in tables:
                if table.method == Method.CELL_KEY:
                    found[table.pk] = _perturbed(release, table)
                else:
                    by_indicator.setdefault(table.indicator, []).append(table)
            for group in by_indicator.values():
                found.update(_suppressed_in_turn(release, group))
    except ProtectionRefused as refused:
        named = next((table for table in tables if table.code == refused.table), None)
        if named is None:
            raise
        message = _("“%(table)s”: %(reason)s") % {"table": named.title, "reason": " ".join(refused.messages)}
        raise ProtectionRefused(message, code=str(refused.code), table=named.code) from refused
    return [_store(actor, table, found[table.pk]) for table in tables]


def release_ledger_check(*, release: Release) -> None:
    """Check the release's tables against everything published from its data set now (the
    workflow's publish step calls it inside its transaction); refuses with what to change."""
    dataset = DataSet.objects.select_for_update().get(pk=release.dataset_id)
    if dataset.kind == DataSetKind.OFFICIAL:
        return
    tables = list(release.tables.order_by("order", "pk"))
    by_indicator: dict[str, list[ReleaseTable]] = {}
    for table in tables:
        by_indicator.setdefault(table.indicator, []).append(table)
    for indicator, group in by_indicator.items():
        prior_rows = ledger_tables(dataset=dataset, indicator=indicator, exclude_release=release)
        prior = [_published_table(row, row.release.slug) for row in prior_rows]
        fresh = [_published_table(table, release.slug) for table in group]
        exact = [item for item in fresh if item.method == SUPPRESSION]
        if not exact:
            continue
        data = _union_table(dataset, indicator, [item.dimensions for item in (*prior, *fresh)])
        strictest = Rules(
            threshold=max(table.threshold for table in group), protection=max(table.protection for table in group)
        )
        try:
            _check_kept_suppressed(prior, exact, order=indicator_get(indicator).dimensions, totals=data)
            Ledger(prior).check(data, exact, rules=strictest)
        except DisclosureRefused as refused:
            names = {name for table in group for name in table.totals}
            labels = _labels(dataset, indicator, sorted(names))
            raise ValidationError(refusal_message(refused, labels), code=refused.code) from refused


def _check_kept_suppressed(
    prior: Sequence[PublishedTable], fresh: Sequence[PublishedTable], *, order: Sequence[str], totals: Table
) -> None:
    """A cell suppressed in a published table stays suppressed: a new table that shows it (with a
    lower threshold, say) reveals it outright, whatever its own pattern."""

    def full(cell: Mapping[str, str]) -> tuple[str, ...]:
        return tuple(cell.get(name, totals.dimension(name).total) for name in order if name in totals.names)

    hidden: dict[tuple[str, ...], tuple[dict[str, str], str]] = {}
    for item in prior:
        for cell in item.cells:
            if cell.suppressed:
                hidden[full(cell.cell)] = (cell.cell, f"{item.id}@{item.release}")
    revealed = [
        (item, cell) for item in fresh for cell in item.cells if cell.value is not None and full(cell.cell) in hidden
    ]
    if revealed:
        raise DisclosureRefused(
            "differencing",
            tables=sorted({item.id for item, _cell in revealed}),
            cells=[cell.cell for _item, cell in revealed],
            published=sorted({hidden[full(cell.cell)][1] for _item, cell in revealed}),
        )


# --- the workflow's moves ------------------------------------------------------------------------


def release_submit(*, actor: Any, release: Release, note: str = "", idempotency_key: Any = None) -> Release:
    if release.status == ReleaseStatus.PUBLISHED:
        raise published_refusal()
    result: Release = transition(
        actor=actor, obj=release, workflow=RELEASE, action="submit", note=note, idempotency_key=idempotency_key
    )
    return result


def release_publish(*, actor: Any, release: Release, note: str = "", idempotency_key: Any = None) -> Release:
    result: Release = transition(
        actor=actor, obj=release, workflow=RELEASE, action="publish", note=note, idempotency_key=idempotency_key
    )
    return result


def release_return(*, actor: Any, release: Release, note: str = "", idempotency_key: Any = None) -> Release:
    if release.status == ReleaseStatus.PUBLISHED:
        raise published_refusal()
    result: Release = transition(
        actor=actor, obj=release, workflow=RELEASE, action="return", note=note, idempotency_key=idempotency_key
    )
    return result


@transaction.atomic
def release_correct(*, actor: Any, release: Release, changes: str, title: str | Mapping[str, str] = "") -> Release:
    """A new draft release correcting a published one: it names the release it corrects and says
    what changed; its tables start as copies of the corrected one's definitions, to protect again."""
    if release.status != ReleaseStatus.PUBLISHED:
        raise ValidationError(
            _("Only a published release is corrected; change the draft itself."), code="not_published"
        )
    changes = changes.strip()
    if not changes:
        raise ValidationError({"changes": _("Say what the correction changes.")})
    correction = release_create(
        actor=actor,
        dataset=release.dataset,
        title=texts_given(title) or release.titles,
        summary=release.summaries,
        slug=f"{release.slug[:60]}-{uuid.uuid4().hex[:6]}",
        corrects=release,
        changes=changes,
    )
    for table in release.tables.order_by("order", "pk"):
        ReleaseTable.objects.create(
            release=correction,
            code=table.code,
            order=table.order,
            **fields_for("title", table.titles),
            indicator=table.indicator,
            dimensions=table.dimensions,
            filters=table.filters,
            period=table.period,
            unit=table.unit,
            source=table.source,
            note=table.note,
            method=table.method,
            threshold=table.threshold,
            protection=table.protection,
        )
    return correction
