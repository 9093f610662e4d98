"""The kinds of data a file can be imported into (targets).

One pipeline (upload, sniff, mapping, validation, staging, promotion: :mod:`mekendesh.imports.services`)
serves every kind of file; a module adds a target — registrations here, host-country lists in
screening, official tables in statistics — by declaring its fields and three steps:

- ``context(batch, actor)`` — what checking a row needs, read once (reference data by name, the
  actor's districts); it must pickle, because rows are checked in worker processes;
- ``check(rows, context)`` — pure work on a chunk of rows (no database): each row becomes a
  :class:`Checked` with the values to store or the errors that name its columns;
- ``promote(batch, actor, rows)`` — store the valid staged rows, inside the one transaction the
  pipeline opens, with their audit rows; returns the number stored.

and optionally ``find_registered(batch)``, the set-based look-up of rows already stored.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class ImportField:
    name: str
    label: str | Promise
    # Header spellings that mean this field (Russian, Kyrgyz, English, Turkmen …); compared
    # after :func:`header_key`.
    headers: Sequence[str] = ()
    required: bool = False
    # Fields of which at least one must be mapped (e.g. the full name or the surname).
    one_of: str = ""
    # A value the officer may give for every row when the file has no such column.
    default_allowed: bool = False


@dataclass
class RowError:
    field: str
    value: str
    message: str  # English source (gettext msgid) with %(name)s parameters
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass
class Checked:
    row: int
    raw: list[str]
    payload: dict[str, Any] | None = None
    errors: list[RowError] = dataclasses.field(default_factory=list)
    # A value unique to the thing the row describes (a document number's keyed hash): two rows
    # of a file with the same key are duplicates, and a key already stored is "registered".
    key_hash: str = ""


@dataclass(frozen=True)
class SourceRow:
    """A row of the file: its number as a spreadsheet shows it, the values by field and all of
    the row's values as read (for the error report)."""

    row: int
    values: dict[str, str]
    raw: list[str]


@dataclass
class ImportTarget:
    name: str
    label: str | Promise
    permission: str  # the action in accounts.permissions that may import into it
    fields: Sequence[ImportField]
    context: Callable[[Any, Any], Any]
    check: Callable[[Sequence[SourceRow], Any], list[Checked]]
    promote: Callable[[Any, Any, Iterator[Any]], int]
    find_registered: Callable[[Any], None] | None = None
    find_possible_duplicates: Callable[[Any], None] | None = None
    # The page to open for a stored row (e.g. a person), if any: URL name and its argument.
    object_url: Callable[[str], str] | None = None
    # A file stored whole or not at all, whatever mode is chosen (an official table: part of a
    # table would misstate it).
    whole_file: bool = False
    # Lines for the import's summary once it is stored (e.g. two sources for one figure).
    summary: Callable[[Any], list[str]] | None = None

    def field(self, name: str) -> ImportField:
        return next(item for item in self.fields if item.name == name)

    @property
    def field_names(self) -> list[str]:
        return [item.name for item in self.fields]


_TARGETS: dict[str, ImportTarget] = {}


def target_register(target: ImportTarget) -> ImportTarget:
    existing = _TARGETS.get(target.name)
    if existing is not None and existing.check.__qualname__ != target.check.__qualname__:
        raise ValueError(f"import target {target.name!r} is declared twice")
    _TARGETS[target.name] = target
    return target


def target_get(name: str) -> ImportTarget:
    return _TARGETS[name]


def targets_all() -> list[ImportTarget]:
    return sorted(_TARGETS.values(), key=lambda target: target.name)


# Letters people type without their marks in headers: «Туулган куну» for «Туулган күнү».
_HEADER_FOLD = str.maketrans({"ё": "е", "ө": "о", "ү": "у", "ң": "н", "һ": "х", "қ": "к", "ғ": "г", "ә": "а"})
_NOT_WORD = re.compile(r"[^\w]+")


def header_key(header: str) -> str:
    """A header as compared with the fields' spellings: case, punctuation, spaces, the Kyrgyz
    letters ө ү ң and the marks of Latin letters (Turkmen ý ä ň ö ü ş ç ž) folded, so that
    «Аты-жөнү», «аты жону» and «АТЫ ЖӨНҮ» are one key."""
    text = unicodedata.normalize("NFKD", str(header).casefold().translate(_HEADER_FOLD))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


def mapping_guess(target: ImportTarget, headers: Iterable[str], remembered: dict[str, str]) -> dict[str, str]:
    """Column position → field: the source's remembered choice for a header first, then the
    field whose spellings hold it; "" for a column no field matches."""
    spellings = {header_key(spelling): item.name for item in target.fields for spelling in (item.name, *item.headers)}
    guess: dict[str, str] = {}
    for position, header in enumerate(headers):
        key = header_key(header)
        if key in remembered:
            guess[str(position)] = remembered[key]
        else:
            guess[str(position)] = spellings.get(key, "")
    return guess
