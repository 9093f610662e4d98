"""The register's indicators count what a statistician counts by hand on a small register."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from mekendesh.reference.models import Country
from mekendesh.statistics.indicators import labels_for, table_for
from mekendesh.statistics.models import RecordKey
from mekendesh.statistics.tests.support import REFERENCE_DATE, ready_dataset, register_person

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


@pytest.fixture
def register(places):
    """On 1 January 2026, by hand:

    * abroad: Ainura (F, 30, Moscow since 2025-11-15: under 3 months), Bakyt (M, 45, Moscow since
      2025-06-01: 3–12 months, study), Chyngyz (M, 20, Korea, no region, since 2023: 12 months or
      more, born on 2 January 2005 — still 20 on the reference date), Dinara (F, 64, Sverdlovsk since
      2024-01-01, ends on 2026-03-01, so still abroad);
    * not abroad: Emil (returned from Moscow on 2025-12-31), Farida (leaves only in February 2026),
      Gulnara (no stay).
    """
    register_person(
        None,
        places,
        sex="F",
        birth_date=dt.date(1995, 3, 1),
        stays=[{"region": "moscow", "arrival": dt.date(2025, 11, 15)}],
    )
    register_person(
        None,
        places,
        sex="M",
        birth_date=dt.date(1980, 1, 1),
        district=False,
        stays=[{"region": "moscow", "arrival": dt.date(2025, 6, 1), "purpose": "study"}],
    )
    register_person(
        None, places, sex="M", birth_date=dt.date(2005, 1, 2), stays=[{"country": "KR", "arrival": dt.date(2023, 4, 1)}]
    )
    register_person(
        None,
        places,
        sex="F",
        birth_date=dt.date(1961, 7, 7),
        stays=[{"region": "sverdlovsk", "arrival": dt.date(2024, 1, 1), "departure": dt.date(2026, 3, 1)}],
    )
    register_person(
        None,
        places,
        sex="M",
        stays=[{"region": "moscow", "arrival": dt.date(2025, 2, 1), "departure": dt.date(2025, 12, 31)}],
    )
    register_person(None, places, sex="F", stays=[{"region": "moscow", "arrival": dt.date(2026, 2, 1)}])
    register_person(None, places, sex="F")
    return ready_dataset(None, REFERENCE_DATE)


def test_the_stock_counts_the_people_abroad_on_the_reference_date(register):
    by_destination = table_for(register, "stock", ["destination"])
    assert by_destination.value({"destination": "_T"}) == 4
    assert by_destination.value({"destination": "RU"}) == 3
    assert by_destination.value({"destination": "RU-MOW"}) == 2
    assert by_destination.value({"destination": "RU-SVE"}) == 1
    assert by_destination.value({"destination": "KR"}) == 1
    assert by_destination.value({"destination": "KR-_U"}) == 1


def test_the_stock_by_sex_age_duration_origin_and_purpose(register):
    table = table_for(register, "stock", ["sex", "age", "duration", "origin", "purpose"])
    assert table.value({"sex": "F"}) == 2
    assert table.value({"sex": "M"}) == 2
    assert table.value({"age": "Y30T34"}) == 1  # Ainura, 30
    assert table.value({"age": "Y20T24"}) == 1  # Chyngyz, 20 (his birthday is the day after)
    assert table.value({"age": "Y15T24"}) == 1
    assert table.value({"age": "Y25T54"}) == 2  # Ainura 30, Bakyt 45
    assert table.value({"age": "Y55T64"}) == 1  # Dinara 64
    assert table.value({"duration": "M_LT3"}) == 1
    assert table.value({"duration": "M3T11"}) == 1
    assert table.value({"duration": "M_GE12"}) == 2
    assert table.value({"origin": "KG-O"}) == 4
    assert table.value({"origin": "KG-O-KARASUU"}) == 3
    assert table.value({"origin": "KG-O-_U"}) == 1  # Bakyt gave no district
    assert table.value({"purpose": "study"}) == 1


def test_a_filter_keeps_the_people_under_its_code(register):
    women_in_russia = table_for(register, "stock", ["destination"], filters={"sex": "F"})
    assert women_in_russia.value({"destination": "RU"}) == 2
    assert women_in_russia.value({"destination": "KR"}) == 0


def test_flows_by_month_and_year(register):
    departures = table_for(register, "departures", ["month", "destination"])
    assert departures.value({"month": "2025-11", "destination": "RU-MOW"}) == 1
    assert departures.value({"month": "2025"}) == 3  # Ainura, Bakyt, Emil
    assert "2026-02" not in departures.dimension("month").index  # after the reference date
    returns = table_for(register, "returns", ["month", "sex"])
    assert returns.value({"month": "2025-12", "sex": "M"}) == 1
    assert returns.value({}) == 1  # Dinara's return is after the reference date


def test_registrations_count_the_people_registered_by_the_reference_date(register):
    today = timezone.localdate()
    registrations = table_for(ready_dataset(None, today), "registrations", ["month", "sex"])
    assert registrations.value({}) == 7
    assert registrations.value({"month": f"{today:%Y-%m}", "sex": "F"}) == 4
    assert table_for(ready_dataset(None, dt.date(2020, 1, 1)), "registrations", ["sex"]).value({}) == 0


def test_every_person_gets_a_record_key_once(register):
    keys = dict(RecordKey.objects.values_list("person_id", "key"))
    assert len(keys) == 7 and all(0 <= key <= 255 for key in keys.values())
    ready_dataset(None, dt.date(2026, 2, 1))
    assert dict(RecordKey.objects.values_list("person_id", "key")) == keys


def test_the_labels_name_every_code_in_the_four_languages(register):
    table = table_for(register, "stock", ["destination", "sex"])
    destination = labels_for(table.dimension("destination"))
    assert destination["RU-MOW"]["ru"] == "Москва"
    assert destination["RU"]["en"] == Country.objects.get(code="RU").name_en
    assert set(destination["KR-_U"]) == {"ky", "ru", "tk", "en"}
    assert "Korea" in destination["KR-_U"]["en"]
    assert labels_for(table.dimension("sex"))["F"]["en"]
