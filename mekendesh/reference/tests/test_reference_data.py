"""The reference data shipped with the code is complete once the migrations have run."""

from __future__ import annotations

import pycountry
import pytest
from django.conf import settings

from mekendesh.demo.data import DESTINATIONS
from mekendesh.people.services import consular_district_for
from mekendesh.reference import selectors
from mekendesh.reference.data.abroad import CONSULAR_DISTRICTS, HOST_REGIONS
from mekendesh.reference.data.origins import DIVISIONS
from mekendesh.reference.loading import reference_load
from mekendesh.reference.models import ConsularDistrict, Country, District, HostRegion, Language, Region

pytestmark = pytest.mark.django_db


def test_every_iso_country_is_there_with_a_name_in_each_language():
    assert Country.objects.count() == len(pycountry.countries)
    assert not Country.objects.filter(name_en="").exists()
    assert not Country.objects.filter(name_ru="").exists()
    assert not Country.objects.filter(name_ky="").exists()
    assert not Country.objects.filter(name_tk="").exists()


def test_kyrgyzstan_and_the_main_destinations_are_named_as_people_there_name_them():
    kg = Country.objects.get(code="KG")
    assert (kg.alpha3, kg.name_en, kg.name_ru, kg.name_ky) == ("KGZ", "Kyrgyzstan", "Кыргызстан", "Кыргызстан")
    assert Country.objects.get(code="RU").name_ru == "Россия"
    assert Country.objects.get(code="KR").name_ru == "Южная Корея"


def test_kyrgyzstan_has_seven_oblasts_and_two_cities_with_their_iso_codes():
    regions = Region.objects.filter(country_id="KG")
    assert set(regions.filter(kind="region").values_list("code", flat=True)) == {
        "KG-B",
        "KG-C",
        "KG-Y",
        "KG-J",
        "KG-N",
        "KG-O",
        "KG-T",
    }
    assert set(regions.filter(kind="city").values_list("code", flat=True)) == {"KG-GB", "KG-GO"}
    iso_codes = {subdivision.code for subdivision in pycountry.subdivisions.get(country_code="KG")}
    assert set(regions.values_list("code", flat=True)) == iso_codes


def test_every_region_has_districts_and_names_in_the_four_languages():
    for region in Region.objects.filter(country_id="KG"):
        assert region.districts.exists(), region.code
        assert all([region.name_en, region.name_ru, region.name_ky, region.name_tk]), region.code
    for district in District.objects.filter(region__country_id="KG"):
        assert all([district.name_en, district.name_ru, district.name_ky, district.name_tk]), district.code


def test_there_are_forty_raions_and_four_city_districts_of_bishkek():
    kyrgyz = District.objects.filter(region__country_id="KG", name_en__endswith=" District")
    assert kyrgyz.exclude(region__code="KG-GB").count() == 40
    assert District.objects.filter(region__code="KG-GB").count() == 4
    assert selectors.districts_of(region="KG-O").filter(code="KG-O-KARASUU", name_ru="Кара-Суйский район").exists()


def test_codes_in_the_shipped_data_are_unique():
    regions = [row for divisions in DIVISIONS.values() for row in divisions.regions]
    districts = [row for divisions in DIVISIONS.values() for row in divisions.districts()]
    for codes in (
        [row.code for row in regions],
        [row.code for row in districts],
        [row.code for row in HOST_REGIONS],
        *([row.code for row in rows] for rows in CONSULAR_DISTRICTS.values()),
    ):
        assert len(codes) == len(set(codes))
    assert all(row.code.startswith(row.region + "-") for row in districts)


def test_host_regions_carry_real_iso_3166_2_codes():
    for row in HOST_REGIONS:
        assert pycountry.subdivisions.get(code=row.code) is not None, row.code
    assert HostRegion.objects.get(code="RU-MOW").country_id == "RU"


def test_every_demo_destination_falls_in_a_consular_district():
    for code in DESTINATIONS:
        host_region = HostRegion.objects.get(code=code)
        assert consular_district_for(country=host_region.country, host_region=host_region) is not None, code


