"""The file-reading layer of the bulk import: CSV and XLSX files in, numbered rows of text out.

Pure Python (no Django), so that the import job, the command line and the tests read files the
same way::

    guess = sniff(path)                      # or sniff(path, encoding="koi8-r", delimiter=";")
    for row in preview(path, guess):         # the officer checks the guess on the first rows
        ...
    for row in read_rows(path, guess):       # Row(number=2, values=["Кулубаев", ...])
        ...

Every file that is not read raises ``FileRefused`` with a ``code`` (one of ``REFUSAL_CODES``)
and ``params`` for the translated message. Reading streams: memory does not grow with the file.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

from mekendesh.lib.tabular import archive, signatures, text, workbook
from mekendesh.lib.tabular.archive import MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES
from mekendesh.lib.tabular.model import FileGuess, Kind, Row
from mekendesh.lib.tabular.refusal import MESSAGES, REFUSAL_CODES, FileRefused
from mekendesh.lib.tabular.text import DELIMITERS, QUOTECHAR

__all__ = [
    "DELIMITERS",
    "MAX_FILE_BYTES",
    "MAX_UNZIPPED_BYTES",
    "MAX_ZIP_ENTRIES",
    "MESSAGES",
    "QUOTECHAR",
    "REFUSAL_CODES",
    "FileGuess",
    "FileRefused",
    "Kind",
    "Row",
    "count_rows",
    "file_sha256",
    "preview",
    "read_rows",
    "sniff",
]

# The largest files expected are about 200 MB (a million rows); the cap leaves room above that.
MAX_FILE_BYTES = 1024**3

_HEAD = 8192


def _as_path(path: str | os.PathLike[str]) -> Path:
    return Path(path)


def sniff(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_zip_entries: int = MAX_ZIP_ENTRIES,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
) -> FileGuess:
    """What the file is and how to read it, from its content; raises ``FileRefused``.

    ``encoding`` and ``delimiter`` (CSV) and ``sheet`` (XLSX) are the officer's corrections of a
    first guess; they are checked like the guess (the whole file must decode, the sheet must
    exist) and ignored for the other kind. A file with a header row and nothing under it is
    refused (``no_records``): every target of the import needs records.
    """
    file = _as_path(path)
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise ValueError(f"a delimiter is one character other than a quote or a line break, not {delimiter!r}")
    size = file.stat().st_size
    if size == 0:
        raise FileRefused("empty")
    if size > max_file_bytes:
        raise FileRefused("too_large", size=size, limit=max_file_bytes)
    with file.open("rb") as handle:
        head = handle.read(_HEAD)
    container = signatures.classify(head)
    if container == "ole2":
        archive.refuse_ole2(file)
    if container == "zip":
        archive.check_workbook_archive(file, max_entries=max_zip_entries, max_unzipped_bytes=max_unzipped_bytes)
        return _sniff_workbook(file, sheet=sheet)
    return _sniff_csv(file, encoding=encoding, delimiter=delimiter)


def _sniff_csv(file: Path, *, encoding: str | None, delimiter: str | None) -> FileGuess:
    codec, bom = text.detect_encoding(file, encoding=encoding)
    if delimiter is None:
        sample, complete = text.read_sample(file, encoding=codec, bom=bom)
        delimiter = text.detect_delimiter(sample, complete=complete)
    guess = FileGuess(kind="csv", encoding=codec, delimiter=delimiter, quotechar=QUOTECHAR, bom=bom)
    _refuse_without_records(preview(file, guess, rows=2))
    return guess


def _sniff_workbook(file: Path, *, sheet: str | None) -> FileGuess:
    with workbook.opened(file) as book:
        chosen = workbook.choose_sheet(book, sheet)
        names = tuple(candidate.title for candidate in workbook.worksheets(book))
        _refuse_without_records(list(itertools.islice(workbook.sheet_rows(chosen), 2)))
    return FileGuess(kind="xlsx", sheets=names, sheet=chosen.title)


def _refuse_without_records(first: list[Row]) -> None:
    if not first:
        raise FileRefused("empty")
    if len(first) == 1:
        raise FileRefused("no_records")


def read_rows(path: str | os.PathLike[str], guess: FileGuess) -> Iterator[Row]:
    """Every non-empty row of the file, header first, each with the number a spreadsheet shows.

    ``guess`` comes from ``sniff`` on the same file: the safety checks of a workbook's archive are
    made there, not repeated here (the import keeps the file it sniffed, named by its SHA-256).
    """
    file = _as_path(path)
    if guess.kind == "xlsx":
        return workbook.workbook_rows(file, sheet=guess.sheet)
    if guess.encoding is None or guess.delimiter is None:
        raise ValueError("a CSV guess needs its encoding and delimiter")
    return text.csv_rows(
        file, encoding=guess.encoding, delimiter=guess.delimiter, quotechar=guess.quotechar or QUOTECHAR, bom=guess.bom
    )


def preview(path: str | os.PathLike[str], guess: FileGuess, *, rows: int = 10) -> list[Row]:
    """The first ``rows`` rows (the header among them), for the officer to check the guess."""
    reader = read_rows(path, guess)
    try:
        return list(itertools.islice(reader, rows))
    finally:
        close = getattr(reader, "close", None)
        if close is not None:
            close()


def count_rows(path: str | os.PathLike[str], guess: FileGuess) -> int:
    """How many rows ``read_rows`` gives (the header among them), for a progress bar's total."""
    return sum(1 for _ in read_rows(path, guess))


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The file's SHA-256 in hex: the same file sent twice is recognised by it."""
    with _as_path(path).open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
