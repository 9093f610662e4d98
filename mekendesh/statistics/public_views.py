"""The public statistics pages, mounted at ``/statistics/`` (namespace ``statistics:``), for
everyone, signed in or not: the published releases, a release, a table (as an HTML table with a
pivot, its chart and its downloads), and the downloads themselves.

Only published releases are read (:mod:`mekendesh.statistics.selectors_public`): a draft's or a
review's address answers 404 like an unknown one. Suppressed cells are all shown alike ("x").
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from mekendesh.statistics import charts, formats, selectors_public
from mekendesh.statistics.formats import IndexedTableData, PublicCell, TableData
from mekendesh.statistics.models import Method, Release, ReleaseTable

UNIT_NAMES: dict[str, Promise] = {
    "persons": gettext_lazy("persons"),
    "person": gettext_lazy("persons"),
    "percent": gettext_lazy("percent"),
    "thousand persons": gettext_lazy("thousand persons"),
    "cases": gettext_lazy("cases"),
}
FORMATS = {
    "csv": (formats.CSV_MEDIA_TYPE, "csv"),
    "xlsx": (formats.XLSX_MEDIA_TYPE, "xlsx"),
    "sdmx.csv": (formats.SDMX_CSV_MEDIA_TYPE, "sdmx.csv"),
}
SUPPRESSED_MARK = "x"
MISSING_MARK = "–"
CHART_CACHE_VERSION = 3


def dimension_names() -> dict[str, Promise | str]:
    """Every dimension a published table can have, named where it is defined: the register's
    indicators (:data:`mekendesh.statistics.indicators.DIMENSIONS`) and the official tables'
    fields (:data:`mekendesh.statistics.official.FIELDS`); the indicators' name wins."""
    from mekendesh.statistics.indicators import DIMENSIONS
    from mekendesh.statistics.official import FIELDS

    names: dict[str, Promise | str] = {field.name: field.label for field in FIELDS}
    names.update({name: info.label for name, info in DIMENSIONS.items()})
    return names


def time_dimensions() -> frozenset[str]:
    """The dimensions that are periods (a chart draws them as a time axis)."""
    from mekendesh.statistics.indicators import DIMENSIONS

    return frozenset({name for name, info in DIMENSIONS.items() if info.time} | {"period"})


def dimension_name(dimension: str) -> str:
    """The dimension's name in the active language, capitalised as a heading."""
    name = dimension_names().get(dimension)
    return capfirst(str(name)) if name is not None else dimension.replace("_", " ")


def unit_name(unit: str) -> str:
    name = UNIT_NAMES.get(unit)
    return str(name) if name is not None else unit


def method_in_words(method: str, threshold: int) -> str:
    """How a table was protected, as a reader needs to know it."""
    if method == Method.CELL_KEY:
        return _(
            "Every figure of this table was changed by a small random amount, so that no person can be singled "
            "out: a total may differ a little from the sum of its parts. Figures below %(threshold)s are not "
            "published (marked x)."
        ) % {"threshold": threshold}
    if method == Method.NONE:
        return _("Official figures, published as their source gives them.")
    return _(
        "Counts below %(threshold)s are not published, nor the few other cells from which they could be worked "
        "out; all of them are marked x."
    ) % {"threshold": threshold}


def language() -> str:
    """The page's language, one of the four interface languages."""
    from mekendesh.statistics.titles import active_language

    return active_language()


def public_page(response: HttpResponse) -> HttpResponse:
    """A published page or file never changes; a correction is a new release. Shared caches may
    keep it for a while (not for signed-in users: the private pages' middleware says no-store)."""
    response.setdefault("Cache-Control", "public, max-age=300")
    return response


# --- the table: pivot ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    text: str
    suppressed: bool
    missing: bool
    value: int | None


@dataclass(frozen=True)
class Pivot:
    rows: str  # the dimension in rows
    columns: str | None  # the dimension in columns (None: one column of values)
    fixed: dict[str, str]  # the other dimensions, each at one code
    column_heads: list[tuple[str, str]]  # (code, label)
    body: list[tuple[str, str, list[Shown]]]  # (code, label, cells)
    depths: dict[str, int]  # the level shown of the dimensions in rows and columns (1: under the total)


def shown(cell: PublicCell | None) -> Shown:
    """A cell as the page shows it: its value, "x" when not published (every suppressed cell
    alike), "–" when it cannot exist or the table has no such cell."""
    if cell is not None and cell.value is not None:
        return Shown(str(cell.value), False, False, cell.value)
    if cell is not None and cell.suppressed:
        return Shown(SUPPRESSED_MARK, True, False, None)
    return Shown(MISSING_MARK, False, True, None)