# Where a stay in a host region goes, for each country of origin.
EXPECTED_DISTRICTS = {
    "KG": {
        "RU-MOW": "RU-MOSCOW",
        "RU-SVE": "RU-YEKATERINBURG",
        "RU-SPE": "RU-STPETERSBURG",
        "KZ-75": "KZ-ALMATY",
        "TR-34": "TR-ISTANBUL",
    },
    "TM": {
        "RU-MOW": "RU-MOSCOW",
        "RU-SVE": "RU-MOSCOW",
        "RU-TA": "RU-KAZAN",
        "RU-KDA": "RU-ASTRAKHAN",
        "KZ-75": "KZ-ASTANA",
        "TR-34": "TR-ISTANBUL",
        "AE-DU": "AE-DUBAI",
    },
    "TJ": {
        "RU-MOW": "RU-MOSCOW",
        "RU-SVE": "RU-YEKATERINBURG",
        "RU-SPE": "RU-STPETERSBURG",
        "RU-LEN": "RU-STPETERSBURG",
        "RU-BA": "RU-UFA",
        "KZ-75": "KZ-ALMATY",
        "TR-34": "TR-ANKARA",
    },
    "UZ": {
        "RU-MOW": "RU-MOSCOW",
        "RU-TUL": "RU-MOSCOW",
        "RU-SVE": "RU-YEKATERINBURG",
        "RU-KHM": "RU-YEKATERINBURG",
        "RU-SPE": "RU-STPETERSBURG",
        "RU-TA": "RU-KAZAN",
        "RU-SAM": "RU-KAZAN",
        "RU-KDA": "RU-ROSTOVONDON",
        "RU-NVS": "RU-NOVOSIBIRSK",
        "RU-IRK": "RU-NOVOSIBIRSK",
        "KZ-75": "KZ-ALMATY",
        "TR-34": "TR-ISTANBUL",
        "US-NY": "US-NEWYORK",
    },
}


def test_a_place_goes_to_its_consulate_and_the_rest_of_the_country_to_the_embassy():
    def district_of(code):
        host_region = HostRegion.objects.get(code=code)
        district = consular_district_for(country=host_region.country, host_region=host_region)
        assert district is not None, code
        return district.code

    expected = EXPECTED_DISTRICTS[settings.ORIGIN_COUNTRY]
    assert {code: district_of(code) for code in expected} == expected
    # Without a region, a country served by several missions has no district (the stay is refused,
    # see people.services.stay_check); one served by a single mission goes to it.
    assert consular_district_for(country=Country.objects.get(code="RU"), host_region=None) is None
    korea_district = consular_district_for(country=Country.objects.get(code="KR"), host_region=None)
    assert korea_district is not None and korea_district.code == "KR-SEOUL"


def test_each_country_is_served_whole_by_at_most_one_mission():
    for country in Country.objects.all():
        assert ConsularDistrict.objects.filter(countries=country).count() <= 1, country.code


def test_the_shared_test_places_are_the_shipped_rows(places):
    assert places["moscow_district"].name_ru == "Посольство в Москве"
    shipped = {row.code: row.region for row in DIVISIONS[settings.ORIGIN_COUNTRY].districts()}
    assert shipped[places["kara_suu"].code] == places["kara_suu"].region.code == places["osh"].code
    assert places["moscow"] in places["moscow_district"].host_regions.all()


def test_languages_of_the_register_are_there():
    assert set(Language.objects.values_list("code", flat=True)) >= {"ky", "ru", "tk", "en", "uz", "tg", "kk"}
    assert Language.objects.get(code="ky").name_ky == "Кыргыз тили"


def test_loading_again_changes_nothing_and_repairs_an_edited_name():
    Region.objects.filter(code="KG-O").update(name_ru="испорчено")
    counts = (Country.objects.count(), District.objects.count(), ConsularDistrict.objects.count())
    reference_load()
    assert (Country.objects.count(), District.objects.count(), ConsularDistrict.objects.count()) == counts
    assert Region.objects.get(code="KG-O").name_ru == "Ошская область"


def test_selectors_list_destinations_and_their_regions():
    destinations = set(selectors.countries_of_destination().values_list("code", flat=True))
    assert {"RU", "KZ", "TR", "KR", "US", "JP", "AE", "DE", "GB"} <= destinations
    assert "FR" not in destinations
    assert selectors.host_regions_of(country="RU").filter(code="RU-SPE").exists()
    assert selectors.regions_of_origin().count() == len(DIVISIONS[settings.ORIGIN_COUNTRY].regions)
    assert selectors.regions_of_origin(country_code="KG").count() == 9
