"""Kyrgyzstan's regions of origin: seven oblasts and the two cities of national status, with
their ISO 3166-2 codes, and their districts (``kg_districts.csv``): the 40 raions, the cities
of regional status, Bishkek's four city districts, and the city of Osh as a whole (it has no
districts of its own)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

COUNTRY = "KG"


@dataclass(frozen=True)
class RegionRow:
    code: str
    kind: str  # "region" (oblast) or "city" (of national status)
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str


@dataclass(frozen=True)
class DistrictRow:
    code: str
    region: str
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str


REGIONS: list[RegionRow] = [
    RegionRow("KG-B", "region", "Batken Region", "Баткенская область", "Баткен облусу", "Batken welaýaty"),
    RegionRow("KG-C", "region", "Chüy Region", "Чуйская область", "Чүй облусу", "Çüý welaýaty"),
    RegionRow("KG-Y", "region", "Issyk-Kul Region", "Иссык-Кульская область", "Ысык-Көл облусу", "Ysykköl welaýaty"),
    RegionRow(
        "KG-J", "region", "Jalal-Abad Region", "Джалал-Абадская область", "Жалал-Абад облусу", "Jalal-Abat welaýaty"
    ),
    RegionRow("KG-N", "region", "Naryn Region", "Нарынская область", "Нарын облусу", "Naryn welaýaty"),
    RegionRow("KG-O", "region", "Osh Region", "Ошская область", "Ош облусу", "Oş welaýaty"),
    RegionRow("KG-T", "region", "Talas Region", "Таласская область", "Талас облусу", "Talas welaýaty"),
    RegionRow("KG-GB", "city", "Bishkek", "город Бишкек", "Бишкек шаары", "Bişkek şäheri"),
    RegionRow("KG-GO", "city", "Osh (city)", "город Ош", "Ош шаары", "Oş şäheri"),
]


def district_rows() -> list[DistrictRow]:
    path = Path(__file__).with_name("kg_districts.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return [DistrictRow(**row) for row in csv.DictReader(handle)]
