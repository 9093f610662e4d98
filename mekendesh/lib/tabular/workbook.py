"""XLSX workbooks, read with openpyxl in read-only mode once ``archive`` has checked the ZIP.

read_only streams the sheet XML (memory stays flat but for the shared strings table, which
openpyxl holds whole); data_only gives the value a formula had when the workbook was last saved,
so that no formula is ever evaluated here; keep_links=False and keep_vba=False leave external
links and macros unread. openpyxl parses XML with defusedxml when it is installed (a dependency
of Mekendesh): entity expansion and external references are refused.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from mekendesh.lib.tabular.model import Row
from mekendesh.lib.tabular.refusal import FileRefused


def cell_text(value: object) -> str:
    """A cell's value as the text an officer sees in the spreadsheet program (rule 4)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _refusal(exc: BaseException, *, row: int | None = None) -> FileRefused:
    """``unsafe_xml`` when defusedxml stopped the parser (openpyxl wraps its error in its own)."""
    seen: BaseException | None = exc
    root = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return FileRefused("unsafe_xml")
        root = seen
        seen = seen.__cause__ or seen.__context__
    # The first error names the damage (an XML parse error with its line); openpyxl's wrapper
    # around it names only the file.
    reason = (str(root).splitlines() or [type(root).__name__])[0]
    return FileRefused("corrupt_workbook", reason=reason if row is None else f"row {row}: {reason}")


@contextmanager
def opened(path: Path) -> Iterator[Workbook]:
    if not openpyxl.DEFUSEDXML:
        # OPENPYXL_DEFUSEDXML=False in the environment would switch the safe parser off.
        raise RuntimeError("openpyxl does not use defusedxml: workbooks are not read without it")
    # Given an open file rather than a name, openpyxl does not judge the file by its extension.
    with path.open("rb") as file:
        try:
            with warnings.catch_warnings():
                # openpyxl warns about parts it drops (data validation extensions, missing styles).
                warnings.simplefilter("ignore", UserWarning)
                workbook = openpyxl.load_workbook(
                    file, read_only=True, data_only=True, keep_links=False, keep_vba=False
                )
        except Exception as exc:
            raise _refusal(exc) from exc
        try:
            yield workbook
        finally:
            workbook.close()


def worksheets(workbook: Workbook) -> list[ReadOnlyWorksheet]:
    """The worksheets (chart sheets hold no cells)."""
    return [sheet for sheet in workbook.worksheets if isinstance(sheet, ReadOnlyWorksheet)]


def default_sheet(sheets: list[ReadOnlyWorksheet]) -> ReadOnlyWorksheet | None:
    """The first visible worksheet: a hidden first sheet is usually a look-up list."""
    visible = [sheet for sheet in sheets if sheet.sheet_state == "visible"]
    candidates = visible or sheets
    return candidates[0] if candidates else None


def choose_sheet(workbook: Workbook, sheet: str | None) -> ReadOnlyWorksheet:
    sheets = worksheets(workbook)
    if sheet is None:
        chosen = default_sheet(sheets)
        if chosen is None:
            raise FileRefused("empty")
        return chosen
    for candidate in sheets:
        if candidate.title == sheet:
            return candidate
    raise FileRefused("unknown_sheet", sheet=sheet, sheets=[candidate.title for candidate in sheets])


def sheet_rows(sheet: ReadOnlyWorksheet) -> Iterator[Row]:
    """The sheet's non-empty rows with the sheet's own row numbers; trailing empty cells trimmed."""
    # The dimension a workbook declares is often wrong (and would cut rows off): read to the end.
    sheet.reset_dimensions()
    number = 0
    try:
        for number, cells in enumerate(sheet.values, start=1):
            values = [cell_text(value) for value in cells]
            while values and not values[-1]:
                values.pop()
            if not values or "".join(values).isspace():
                continue
            yield Row(number, values)
    except Exception as exc:
        raise _refusal(exc, row=number + 1) from exc


def workbook_rows(path: Path, *, sheet: str | None) -> Iterator[Row]:
    with opened(path) as workbook:
        yield from sheet_rows(choose_sheet(workbook, sheet))
