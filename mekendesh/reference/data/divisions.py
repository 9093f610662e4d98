"""The shape of a country of origin's administrative divisions: its first-level regions (with
their ISO 3166-2 codes) and their districts, read from a CSV file beside the country's module.

A district's code is ``<region code>-<its name in ASCII capitals, without spaces or hyphens>``,
with ``CITY`` appended where a city and a district of the same region share a name
(``KG-N-NARYN`` and ``KG-N-NARYNCITY``). Every name is given in English, Russian, Kyrgyz and
Turkmen, and in Tajik and Uzbek where known: a blank Tajik or Uzbek name is shown in Russian, any
other blank name in English (:meth:`mekendesh.reference.models.LocalizedName.name_in`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RegionRow:
    code: str
    kind: str  # "region" (oblast, welayat, viloyat) or "city" (of national status)
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str
    name_tg: str = ""
    name_uz: str = ""


@dataclass(frozen=True)
class DistrictRow:
    code: str
    region: str
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str
    name_tg: str = ""
    name_uz: str = ""


def read_districts(filename: str) -> list[DistrictRow]:
    """The districts in ``filename`` (a CSV file in this folder, one row per district)."""
    path = Path(__file__).with_name(filename)
    with path.open(encoding="utf-8", newline="") as handle:
        return [DistrictRow(**row) for row in csv.DictReader(handle)]


@dataclass(frozen=True)
class Divisions:
    """A country of origin's regions and districts."""

    country: str  # ISO 3166-1 alpha-2
    regions: list[RegionRow]
    districts: Callable[[], list[DistrictRow]]
