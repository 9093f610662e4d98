"""The regions and districts of the four countries of origin (KG, TM, TJ, UZ) and each origin's
consular districts: codes from ISO 3166-2 (with documented exceptions), names in the country's
own language, in Russian and in English, plausible counts, and consular districts that send every
stay to exactly one mission."""

from __future__ import annotations

import re
from collections import Counter

import pycountry
import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from mekendesh.reference.data.abroad import CONSULAR_DISTRICTS, HOST_REGIONS
from mekendesh.reference.data.origins import DIVISIONS, NOT_IN_ISO_3166_2
from mekendesh.reference.loading import reference_load
from mekendesh.reference.models import ConsularDistrict, District, HostRegion, Region

OWN_LANGUAGE = {"KG": "ky", "TM": "tk", "TJ": "tg", "UZ": "uz"}

KYRGYZ_LETTERS = set("абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя") | set("АБВГДЕЁЖЗИЙКЛМНҢОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ")
TAJIK_LETTERS = set("абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя") | set("АБВГҒДЕЁЖЗИӢЙКҚЛМНОПРСТУӮФХҲЧҶШЪЭЮЯ")
TURKMEN_LETTERS = set("abçdeäfghijžklmnňoöprsştuüwyýzABÇDEÄFGHIJŽKLMNŇOÖPRSŞTUÜWYÝZ")
UZBEK_LETTERS = set("abcdefghijklmnopqrstuvxyzABCDEFGHIJKLMNOPQRSTUVXYZʻʼ")  # c only in the digraph ch
PUNCTUATION = set(" -—,.()")
ALPHABETS = {"ky": KYRGYZ_LETTERS, "tg": TAJIK_LETTERS, "tk": TURKMEN_LETTERS, "uz": UZBEK_LETTERS}


def all_regions():
    return [(country, row) for country, divisions in DIVISIONS.items() for row in divisions.regions]


def all_districts():
    return [(country, row) for country, divisions in DIVISIONS.items() for row in divisions.districts()]


def test_the_four_countries_of_origin_have_divisions():
    assert set(DIVISIONS) == {"KG", "TM", "TJ", "UZ"}


@pytest.mark.parametrize("country", ["KG", "TM", "TJ", "UZ"])
def test_region_codes_are_the_iso_3166_2_codes_of_the_country(country):
    codes = {row.code for row in DIVISIONS[country].regions}
    iso = {subdivision.code for subdivision in pycountry.subdivisions.get(country_code=country)}
    assert codes - iso == {code for code in NOT_IN_ISO_3166_2 if code.startswith(country + "-")}
    assert iso <= codes, "every first-level unit of ISO 3166-2 is a region of origin"


def test_the_regions_outside_iso_3166_2_are_documented_and_cannot_collide_with_an_iso_code():
    assert set(NOT_IN_ISO_3166_2) == {"TM-ARKADAG"}
    for code, reason in NOT_IN_ISO_3166_2.items():
        assert reason
        # ISO 3166-2 subdivision codes have at most three characters after the country code.
        assert len(code.split("-", 1)[1]) > 3


def test_counts_are_those_of_the_current_divisions():
    def counted(country):
        districts = DIVISIONS[country].districts()
        return (
            len(DIVISIONS[country].regions),
            sum(" District" in row.name_en for row in districts),
            sum(row.name_en.endswith("(city)") for row in districts),
        )

    # Kyrgyzstan: 7 oblasts and 2 cities; 40 raions and Bishkek's 4 districts; 13 cities.
    assert counted("KG") == (9, 44, 13)
    # Turkmenistan: 5 welaýats, Ashgabat and Arkadag; 37 etraps after November 2022 and 7 formed in
    # September 2025, Ashgabat's 4 and Arkadag's 2; 6 cities with the rights of an etrap.
    assert counted("TM") == (7, 50, 6)
    # Tajikistan: 5 first-level units; 47 districts and Dushanbe's 4; 17 cities besides Dushanbe.
    assert counted("TJ") == (5, 51, 17)
    # Uzbekistan: 14 first-level units; 175 tumans counting Tashkent city's 12; 31 cities.
    assert counted("UZ") == (14, 175, 31)


def test_every_district_belongs_to_a_region_of_its_country_and_is_coded_after_it():
    regions = {row.code: country for country, row in all_regions()}
    district_code_length = District._meta.get_field("code").max_length or 0
    region_code_length = Region._meta.get_field("code").max_length or 0
    for country, row in all_districts():
        assert regions.get(row.region) == country, row.code
        assert re.fullmatch(re.escape(row.region) + r"-[A-Z]+", row.code), row.code
        assert len(row.code) <= district_code_length, row.code
    for _country, row in all_regions():
        assert row.kind in {Region.Kind.REGION, Region.Kind.CITY}, row.code
        assert len(row.code) <= region_code_length, row.code
    for country, divisions in DIVISIONS.items():
        with_districts = Counter(row.region for row in divisions.districts())
        assert all(with_districts[row.code] for row in divisions.regions), country


def test_names_are_given_in_the_country_s_own_language_in_russian_and_in_english():
    for country, row in all_regions() + all_districts():
        own = OWN_LANGUAGE[country]
        for language in {own, "ru", "en"}:
            assert getattr(row, f"name_{language}").strip(), (row.code, language)


def test_names_are_written_in_the_alphabet_of_their_language():
    for _country, row in all_regions() + all_districts():
        for language, letters in ALPHABETS.items():
            name = getattr(row, f"name_{language}")
            assert set(name) <= letters | PUNCTUATION, (row.code, language, name)
        # Uzbek oʻ and gʻ take the turned comma (U+02BB), never an apostrophe or a quotation mark.
        assert not re.search(r"[OoGg]['‘’`]", row.name_uz), row.code


