"""Reading the input CSVs of a linkage job and writing its result.

An input file is UTF-8 CSV (a byte-order mark is allowed) with a header. Required columns:
``id`` and ``full_name``; optional: ``birth_date`` (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY``
when only part of the date is known), ``sex`` (``M`` or ``F``) and the split name columns
``surname``, ``given_name``, ``patronymic``. Other columns are ignored.

Anything else is refused with an :class:`InputError` that names the file, the row (the line
number in the file, the header being row 1) and the column, in the language of
:mod:`mekendesh.linkage.i18n` (English unless the command chose another). The result is written
to a temporary file next to the target and renamed over it only when complete, so a failed run
leaves nothing at the output path.
"""

from __future__ import annotations

import _csv
import csv
import datetime as dt
import io
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .i18n import gettext as _
from .i18n import number, pgettext

REQUIRED_COLUMNS = ("id", "full_name")
OPTIONAL_COLUMNS = ("birth_date", "sex", "surname", "given_name", "patronymic")
MAX_FIELD_LENGTH = 500
MAX_ID_LENGTH = 200
MIN_BIRTH_YEAR = 1880

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SEX = {"M": "M", "F": "F", "М": "M", "Ж": "F", "MALE": "M", "FEMALE": "F"}


class InputError(ValueError):
    """A problem with an input file, located by file, row and column."""

    def __init__(self, file: str | os.PathLike[str], row: int | None, column: str | None, message: str):
        self.file = str(file)
        self.row = row
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(_("row {row}").format(row=self.row))
        if self.column is not None:
            where.append(_("column {column}").format(column=repr(self.column)))
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True, slots=True)
class Record:
    """One person as a linkage input: an id, a name and what else the source knows."""

    id: str
    full_name: str
    birth_date: str | None = None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    sex: str | None = None  # "M" or "F"
    surname: str | None = None
    given_name: str | None = None
    patronymic: str | None = None


def parse_birth_date(value: str, *, today: dt.date | None = None) -> str | None:
    """Normalise a birth date to ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; raise ValueError."""
    value = value.strip()
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        raise ValueError(_("{value} is not a date in the form YYYY-MM-DD").format(value=repr(value)))
    year, month, day = m.group(1), m.group(2), m.group(3)
    today = today or dt.date.today()
    if int(year) < MIN_BIRTH_YEAR:
        message = _("{value}: the year {year} is not a plausible birth year")
        raise ValueError(message.format(value=repr(value), year=year))
    if month is None:
        if int(year) > today.year:
            raise ValueError(_("{value} is in the future").format(value=repr(value)))
        return year
    if not 1 <= int(month) <= 12:
        raise ValueError(_("{value} has no month {month}").format(value=repr(value), month=month))
    if day is None:
        if (int(year), int(month)) > (today.year, today.month):
            raise ValueError(_("{value} is in the future").format(value=repr(value)))
        return f"{year}-{month}"
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(_("{value} is not a calendar date").format(value=repr(value))) from None
    if date > today:
        raise ValueError(_("{value} is in the future").format(value=repr(value)))
    return date.isoformat()


def parse_sex(value: str) -> str | None:
    value = value.strip().upper()
    if not value:
        return None
    try:
        return _SEX[value]
    except KeyError:
        raise ValueError(_("{value} is not a sex; use M or F").format(value=repr(value))) from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        row = data.count(b"\n", 0, offset) + 1
        line_start = data.rfind(b"\n", 0, offset) + 1
        column = None
        header_end = data.find(b"\n")
        header_bytes = data[: header_end if header_end >= 0 else len(data)]
        try:
            header = next(csv.reader([header_bytes.decode("utf-8-sig")]))
            index = data.count(b",", line_start, offset)
            if index < len(header):
                column = header[index].strip().lower()
        except (UnicodeDecodeError, StopIteration, csv.Error):
            pass
        raise InputError(path, row, column, _("is not UTF-8 text (save the file as UTF-8 and try again)")) from None


