"""What a sniffed file is (``FileGuess``) and what reading it gives (``Row``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Kind = Literal["csv", "xlsx"]


@dataclass(frozen=True)
class FileGuess:
    """How to read a file: found by ``sniff``, corrected by the officer through its overrides.

    For a CSV file ``encoding`` is a Python codec name ("utf-8", "utf-8-sig", "utf-16", "cp1251",
    "koi8-r" …) and ``bom`` says whether the file starts with a byte order mark; ``delimiter`` and
    ``quotechar`` are the dialect. For a workbook these are None and ``sheets`` lists its worksheets,
    ``sheet`` the one that is read.
    """

    kind: Kind
    encoding: str | None = None
    delimiter: str | None = None
    quotechar: str | None = None
    bom: bool = False
    sheets: tuple[str, ...] = ()
    sheet: str | None = None


class Row(NamedTuple):
    """One record: ``number`` is the row number a spreadsheet program shows for it (the header is 1).

    A tuple rather than a dataclass: a million of them are made per file, and a tuple is the
    cheapest typed record Python builds.
    """

    number: int
    values: list[str]
