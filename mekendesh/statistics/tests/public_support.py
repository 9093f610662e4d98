"""Published releases made directly with the ORM, for the tests of the public side (the statistician's
side builds and protects them for real)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from mekendesh.statistics.models import DataSet, DataSetKind, Release, ReleaseStatus, ReleaseTable

SOURCE = "Mekendesh register of citizens abroad, 2025-12-31"
DESTINATION_LABELS = {
    "RU": {"ky": "Орусия", "ru": "Россия", "tk": "Russiýa", "en": "Russia"},
    "KZ": {"ky": "Казакстан", "ru": "Казахстан", "tk": "Gazagystan", "en": "Kazakhstan"},
    "TR": {"ky": "Түркия", "ru": "Турция", "tk": "Türkiýe", "en": "Türkiye"},
    "NZ": {"ky": "Жаңы Зеландия", "ru": "Новая Зеландия", "tk": "Täze Zelandiýa", "en": "New Zealand"},
    "UZ": {"ky": "Өзбекстан", "ru": "Узбекистан", "tk": "Özbegistan", "en": "Uzbekistan"},
    "_T": {"ky": "Бардыгы", "ru": "Всего", "tk": "Jemi", "en": "All countries"},
}
SEX_LABELS = {
    "F": {"ky": "Аялдар", "ru": "Женщины", "tk": "Aýallar", "en": "Women"},
    "M": {"ky": "Эркектер", "ru": "Мужчины", "tk": "Erkekler", "en": "Men"},
    "_T": {"ky": "Бардык жыныстар", "ru": "Оба пола", "tk": "Ähli", "en": "Both sexes"},
}
# (destination, sex): (value, OBS_STATUS, CONF_STATUS). KZ women are below the threshold
# (primary, A), KZ men and UZ women suppressed to protect them (secondary, D); NZ women cannot exist
# in this made-up table (structural, M).
STOCK = {
    ("RU", "F"): (1200, "A", "F"),
    ("RU", "M"): (3400, "A", "F"),
    ("RU", "_T"): (4600, "A", "F"),
    ("KZ", "F"): (None, "O", "A"),
    ("KZ", "M"): (None, "O", "D"),
    ("KZ", "_T"): (52, "A", "F"),
    ("TR", "F"): (31, "A", "F"),
    ("TR", "M"): (44, "A", "F"),
    ("TR", "_T"): (75, "A", "F"),
    ("NZ", "F"): (None, "M", "F"),
    ("NZ", "M"): (12, "A", "F"),
    ("NZ", "_T"): (12, "A", "F"),
    ("UZ", "F"): (None, "O", "D"),
    ("UZ", "M"): (640, "A", "F"),
    ("UZ", "_T"): (655, "A", "F"),
    ("_T", "F"): (1253, "A", "F"),
    ("_T", "M"): (4141, "A", "F"),
    ("_T", "_T"): (5394, "A", "F"),
}
YEARS = {"2023": 8100, "2024": 9350, "2025": 10420}


def stock_cells() -> list[dict[str, Any]]:
    return [
        {"cell": {"destination": d, "sex": s}, "value": v, "obs_status": o, "conf_status": c}
        for (d, s), (v, o, c) in STOCK.items()
    ]


def make_release(
    slug: str = "stock-2025",
    *,
    status: str = ReleaseStatus.PUBLISHED,
    title: str = "Citizens abroad at the end of 2025",
    published_at: dt.datetime | None = None,
    corrects: Release | None = None,
    changes: str = "",
    tables: tuple[str, ...] = ("by-destination-sex",),
) -> Release:
    dataset = DataSet.objects.create(kind=DataSetKind.REGISTER, title="Register 2025-12-31")
    release = Release.objects.create(
        slug=slug,
        title_en=title,
        summary_en="Citizens registered as staying abroad.",
        dataset=dataset,
        status=status,
        corrects=corrects,
        changes=changes,
        published_at=(published_at or timezone.now()) if status == ReleaseStatus.PUBLISHED else None,
    )
    for order, code in enumerate(tables):
        ReleaseTable.objects.create(release=release, order=order, **TABLES[code]())
    return release


def by_destination_sex() -> dict[str, Any]:
    return {
        "code": "by-destination-sex",
        "title_en": "Citizens abroad by country and sex",
        "indicator": "stock",
        "dimensions": ["destination", "sex"],
        "period": "2025-12-31",
        "unit": "persons",
        "source": SOURCE,
        "note": "Stays registered and not ended.",
        "method": "suppression",
        "threshold": 10,
        "totals": {"destination": "_T", "sex": "_T"},
        "labels": {"destination": DESTINATION_LABELS, "sex": SEX_LABELS},
        "cells": stock_cells(),
    }


def by_year() -> dict[str, Any]:
    return {
        "code": "flows-by-year",
        "title_en": "Departures by year",
        "indicator": "departures",
        "dimensions": ["year"],
        "period": "2023/2025",
        "unit": "persons",
        "source": SOURCE,
        "method": "cell-key",
        "totals": {"year": "_T"},
        "labels": {"year": {year: dict.fromkeys(("ky", "ru", "tk", "en"), year) for year in YEARS}},
        "cells": [
            {"cell": {"year": year}, "value": value, "obs_status": "E", "conf_status": "F"}
            for year, value in YEARS.items()
        ],
    }


TABLES = {"by-destination-sex": by_destination_sex, "flows-by-year": by_year}