def test_districts_have_kyrgyz_names_and_turkmen_ones_have_turkmen_names():
    for country, row in all_districts():
        assert row.name_ky, row.code
        if country in {"KG", "TM"}:
            assert row.name_tk, row.code


@pytest.mark.parametrize("origin", ["KG", "TM", "TJ", "UZ"])
def test_each_origin_names_every_host_region_and_every_country_at_most_once(origin):
    rows = CONSULAR_DISTRICTS[origin]
    host_regions = {row.code for row in HOST_REGIONS}
    assert len({row.code for row in rows}) == len(rows)
    named = [code for row in rows for code in row.host_regions]
    assert [code for code, count in Counter(named).items() if count > 1] == []
    assert set(named) <= host_regions
    whole = [code for row in rows for code in row.countries]
    assert [code for code, count in Counter(whole).items() if count > 1] == []
    # Each country with a consulate also has an embassy naming it whole, so no stay there is
    # left without a district.
    assert {code.split("-")[0] for code in named} <= set(whole)
    assert all(pycountry.countries.get(alpha_2=code) for code in whole)


@pytest.mark.parametrize("origin", ["KG", "TM", "TJ", "UZ"])
def test_each_origin_has_a_mission_in_the_main_countries_of_destination(origin):
    whole = {code for row in CONSULAR_DISTRICTS[origin] for code in row.countries}
    assert {"RU", "KZ", "TR", "AE", "KR", "US", "DE", "GB"} <= whole


def test_uzbekistan_s_consulates_in_russia_cover_the_federal_districts_they_serve():
    russia = {row.code for row in HOST_REGIONS if row.country == "RU"}
    named = [code for row in CONSULAR_DISTRICTS["UZ"] if row.code.startswith("RU-") for code in row.host_regions]
    iso = {subdivision.code for subdivision in pycountry.subdivisions.get(country_code="RU")}
    assert sorted(named) == sorted(iso) and iso <= russia


def test_consular_names_exist_in_every_language():
    for origin in ("TM", "TJ", "UZ"):
        for row in CONSULAR_DISTRICTS[origin]:
            for language in ("en", "ru", "ky", "tk", "tg", "uz"):
                assert getattr(row, f"name_{language}"), (origin, row.code, language)


@pytest.mark.django_db
def test_the_database_has_the_regions_and_districts_of_all_four_countries():
    for country, divisions in DIVISIONS.items():
        regions = Region.objects.filter(country_id=country)
        assert set(regions.values_list("code", flat=True)) == {row.code for row in divisions.regions}
        districts = District.objects.filter(region__country_id=country)
        assert districts.count() == len(divisions.districts())
    assert Region.objects.get(code="TM-ARKADAG").kind == Region.Kind.CITY
    assert District.objects.get(code="TJ-SU-KHUJAND").name_tg == "шаҳри Хуҷанд"
    assert District.objects.get(code="UZ-AN-QORGONTEPA").name_uz == "Qoʻrgʻontepa tumani"


@pytest.mark.django_db
def test_a_blank_tajik_or_uzbek_name_is_shown_in_russian():
    district = District.objects.get(code="TM-A-GOKDEPE")
    assert district.name_tg == ""
    assert district.name_in("tg") == district.name_ru == "Гёкдепинский этрап"
    assert district.name_in("tk") == "Gökdepe etraby"


@pytest.mark.django_db
def test_the_database_has_the_consular_districts_of_its_origin():
    for row in CONSULAR_DISTRICTS[settings.ORIGIN_COUNTRY]:
        district = ConsularDistrict.objects.get(code=row.code)
        assert (district.name_en, district.name_ru, district.city) == (row.name_en, row.name_ru, row.city)
        assert set(district.countries.values_list("code", flat=True)) == set(row.countries)
        assert set(district.host_regions.values_list("code", flat=True)) == set(row.host_regions)


@pytest.mark.django_db
@pytest.mark.parametrize("origin", ["KG", "TM", "TJ", "UZ"])
def test_loading_for_an_origin_creates_its_consular_districts_and_leaves_the_others(origin):
    before = set(ConsularDistrict.objects.values_list("code", flat=True))
    with override_settings(ORIGIN_COUNTRY=origin):
        reference_load()
    after = set(ConsularDistrict.objects.values_list("code", flat=True))
    assert after == before | {row.code for row in CONSULAR_DISTRICTS[origin]}
    for row in CONSULAR_DISTRICTS[origin]:
        district = ConsularDistrict.objects.get(code=row.code)
        assert (district.name_tg, district.name_uz) == (row.name_tg, row.name_uz)
        assert set(district.host_regions.values_list("code", flat=True)) == set(row.host_regions)


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    reference_load()
    snapshot = [
        list(model.objects.order_by("code").values()) for model in (Region, District, HostRegion, ConsularDistrict)
    ]
    reference_load()
    assert snapshot == [
        list(model.objects.order_by("code").values()) for model in (Region, District, HostRegion, ConsularDistrict)
    ]


@pytest.mark.django_db
def test_loading_works_with_the_historical_models_of_the_first_data_migration():
    """Migrations 0002 and 0003 call the loader with models that have no Tajik or Uzbek names."""
    state = MigrationExecutor(connection).loader.project_state(("reference", "0001_initial"))
    historical = state.apps.get_model("reference", "District")
    assert "name_uz" not in {field.name for field in historical._meta.get_fields()}
    District.objects.filter(code="UZ-AN-ASAKA").update(name_ru="испорчено")
    reference_load(state.apps)
    assert District.objects.get(code="UZ-AN-ASAKA").name_ru == "Асакинский район"
