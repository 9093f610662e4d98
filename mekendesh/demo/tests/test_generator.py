"""Demo people look like the population they stand for, and the same seed makes the same people."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.test import override_settings

from mekendesh.demo.generator import people_generate
from mekendesh.lib.mrz import parse_mrz
from mekendesh.names import mixed_script_words
from mekendesh.origin import ORIGINS

pytestmark = pytest.mark.kyrgyz_data

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def population():
    # module-scoped: made with Kyrgyzstan's settings whatever the suite's country of origin
    with override_settings(ORIGIN=ORIGINS["KG"], ORIGIN_COUNTRY="KG"):
        return list(people_generate(count=2000, seed=7, today=TODAY))


def test_the_same_seed_makes_the_same_people():
    first = list(people_generate(count=50, seed=7, today=TODAY))
    again = list(people_generate(count=50, seed=7, today=TODAY))
    assert first == again
    other = list(people_generate(count=50, seed=8, today=TODAY))
    assert [p.names for p in first] != [p.names for p in other]


def test_osh_jalal_abad_and_batken_are_most_of_the_origins(population):
    origins = Counter(person.origin_region for person in population)
    south = origins["KG-O"] + origins["KG-J"] + origins["KG-B"]
    assert south > len(population) / 2
    assert origins["KG-B"] > origins["KG-C"]
    assert len(origins) == 9


def test_most_stays_are_in_russia_then_kazakhstan(population):
    countries = Counter(person.current_stay.country for person in population)
    assert countries["RU"] > len(population) / 2
    assert countries.most_common(2)[1][0] == "KZ"
    assert {"TR", "KR", "US", "JP"} <= set(countries)


def test_every_person_has_a_kyrgyz_cyrillic_primary_name_and_a_passport_latin_one(population):
    for person in population[:300]:
        primary, latin = person.names[0], person.names[-1]
        assert primary.script == "ky-Cyrl" and latin.script == "Latn-ICAO"
        assert latin.surname.isascii() and latin.surname == latin.surname.upper()
        assert not mixed_script_words(f"{primary.surname} {primary.given_names} {primary.patronymic}")


def test_kyrgyz_names_have_russian_spellings_and_both_kinds_of_patronymic(population):
    kyrgyz = [person for person in population if person.group == "kyrgyz"]
    patronymics = [person.names[0].patronymic for person in kyrgyz]
    assert any(p.endswith(" уулу") for p in patronymics) and any(p.endswith(" кызы") for p in patronymics)
    assert any(p.endswith("ович") for p in patronymics) and any(p.endswith("овна") for p in patronymics)
    russian_forms = [name for person in kyrgyz for name in person.names if name.script == "ru-Cyrl"]
    assert russian_forms and not any(
        letter in name.given_names + name.surname for name in russian_forms for letter in "ңөүҢӨҮ"
    )


def test_the_population_mixes_the_groups_found_among_kyrgyz_citizens(population):
    groups = Counter(person.group for person in population)
    assert groups["kyrgyz"] > groups["uzbek"] > 0
    assert {"russian", "tajik", "turkmen"} <= set(groups)


def test_passports_carry_a_valid_machine_readable_zone(population):
    numbers = [person.document.number for person in population]
    assert len(numbers) == len(set(numbers))
    for person in population[:300]:
        document = person.document
        if document.kind == "passport":
            zone = parse_mrz(document.mrz)
            assert zone.document_number == document.number
            assert zone.birth_date == person.birth_date
            assert document.number[:2] in {"AC", "AN"}
        else:
            assert document.number.startswith("ID") and document.mrz == ""


def test_people_are_adults_of_working_age_and_their_stays_make_sense(population):
    for person in population:
        age = (TODAY - person.birth_date).days / 365.25
        assert 18 <= age <= 60.1
        for stay in person.stays:
            assert stay.arrival_date <= TODAY
            assert stay.departure_date is None or stay.arrival_date <= stay.departure_date <= TODAY
    current = [person.current_stay for person in population]
    assert any(stay.departure_date for stay in current) and any(stay.verified_on for stay in current)
    assert any(stay.permit_expiry and stay.permit_expiry < TODAY for stay in current)
