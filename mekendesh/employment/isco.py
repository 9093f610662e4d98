"""ISCO-08 occupation groups, read from the shipped table ``data/isco08.csv`` (see ``data/README.md``
for its source). No Django import.

A job offer names a unit group (four digits); the public filter offers the major groups (one
digit) and the unit groups in use; a code's ancestors are its prefixes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "isco08.csv"
LEVELS = {"major": 1, "sub-major": 2, "minor": 3, "unit": 4}


@dataclass(frozen=True)
class Group:
    code: str
    level: str
    title: str

    @property
    def major(self) -> str:
        return self.code[:1]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


@lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    """Every shipped group by its code, in the table's order."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found: dict[str, Group] = {}
    for row in rows:
        code, level = row["code"].strip(), row["level"].strip()
        if level not in LEVELS or len(code) != LEVELS[level] or not code.isdigit():
            raise ValueError(f"isco08.csv: {code!r} is not a {level} group")
        found[code] = Group(code=code, level=level, title=row["title"].strip())
    return found


def group(code: str) -> Group | None:
    return groups().get((code or "").strip())


def unit_groups() -> list[Group]:
    return [item for item in groups().values() if item.level == "unit"]


def major_groups() -> list[Group]:
    return [item for item in groups().values() if item.level == "major"]


def is_unit_group(code: str) -> bool:
    found = group(code)
    return found is not None and found.level == "unit"
