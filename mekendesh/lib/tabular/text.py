"""CSV files: their encoding, their dialect, and their rows.

Encoding, in this order (rule 2 of the import): a byte order mark; strict UTF-8 over the whole
file; UTF-16 without a mark, by where its NUL bytes sit; then charset-normalizer limited to the
encodings these files come in. The whole file is decoded once with the chosen codec before it is
accepted, so a Windows-1251 byte a hundred megabytes in is found at the upload and not half-way
through an import.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from charset_normalizer import from_bytes

from mekendesh.lib.tabular.model import Row
from mekendesh.lib.tabular.refusal import FileRefused
from mekendesh.lib.tabular.signatures import bom_of, utf16_without_bom

DELIMITERS = (";", ",", "\t")
QUOTECHAR = '"'
DETECTOR_ENCODINGS = ["cp1251", "koi8_r", "utf_16", "utf_8"]

_CHUNK = 256 * 1024
_HEAD = 64 * 1024
_DIALECT_SAMPLE_CHARS = 64 * 1024
_DIALECT_SAMPLE_RECORDS = 50

# Codecs that read the byte order mark themselves; with any other codec the mark is skipped.
_BOM_CODECS = {"utf-8-sig", "utf-16", "utf-32"}


def codec_name(encoding: str) -> str:
    """Python's own name of a codec ("CP1251" -> "cp1251", "koi8_r" -> "koi8-r")."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None


def _bom_size(path: Path) -> int:
    with path.open("rb") as file:
        found = bom_of(file.read(4))
    return len(found[0]) if found else 0


