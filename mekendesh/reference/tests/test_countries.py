"""Every country has a Russian, Kyrgyz and Turkmen name of its own, not the English one that
the code falls back to where pycountry's catalogues have no translation."""

from __future__ import annotations

import pytest

from mekendesh.reference.data.countries import CATALOGUE_GAPS, OVERRIDES, country_rows
from mekendesh.reference.loading import reference_load
from mekendesh.reference.models import Country

# Countries whose name is genuinely spelled the same in that language as in English.
SAME_AS_ENGLISH: dict[str, set[str]] = {
    "ru": set(),
    "ky": set(),
    "tk": {
        "AD",
        "AO",
        "AR",
        "AW",
        "BB",
        "BI",
        "BJ",
        "BW",
        "BY",
        "FJ",
        "GA",
        "GD",
        "GI",
        "GU",
        "KI",
        "LA",
        "ML",
        "MT",
        "MW",
        "NE",
        "NP",
        "NR",
        "NU",
        "OM",
        "PA",
        "PE",
        "PW",
        "SD",
        "SN",
        "SZ",
        "TK",
        "TO",
        "UG",
        "WS",
        "ZW",
    },
}
TURKMEN_LETTERS = set("abçdeäfghijžklmnňoöprsştuüwyýzABÇDEÄFGHIJŽKLMNŇOÖPRSŞTUÜWYÝZ -,.()")


def english_names(rows):
    """For each language, the codes of the countries whose name in it is the English name."""
    return {lang: {row.code for row in rows if getattr(row, f"name_{lang}") == row.name_en} for lang in SAME_AS_ENGLISH}


def test_no_shipped_country_name_falls_back_to_english():
    assert english_names(country_rows()) == SAME_AS_ENGLISH


@pytest.mark.django_db
def test_no_country_in_the_database_is_named_in_english():
    assert english_names(Country.objects.all()) == SAME_AS_ENGLISH


@pytest.mark.django_db
def test_the_names_that_fill_catalogue_gaps_reach_the_database():
    assert Country.objects.get(code="CN").name_tk == "Hytaý"
    assert Country.objects.get(code="EG").name_tk == "Müsür"
    assert Country.objects.get(code="CZ").name_tk == "Çehiýa"
    assert Country.objects.get(code="ME").name_tk == "Çernogoriýa"
    assert Country.objects.get(code="MK").name_ky == "Түндүк Македония"
    assert Country.objects.get(code="SZ").name_ky == "Эсватини"


@pytest.mark.django_db
def test_reloading_changes_nothing():
    before = list(Country.objects.order_by("code").values())
    reference_load()
    assert list(Country.objects.order_by("code").values()) == before


def test_gap_names_are_in_the_turkmen_latin_alphabet_and_overrides_do_not_repeat_them():
    for code, names in CATALOGUE_GAPS.items():
        assert set(names) <= {"ky", "tk"}, code
        assert set(names.get("tk", "")) <= TURKMEN_LETTERS, code
        assert not set(names) & set(OVERRIDES.get(code, {})), code
    # A Turkmen name kept as in English is a choice made here, not the fallback.
    assert SAME_AS_ENGLISH["tk"] <= set(CATALOGUE_GAPS)