def pivot_of(table: TableData, query: Mapping[str, str], lang: str) -> Pivot:
    """The table laid out as the visitor asked: ``rows`` and ``cols`` name dimensions,
    ``depth_<dimension>`` the level of a hierarchy shown in rows or columns (one level at a time,
    with the total: 1 countries, 2 their regions …), ``at_<dimension>`` a code for each other
    dimension (its total unless asked). Anything unknown falls back to the table's own layout
    (:meth:`TableData.layout`)."""
    dims = list(table.dimensions)
    drawn, default_fixed = table.layout()
    asked_rows = query.get("rows") or ""
    rows = asked_rows if asked_rows in dims else drawn[0]
    others = [name for name in dims if name != rows]
    asked = query.get("cols") or ""
    if asked in others:
        columns: str | None = asked
    else:
        preferred = [name for name in drawn if name != rows] + others
        columns = preferred[0] if preferred else None
    depths: dict[str, int] = {}
    for name in (rows, columns):
        if name is None:
            continue
        levels = table.depths(name)
        wanted = query.get(f"depth_{name}", "")
        depths[name] = int(wanted) if wanted.isdigit() and int(wanted) in levels else levels[0]
    fixed: dict[str, str] = {}
    for name in dims:
        if name in (rows, columns):
            continue
        codes = table.codes(name)
        wanted = query.get(f"at_{name}", "")
        fixed[name] = wanted if wanted in codes else default_fixed.get(name) or table.totals.get(name, codes[-1])
    index = table.cells_by_codes()

    def shown_codes(name: str) -> list[str]:
        total = table.totals.get(name)
        codes = table.codes_at(name, depths[name])
        return [*codes, total] if total is not None and total in table.codes(name) else codes

    def at(row_code: str, column_code: str | None) -> Shown:
        codes = {**fixed, rows: row_code}
        if columns is not None and column_code is not None:
            codes[columns] = column_code
        found = index.get(tuple(codes[name] for name in dims))
        return shown(None if found is None else formats.public_cell(table, found))

    column_codes: list[str | None] = list(shown_codes(columns)) if columns else [None]
    heads = [
        (code, table.label(columns, code, lang)) for code in column_codes if code is not None and columns is not None
    ]
    body = [
        (code, table.label(rows, code, lang), [at(code, column) for column in column_codes])
        for code in shown_codes(rows)
    ]
    return Pivot(rows=rows, columns=columns, fixed=fixed, column_heads=heads, body=body, depths=depths)


# --- the table as the page reads it -------------------------------------------------------------

# Published tables as their page reads them, kept in each process: a published table never
# changes, so its cells are read from the database and gone through once (their codes, levels,
# the cell at each place), not on every request — a table of thousands of cells would cost that
# many steps for each. The key holds the release's public id: a table is found here only after
# the request's query has found it published.
READ_TABLES_KEPT = 32
_read_tables: OrderedDict[tuple[str, str, int], IndexedTableData] = OrderedDict()
_read_lock = threading.Lock()


def table_read(found: ReleaseTable, lang: str) -> IndexedTableData:
    """The published table ``found`` as its page reads it, titled in ``lang``."""
    key = (str(found.release.public_id), found.code, found.pk)
    with _read_lock:
        read = _read_tables.get(key)
        if read is not None:
            _read_tables.move_to_end(key)
    if read is None:
        missing = [name for name in selectors_public.TABLE_FIGURE_FIELDS if name in found.get_deferred_fields()]
        if missing:
            found.refresh_from_db(fields=missing)
        read = IndexedTableData.of(found, lang).indexed()
        with _read_lock:
            _read_tables[key] = read
            while len(_read_tables) > READ_TABLES_KEPT:
                _read_tables.popitem(last=False)
    return read.titled(found.title_in(lang)[0])


# --- the chart ----------------------------------------------------------------------------------


def chart_svg(table: ReleaseTable, data: TableData, lang: str) -> str:
    """The table's chart in ``lang``, drawn once and then read from the cache (a published
    table never changes; its release's public id is part of the key)."""
    key = f"statistics:chart:{CHART_CACHE_VERSION}:{table.release.public_id}:{table.code}:{lang}"
    svg = cache.get(key)
    if svg is None:
        with translation.override(lang):
            names = {name: dimension_name(name) for name in data.dimensions}
            svg = charts.table_chart_svg(
                data, lang, dimension_names=names, value_title=unit_name(data.unit), time=time_dimensions()
            )
        cache.set(key, svg, timeout=None)
    return str(svg)


def inline_svg(svg: str, label: str) -> SafeString:
    """The chart for the page: one image for assistive technology, with the table's title."""
    opening = svg.find("<svg") + len("<svg")
    return mark_safe(  # noqa: S308 — vl-convert's SVG of our own published data; the label is escaped
        f'{svg[:opening]} role="img" aria-label="{escape(label)}" focusable="false"{svg[opening:]}'
    )


