"""Every country has a Russian, Kyrgyz and Turkmen name of its own, not the English one that
the code falls back to where pycountry's catalogues have no translation, and a Tajik and an
Uzbek name rather than the Russian one shown where those are missing."""

from __future__ import annotations

import pytest

from mekendesh.reference.data.countries import CATALOGUE_GAPS, OVERRIDES, UZBEK_CATALOGUE_GAPS, country_rows
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


UZBEK_LETTERS = set("abcdefghijklmnopqrstuvxyzABCDEFGHIJKLMNOPQRSTUVXYZʻʼ -,.()")  # c only in ch
TAJIK_LETTERS = set("абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюяАБВГҒДЕЁЖЗИӢЙКҚЛМНОПРСТУӮФХҲЧҶШЪЭЮЯ -,.()")
# The main countries of destination and transit, named in OVERRIDES in Tajik and Uzbek.
MAIN_COUNTRIES = [
    "RU",
    "KZ",
    "TR",
    "KR",
    "US",
    "DE",
    "GB",
    "AE",
    "CN",
    "KG",
    "TM",
    "TJ",
    "UZ",
    "IR",
    "AZ",
    "BY",
    "UA",
    "JP",
    "CY",
    "SA",
    "PL",
    "CZ",
]


def test_every_country_has_a_tajik_and_an_uzbek_name():
    rows = country_rows()
    assert [row.code for row in rows if not row.name_tg] == []
    assert [row.code for row in rows if not row.name_uz] == []


def test_the_main_countries_are_named_as_the_tajik_and_uzbek_foreign_ministries_name_them():
    for code in MAIN_COUNTRIES:
        assert {"tg", "uz"} <= set(OVERRIDES[code]), code
    names = {row.code: row for row in country_rows()}
    assert (names["RU"].name_tg, names["RU"].name_uz) == ("Русия", "Rossiya")
    assert (names["UZ"].name_tg, names["UZ"].name_uz) == ("Ӯзбекистон", "Oʻzbekiston")
    assert (names["KR"].name_uz, names["DE"].name_uz, names["US"].name_uz) == ("Janubiy Koreya", "Germaniya", "AQSH")


def test_uzbek_and_tajik_names_are_in_their_alphabets():
    for code, name in UZBEK_CATALOGUE_GAPS.items():
        assert set(name) <= UZBEK_LETTERS, code
        assert "uz" not in OVERRIDES.get(code, {}), code
    for code, names in OVERRIDES.items():
        assert set(names.get("uz", "")) <= UZBEK_LETTERS, code
        assert set(names.get("tg", "")) <= TAJIK_LETTERS, code


@pytest.mark.django_db
def test_tajik_and_uzbek_names_reach_the_database():
    assert Country.objects.get(code="TR").name_tg == "Туркия"
    assert Country.objects.get(code="EE").name_uz == "Estoniya"
    assert Country.objects.get(code="KZ").name_in("uz") == "Qozogʻiston"