def _whole_file_decodes(path: Path, encoding: str, *, skip: int) -> tuple[bool, bool]:
    """Decode the whole file in chunks: (any non-blank character, any NUL character).

    Raises ``UnicodeDecodeError`` with the offset in the file.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    content = False
    nul = False
    offset = skip
    with path.open("rb") as file:
        file.seek(skip)
        while True:
            chunk = file.read(_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise UnicodeDecodeError(
                    exc.encoding, exc.object, exc.start, exc.end, str(offset + exc.start)
                ) from None
            if text:
                content = content or not text.isspace()
                nul = nul or "\x00" in text
            if not chunk:
                return content, nul
            offset += len(chunk)


def _checked(path: Path, encoding: str, *, bom: bool) -> str:
    """``encoding`` if the whole file decodes with it; refusals for empty and binary files."""
    skip = _bom_size(path) if bom and encoding not in _BOM_CODECS else 0
    content, nul = _whole_file_decodes(path, encoding, skip=skip)
    if nul:
        raise FileRefused("binary")
    if not content:
        raise FileRefused("empty")
    return encoding


def _failure_offset(exc: UnicodeDecodeError) -> int:
    try:
        return int(exc.reason)
    except ValueError:
        return exc.start


def detect_encoding(path: Path, *, encoding: str | None = None) -> tuple[str, bool]:
    """The codec of a text file and whether it starts with a byte order mark.

    ``encoding`` is the officer's correction: it is still checked against the whole file.
    """
    with path.open("rb") as file:
        head = file.read(_HEAD)
    found = bom_of(head)
    bom = found is not None
    if encoding is not None:
        chosen = codec_name(encoding)
        try:
            return _checked(path, chosen, bom=bom), bom
        except UnicodeDecodeError as exc:
            raise FileRefused("undecodable", encoding=chosen, offset=_failure_offset(exc)) from None
    utf8_failure: int | None = None
    if found is not None:
        mark_codec = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(found[1], "utf-32")
        try:
            return _checked(path, mark_codec, bom=True), True
        except UnicodeDecodeError as exc:
            if mark_codec != "utf-8-sig":
                raise FileRefused("undecodable", encoding=mark_codec, offset=_failure_offset(exc)) from None
            # A UTF-8 mark in front of Windows-1251 text: some export tools write one regardless.
            utf8_failure = _failure_offset(exc)
    else:
        try:
            return _checked(path, "utf-8", bom=False), False
        except UnicodeDecodeError as exc:
            utf8_failure = _failure_offset(exc)
        except FileRefused as refused:
            if refused.code != "binary":
                raise
            # Valid UTF-8 with NUL bytes: UTF-16 without a mark, or binary data.
    if not bom:
        utf16 = utf16_without_bom(head)
        if utf16 is not None and _mostly_printable(head, utf16):
            try:
                return _checked(path, utf16, bom=False), False
            except UnicodeDecodeError:
                pass
        if b"\x00" in head:
            raise FileRefused("binary")
    return _detected(path, head, failure=utf8_failure, bom=bom), bom


def _mostly_printable(head: bytes, encoding: str) -> bool:
    text = head[: len(head) - len(head) % 2].decode(encoding, errors="replace")
    printable = sum(1 for char in text if char.isprintable() or char in "\r\n\t")
    return printable >= 0.95 * len(text)


def _detected(path: Path, head: bytes, *, failure: int | None, bom: bool) -> str:
    """charset-normalizer on the start of the file and the place where UTF-8 failed."""
    sample = head[3:] if bom else head
    if failure is not None and failure >= len(head):
        with path.open("rb") as file:
            file.seek(max(0, failure - _HEAD // 2))
            sample += b"\n" + file.read(_HEAD)
    for match in from_bytes(sample, cp_isolation=DETECTOR_ENCODINGS):
        candidate = codec_name(match.encoding)
        if candidate.startswith("utf-"):
            continue  # already tried on the whole file, and refused there
        try:
            return _checked(path, candidate, bom=bom)
        except UnicodeDecodeError:
            continue
    raise FileRefused("unknown_encoding")


def open_text(path: Path, *, encoding: str, bom: bool) -> TextIO:
    """The file as text for the csv module: line endings untranslated (``newline=""``)."""
    raw = path.open("rb")
    if bom and encoding not in _BOM_CODECS:
        raw.seek(_bom_size(path))
    return io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")


def _records(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=QUOTECHAR)
    try:
        return [row for row in reader if "".join(row).strip()]
    except csv.Error:
        return []


def _consistency(records: list[list[str]]) -> tuple[int, float]:
    """(fields per record most often seen, the share of records with that many)."""
    if not records:
        return 1, 0.0
    counts: dict[int, int] = {}
    for record in records:
        counts[len(record)] = counts.get(len(record), 0) + 1
    fields, seen = max(counts.items(), key=lambda item: (item[1], item[0]))
    return fields, seen / len(records)


def detect_delimiter(sample: str, *, complete: bool) -> str:
    """One of ``DELIMITERS``: csv.Sniffer's choice if the sample splits consistently with it,
    else the candidate that splits the first records into the same number of fields most often.

    ``complete`` says the sample is the whole file; otherwise its last record may be cut and is
    left out.
    """
    if not complete:
        sample = sample[: max(sample.rfind("\n"), sample.rfind("\r")) + 1] or sample
    lines = sample.splitlines(keepends=True)[:_DIALECT_SAMPLE_RECORDS]
    head = "".join(lines)
    scored: dict[str, tuple[int, float]] = {
        delimiter: _consistency(_records(head, delimiter)) for delimiter in DELIMITERS
    }
    try:
        sniffed: str | None = csv.Sniffer().sniff(head, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    if sniffed in scored:
        fields, share = scored[sniffed]
        if fields > 1 and share >= 0.9:
            return sniffed
    best = max(DELIMITERS, key=lambda delimiter: (scored[delimiter][0] > 1, scored[delimiter][1], scored[delimiter][0]))
    if scored[best][0] > 1:
        return best
    # One column: a delimiter that does not occur, so that no value is split.
    return next((delimiter for delimiter in DELIMITERS if delimiter not in head), DELIMITERS[0])


def read_sample(path: Path, *, encoding: str, bom: bool) -> tuple[str, bool]:
    """The first characters of the file, and whether they are all of it."""
    with open_text(path, encoding=encoding, bom=bom) as text:
        sample = text.read(_DIALECT_SAMPLE_CHARS)
        complete = text.read(1) == ""
    return sample, complete


def csv_rows(path: Path, *, encoding: str, delimiter: str, quotechar: str, bom: bool) -> Iterator[Row]:
    """The file's records, numbered as a spreadsheet program numbers them; empty records skipped.

    ``sniff`` has decoded the whole file with the encoding already; a decoding error here means
    the file changed or the guess was made by hand, and the row it names is where the text
    decoder stood (it decodes a few kilobytes ahead).

    A quoted value with line breaks is one record and one number. Values are as in the file but
    for a trailing carriage return, which a file with mixed line endings can leave on a value.
    """
    with open_text(path, encoding=encoding, bom=bom) as text:
        reader = csv.reader(text, delimiter=delimiter, quotechar=quotechar, doublequote=True, strict=False)
        number = 0
        try:
            for number, values in enumerate(reader, start=1):
                joined = "".join(values)
                if not joined or joined.isspace():
                    continue
                if "\r" in joined:
                    values = [value.rstrip("\r") for value in values]
                yield Row(number, values)
        except UnicodeDecodeError:
            raise FileRefused("undecodable_row", encoding=encoding, row=number + 1) from None
        except csv.Error as exc:
            raise FileRefused("malformed_csv", row=number + 1, reason=str(exc)) from None


def count_csv_rows(path: Path, *, encoding: str, delimiter: str, quotechar: str, bom: bool) -> int:
    return sum(1 for _ in csv_rows(path, encoding=encoding, delimiter=delimiter, quotechar=quotechar, bom=bom))