# --- pages --------------------------------------------------------------------------------------


def _release_facts(release: Release) -> dict[str, Any]:
    corrects = release.corrects if release.corrects and release.corrects.status == "published" else None
    return {"corrects": corrects, "corrections": selectors_public.published_corrections(release)}


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    releases = list(selectors_public.published_releases_with_tables())
    return public_page(render(request, "statistics/public/index.html", {"releases": releases}))


@require_safe
def release(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors_public.published_release(slug)
    tables = [
        {"table": table, "unit": unit_name(table.unit), "method": method_in_words(table.method, table.threshold)}
        for table in ReleaseTable.objects.filter(release=found).defer("cells", "labels").order_by("order", "pk")
    ]
    context = {"release": found, "tables": tables, **_release_facts(found)}
    return public_page(render(request, "statistics/public/release.html", context))


@require_safe
def table(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    found = selectors_public.published_table(slug, code, figures=False)
    lang = language()
    data = table_read(found, lang)
    pivot = pivot_of(data, request.GET, lang)
    suppressed = any(cell.suppressed for row in pivot.body for cell in row[2])
    missing = any(cell.missing for row in pivot.body for cell in row[2])
    choosers = [
        {
            "name": name,
            "label": dimension_name(name),
            "codes": [(code, data.label(name, code, lang)) for code in data.codes(name)],
            "selected": pivot.fixed.get(name),
        }
        for name in data.dimensions
    ]
    levels = [
        {
            "name": name,
            "label": dimension_name(name),
            "depths": [
                (depth, ", ".join(data.label(name, code, lang) for code in data.codes_at(name, depth)[:2]) + " …")
                for depth in data.depths(name)
            ],
            "selected": pivot.depths.get(name),
        }
        for name in (pivot.rows, pivot.columns)
        if name is not None and len(data.depths(name)) > 1
    ]
    chart = chart_svg(found, data, lang)
    args = {"slug": slug, "code": code}
    context = {
        "release": found.release,
        "table": found,
        "unit": unit_name(found.unit),
        "method": method_in_words(found.method, found.threshold),
        "perturbed": found.method == Method.CELL_KEY,
        "pivot": pivot,
        "rows_label": dimension_name(pivot.rows),
        "columns_label": dimension_name(pivot.columns) if pivot.columns else "",
        "fixed": [(dimension_name(name), data.label(name, value, lang)) for name, value in pivot.fixed.items()],
        "dimensions": [(name, dimension_name(name)) for name in data.dimensions],
        "filters": [chooser for chooser in choosers if chooser["name"] not in (pivot.rows, pivot.columns)],
        "all_filters": choosers,
        "levels": levels,
        "suppressed": suppressed,
        "missing": missing,
        "chart": inline_svg(chart, data.title),
        "chart_url": reverse("statistics:chart", kwargs=args),
        "downloads": [
            (label, reverse("statistics:download", kwargs={**args, "fmt": fmt}))
            for label, fmt in (("CSV", "csv"), ("XLSX", "xlsx"), ("SDMX-CSV 2.0", "sdmx.csv"))
        ],
        "corrections": selectors_public.published_corrections(found.release),
    }
    return public_page(render(request, "statistics/public/table.html", context))


@require_safe
def chart(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    found = selectors_public.published_table(slug, code)
    svg = chart_svg(found, TableData.of(found, language()), language())
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}-{code}.svg"'
    return public_page(response)


def about_rows(table: ReleaseTable) -> list[tuple[str, str]]:
    """The ``about`` sheet of a workbook, in the reader's language."""
    return [
        (_("Unit"), unit_name(table.unit)),
        (_("Source"), table.source),
        (_("Period"), table.period),
        (_("Note"), table.note),
        (_("Method"), method_in_words(table.method, table.threshold)),
        ("OBS_STATUS", _("A: normal value; E: estimated (perturbed) value; O: not published; M: cannot exist")),
        ("CONF_STATUS", _("F: free for publication; C: confidential, not published")),
    ]


@require_safe
def download(request: HttpRequest, slug: str, code: str, fmt: str) -> HttpResponse:
    found = selectors_public.published_table(slug, code)
    lang = language()
    data = TableData.of(found, lang)
    media_type, extension = FORMATS[fmt]
    if fmt == "csv":
        content = formats.to_csv(data, lang)
    elif fmt == "xlsx":
        content = formats.to_xlsx(data, lang, about=about_rows(found))
    else:
        content = formats.to_sdmx_csv(data)
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{slug}-{code}.{extension}"'
    return public_page(response)
