"""The downloads of a published table: CSV, XLSX and SDMX-CSV 2.0, one row per cell.

Every format carries the same rows (:func:`public_rows`): each dimension's code (and, in CSV and
XLSX, its label in the reader's language), the period, the value (empty when the cell is not
published), ``OBS_STATUS``, ``CONF_STATUS``, ``UNIT`` and ``SOURCE`` — each figure's own source:
in an official table, whose dimension ``source`` keeps two sources of one figure side by side,
the cell's source (its label in CSV and XLSX, its code in SDMX-CSV), never the sources joined.
Primary and secondary suppression are published alike: ``CONF_STATUS`` ``A`` and ``D`` go out as ``C``
(:mod:`mekendesh.disclosure.flags`), so that no file tells which cells were below the threshold.

Nothing here needs Django: a table is anything with the fields of :class:`TableData` (a
``ReleaseTable`` is read through :meth:`TableData.of`).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Self

from mekendesh.disclosure.flags import CONFIDENTIAL, SECONDARY, SMALL_COUNT
from mekendesh.lib.export import neutralise_formula

LANGUAGES = ("ky", "ru", "tk", "en")
# The dimension that names each figure's source (official tables); its code is the SOURCE attribute.
SOURCE_DIMENSION = "source"
# An official table's dimension of periods: each figure's TIME_PERIOD is its own.
PERIOD_DIMENSION = "period"
AGENCY = "MEKENDESH"
SDMX_VERSION = "1.0"
# The columns after the dimensions, in every format.
MEASURE_COLUMNS = ("TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "CONF_STATUS", "UNIT", "SOURCE")
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SDMX_CSV_MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8"


@dataclass(frozen=True)
class TableData:
    """What the downloads and the chart need of a published table."""

    release: str  # the release's slug
    code: str
    title: str
    dimensions: tuple[str, ...]
    cells: tuple[Mapping[str, Any], ...] = field(repr=False)
    labels: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict, repr=False)
    totals: Mapping[str, str] = field(default_factory=dict)
    unit: str = ""
    source: str = ""
    period: str = ""
    note: str = ""
    method: str = ""
    # Each dimension's hierarchy, ``{dimension: {code: parent}}`` (the total's parent None); a
    # dimension not given is flat: its total over every other code.
    parents: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, table: Any, language: str | None = None) -> Self:
        """A ``ReleaseTable`` (or anything with its fields and a ``release`` with a ``slug``), its
        title in ``language`` (the page's by default)."""
        title_in = getattr(table, "title_in", None)
        return cls(
            release=table.release.slug,
            code=table.code,
            title=title_in(language)[0] if title_in is not None else table.title,
            dimensions=tuple(table.dimensions),
            cells=tuple(table.cells),
            labels=table.labels or {},
            totals=table.totals or {},
            unit=table.unit,
            source=table.source,
            period=table.period,
            note=table.note,
            method=table.method,
            parents=getattr(table, "parents", None) or {},
        )

    def label(self, dimension: str, code: str, language: str) -> str:
        """The code's name in ``language`` (else in English, else any), or the code itself."""
        names = self.labels.get(dimension, {}).get(code) or {}
        if isinstance(names, str):
            return names
        return names.get(language) or names.get("en") or next(iter(names.values()), None) or code

    def codes(self, dimension: str) -> list[str]:
        """The dimension's codes in the order of the cells, its total last."""
        seen: dict[str, None] = {}
        for cell in self.cells:
            seen.setdefault(str(cell["cell"].get(dimension, "")), None)
        total = self.totals.get(dimension)
        ordered = [code for code in seen if code != total]
        if total in seen:
            ordered.append(total)
        return ordered

    def depth(self, dimension: str, code: str) -> int:
        """How deep ``code`` lies in its dimension: 0 the total, 1 the codes under it, 2 theirs …"""
        if code == self.totals.get(dimension):
            return 0
        parents = self.parents.get(dimension) or {}
        depth, seen = 1, {code}
        parent = parents.get(code)
        while parent is not None and parent != self.totals.get(dimension) and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = parents.get(parent)
        return depth

    def cells_by_codes(self) -> dict[tuple[str, ...], Mapping[str, Any]]:
        """Each cell by its codes, in the order of :attr:`dimensions` (the last of two alike)."""
        found: dict[tuple[str, ...], Mapping[str, Any]] = {}
        for cell in self.cells:
            codes = cell["cell"]
            found[tuple(str(codes.get(name, "")) for name in self.dimensions)] = cell
        return found

    def depths(self, dimension: str) -> list[int]:
        """The levels of the dimension below its total that the table has (``[1]`` for a flat one)."""
        found = {self.depth(dimension, code) for code in self.codes(dimension)}
        return sorted(found - {0}) or [1]

    def codes_at(self, dimension: str, depth: int) -> list[str]:
        """The dimension's codes at one level (``depth``), in the table's order."""
        return [code for code in self.codes(dimension) if self.depth(dimension, code) == depth]

    def layout(self) -> tuple[list[str], dict[str, str]]:
        """The table's own layout: the dimensions it is read along (those with more than one
        code below their total, in the table's order; at least one) and, for every other
        dimension, the one code it is read at (its total, else its only or its last code)."""
        varied = [name for name in self.dimensions if len(self.codes_at(name, self.depths(name)[0])) > 1]
        drawn = varied or list(self.dimensions[:1])
        fixed = {}
        for name in self.dimensions:
            if name not in drawn:
                codes = self.codes(name)
                fixed[name] = self.totals.get(name) or (codes[-1] if codes else "")
        return drawn, fixed


class IndexedTableData(TableData):
    """A :class:`TableData` that works out its codes, their levels and its cells by codes once,
    the first time each is asked, in one pass over the cells: a table page reads them many times
    (the pivot, its choosers and levels, the chart), and a table of thousands of cells would be
    read that many times over. The caches are the instance's own: the fields never change."""

    @cached_property
    def _codes(self) -> dict[str, list[str]]:
        seen: dict[str, dict[str, None]] = {name: {} for name in self.dimensions}
        for cell in self.cells:
            codes = cell["cell"]
            for name, found in seen.items():
                found.setdefault(str(codes.get(name, "")), None)
        ordered: dict[str, list[str]] = {}
        for name, found in seen.items():
            total = self.totals.get(name)
            ordered[name] = [code for code in found if code != total]
            if total in found:
                ordered[name].append(total)
        return ordered

    @cached_property
    def _depths(self) -> dict[tuple[str, str], int]:
        return {}

    @cached_property
    def _cells_by_codes(self) -> dict[tuple[str, ...], Mapping[str, Any]]:
        return super().cells_by_codes()

    def codes(self, dimension: str) -> list[str]:
        known = self._codes.get(dimension)
        return list(known) if known is not None else super().codes(dimension)

    def depth(self, dimension: str, code: str) -> int:
        key = (dimension, code)
        if key not in self._depths:
            self._depths[key] = super().depth(dimension, code)
        return self._depths[key]

    def cells_by_codes(self) -> dict[tuple[str, ...], Mapping[str, Any]]:
        return self._cells_by_codes

    def indexed(self) -> IndexedTableData:
        """The table with its codes and cells by codes worked out now (then read from several
        threads without working them out twice)."""
        self._codes  # noqa: B018 - the cached property is worked out here
        self._cells_by_codes  # noqa: B018
        for name in self.dimensions:
            for code in self._codes[name]:
                self.depth(name, code)
        return self

    def titled(self, title: str) -> IndexedTableData:
        """The same table under another title (the page's language), sharing what was worked out."""
        copy = dataclasses.replace(self, title=title)
        for name in ("_codes", "_depths", "_cells_by_codes"):
            if name in self.__dict__:
                copy.__dict__[name] = self.__dict__[name]
        return copy


def public_conf_status(conf_status: str) -> str:
    """``CONF_STATUS`` as published: primary (``A``) and secondary (``D``) suppression both ``C``."""
    return CONFIDENTIAL if conf_status in (SMALL_COUNT, SECONDARY) else conf_status


@dataclass(frozen=True)
class PublicCell:
    """A cell as every public output shows it."""

    codes: dict[str, str]
    value: int | None
    obs_status: str
    conf_status: str

    @property
    def suppressed(self) -> bool:
        return self.conf_status == CONFIDENTIAL


def public_cell(table: TableData, cell: Mapping[str, Any]) -> PublicCell:
    """One cell of the table as it goes out: no value unless free for publication, A/D as C."""
    conf = public_conf_status(str(cell.get("conf_status", "F")))
    value = cell.get("value")
    if conf == CONFIDENTIAL:
        value = None
    return PublicCell(
        codes={name: str(cell["cell"].get(name, "")) for name in table.dimensions},
        value=None if value is None else int(value),
        obs_status=str(cell.get("obs_status", "A")),
        conf_status=conf,
    )


def public_cells(table: TableData) -> list[PublicCell]:
    """The table's cells as they go out: no value unless free for publication, A/D as C."""
    return [public_cell(table, cell) for cell in table.cells]


def header(table: TableData, *, with_labels: bool) -> list[str]:
    columns: list[str] = []
    for name in table.dimensions:
        columns.append(name)
        if with_labels:
            columns.append(f"{name}_label")
    return columns + list(MEASURE_COLUMNS)


def public_rows(table: TableData, language: str | None, *, with_labels: bool = True) -> list[list[Any]]:
    """One row per cell, in the order of :func:`header` (values as numbers, empty as None).
    ``SOURCE`` is each figure's own source (:func:`cell_source`): its label in ``language``, or
    its code when ``language`` is None (SDMX-CSV)."""
    rows = []
    for cell in public_cells(table):
        row: list[Any] = []
        for name in table.dimensions:
            row.append(cell.codes[name])
            if with_labels:
                row.append(table.label(name, cell.codes[name], language or "en"))
        row += [
            cell.codes.get(PERIOD_DIMENSION) or table.period,
            cell.value,
            cell.obs_status,
            cell.conf_status,
            table.unit,
            cell_source(table, cell, language),
        ]
        rows.append(row)
    return rows


def cell_source(table: TableData, cell: PublicCell, language: str | None) -> str:
    """The source of one figure: the code of the cell's ``source`` dimension (its label in
    ``language`` when given) when the table has that dimension — an official table keeps every
    source's figures side by side — else the table's one source. A cell that is the total over
    sources (none is, today) names the table's sources."""
    if SOURCE_DIMENSION not in table.dimensions:
        return table.source
    code = cell.codes.get(SOURCE_DIMENSION, "")
    if not code or code == table.totals.get(SOURCE_DIMENSION):
        return table.source
    return table.label(SOURCE_DIMENSION, code, language) if language else code


def _csv_text(lines: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for line in lines:
        writer.writerow(["" if value is None else neutralise_formula(value) for value in line])
    return buffer.getvalue()


def to_csv(table: TableData, language: str) -> bytes:
    """CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read Cyrillic)."""
    text = _csv_text([header(table, with_labels=True), *public_rows(table, language)])
    return ("\ufeff" + text).encode("utf-8")


def to_xlsx(table: TableData, language: str, *, about: Sequence[tuple[str, str]] = ()) -> bytes:
    """A workbook: the sheet ``data`` (one row per cell, values as numbers) and ``about`` (title,
    unit, source, period, note and the legend of the status codes, as ``about`` gives them)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has its one sheet
    sheet.title = "data"
    sheet.append(header(table, with_labels=True))
    for row in public_rows(table, language):
        sheet.append([neutralise_formula(value) for value in row])
    sheet.freeze_panes = "A2"
    info = workbook.create_sheet("about")
    for key, value in [("title", table.title), ("release", table.release), ("table", table.code), *about]:
        info.append([key, neutralise_formula(value)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sdmx_id(text: str) -> str:
    """An SDMX identifier (letters, digits, ``_``, ``@``, ``$``, ``-``; starting with a letter)."""
    cleaned = re.sub(r"[^A-Za-z0-9_@$-]", "_", text)
    return cleaned if cleaned[:1].isalpha() else f"T_{cleaned}"


def structure_id(table: TableData) -> str:
    """The data flow the table's rows belong to: ``MEKENDESH:<release>_<table>(1.0)``."""
    return f"{AGENCY}:{sdmx_id(table.release.replace('-', '_').upper())}__{sdmx_id(table.code.upper())}({SDMX_VERSION})"


def sdmx_dimension_id(name: str) -> str:
    """A dimension's column in SDMX-CSV: its name in capitals, ``_DIM`` added when that is the
    name of a measure or attribute column (an official table's dimension ``source`` is
    ``SOURCE_DIM``; the attribute ``SOURCE`` gives the same code, figure by figure)."""
    upper = name.upper()
    return f"{upper}_DIM" if upper in MEASURE_COLUMNS else upper


def sdmx_header(table: TableData) -> list[str]:
    return [
        "STRUCTURE",
        "STRUCTURE_ID",
        "ACTION",
        *(sdmx_dimension_id(name) for name in table.dimensions),
        *MEASURE_COLUMNS,
    ]


def to_sdmx_csv(table: TableData) -> bytes:
    """SDMX-CSV 2.0 (section 2 of the SDMX 3.0 standard's CSV format): ``STRUCTURE`` (``dataflow``),
    ``STRUCTURE_ID``, ``ACTION`` (``I``, information), a column per dimension (its code,
    :func:`sdmx_dimension_id`), then
    ``TIME_PERIOD``, the measure ``OBS_VALUE`` and the attributes ``OBS_STATUS``, ``CONF_STATUS``
    (CL_OBS_STATUS and CL_CONF_STATUS), ``UNIT`` and ``SOURCE``; UTF-8 without a byte-order mark.

    Written here by the specification rather than with pysdmx's writer: that writer needs pandas
    and pyarrow (pysdmx's ``data`` extra), which the site does not install to run, and a full
    ``Schema`` of the table; the tests read these files back with pysdmx's reader."""
    flow = structure_id(table)
    lines = [sdmx_header(table)]
    for row in public_rows(table, None, with_labels=False):
        lines.append(["dataflow", flow, "I", *row])
    return _csv_text(lines).encode("utf-8")