def read_records(path: str | os.PathLike[str], role: str = "input") -> list[Record]:
    """Read and check one input CSV; raise :class:`InputError` on the first problem.

    ``role`` ("left", "right", "input" or another word) is only used in messages about the file
    as a whole.
    """
    path = Path(path)
    role = _role_name(role)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, None, None, _("the {role} file does not exist").format(role=role)) from None
    except IsADirectoryError:
        raise InputError(path, None, None, _("the {role} file is a directory").format(role=role)) from None
    except OSError as exc:
        message = _("cannot read the {role} file: {reason}").format(role=role, reason=exc.strerror)
        raise InputError(path, None, None, message) from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError(path, None, None, _("the {role} file is empty").format(role=role))
    text = _decode(path, data)
    del data
    return list(_records(path, io.StringIO(text, newline="")))


def _role_name(role: str) -> str:
    """The word for an input file's role in the messages' language."""
    names = {
        "left": pgettext("linkage input file", "left"),
        "right": pgettext("linkage input file", "right"),
        "input": pgettext("linkage input file", "input"),
    }
    return names.get(role, role)


def _records(path: Path, stream: IO[str]) -> Iterator[Record]:
    reader = csv.reader(stream)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, 10 * MAX_FIELD_LENGTH))
    try:
        yield from _records_from_reader(path, reader)
    except csv.Error as exc:
        message = _("is not valid CSV ({error})").format(error=exc)
        raise InputError(path, reader.line_num or 1, None, message) from None
    finally:
        csv.field_size_limit(old_limit)


def _records_from_reader(path: Path, reader: _csv.Reader) -> Iterator[Record]:
    def line() -> int:
        return reader.line_num

    try:
        header_raw = next(reader)
    except StopIteration:
        raise InputError(path, None, None, _("the file is empty")) from None
    header = [h.strip().lower() for h in header_raw]
    for i, name in enumerate(header):
        if len(name) > MAX_FIELD_LENGTH:
            raise InputError(path, 1, f"#{i + 1}", _("the header has an over-long column name"))
        if name and header.index(name) != i:
            raise InputError(path, 1, name, _("the column appears twice in the header"))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            raise InputError(path, 1, name, _("required column is missing from the header"))
    index = {name: header.index(name) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if name in header}
    width = len(header)
    seen: dict[str, int] = {}
    n = 0
    for fields in reader:
        row = line()
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue  # a blank line
        if len(fields) != width:
            message = _("expected {expected} fields as in the header, found {found}")
            raise InputError(path, row, None, message.format(expected=width, found=len(fields)))
        for i, value in enumerate(fields):
            if len(value) > MAX_FIELD_LENGTH:
                raise InputError(
                    path,
                    row,
                    header[i] or f"#{i + 1}",
                    _("the value is {length} characters long (at most {limit})").format(
                        length=number(len(value)), limit=MAX_FIELD_LENGTH
                    ),
                )
        rid = fields[index["id"]].strip()
        if not rid:
            raise InputError(path, row, "id", _("the id is empty"))
        if len(rid) > MAX_ID_LENGTH:
            message = _("the id is longer than {limit} characters").format(limit=MAX_ID_LENGTH)
            raise InputError(path, row, "id", message)
        if rid in seen:
            message = _("duplicate id {id} (first on row {row})").format(id=repr(rid), row=seen[rid])
            raise InputError(path, row, "id", message)
        seen[rid] = row
        full_name = " ".join(fields[index["full_name"]].split())
        if not full_name:
            raise InputError(path, row, "full_name", _("the name is empty"))
        if not any(ch.isalpha() for ch in full_name):
            message = _("the name {name} has no letters").format(name=repr(full_name))
            raise InputError(path, row, "full_name", message)
        values: dict[str, str | None] = {}
        for col in OPTIONAL_COLUMNS:
            if col not in index:
                values[col] = None
                continue
            raw = fields[index[col]]
            try:
                if col == "birth_date":
                    values[col] = parse_birth_date(raw)
                elif col == "sex":
                    values[col] = parse_sex(raw)
                else:
                    values[col] = " ".join(raw.split()) or None
            except ValueError as exc:
                raise InputError(path, row, col, str(exc)) from None
        n += 1
        yield Record(rid, full_name, **values)
    if n == 0:
        raise InputError(path, None, None, _("the file has a header but no rows"))


# --- output ----------------------------------------------------------------------------


@contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[IO[str]]:
    """Open a temporary file next to ``path``; rename it over ``path`` only on success."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp_name, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def write_csv(path: str | os.PathLike[str], columns: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write rows atomically; return how many were written."""
    n = 0
    with atomic_writer(path) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            n += 1
    return n
