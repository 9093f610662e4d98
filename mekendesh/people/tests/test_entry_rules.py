"""The officer's entry form and the public registration form check the same things: each bad
input is refused on its field by both, and the rules of the register hold in the services too."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.people import services
from mekendesh.people.models import Person, Script, Stay
from mekendesh.people.tests.staff_support import td3_mrz
from mekendesh.people.tests.test_registration_page import registration_data

pytestmark = pytest.mark.kyrgyz_data

REGISTER = reverse("migrant:register")
NEW = reverse("staff:person_new")
FORMULA = '=HYPERLINK("x")'


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def officer_data(places, **changes):
    data = {
        "submission_key": str(uuid.uuid4()),
        "name_script": Script.KYRGYZ_CYRILLIC,
        "surname": "Асанов",
        "given_names": "Бакыт",
        "patronymic": "Асан уулу",
        "latin_surname": "ASANOV",
        "latin_given_names": "BAKYT",
        "sex": "M",
        "birth_date": "05.09.1996",
        "origin_region": places["osh"].pk,
        "origin_district": places["kara_suu"].pk,
        "phone": "+996 555 123 456",
        "issuing_country": "KG",
        "document_number": "AC7654321",
        "mrz": "",
        "country": "RU",
        "host_region": places["moscow"].pk,
        "city": "Moscow",
        "purpose": "work",
        "permit_type": "patent",
        "arrival_date": "01.03.2025",
        "consent_register": "on",
    }
    data.update(changes)
    return data


@pytest.fixture(params=["officer", "migrant"])
def send(request, places, client, sign_in, officer_moscow):
    """``send(**changes)`` posts a valid form with ``changes`` through the officer's entry form or
    the public registration form, and returns the response."""
    if request.param == "officer":
        officer = sign_in(officer_moscow)
        return lambda **changes: officer.post(NEW, officer_data(places, **changes))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return lambda **changes: client.post(REGISTER, registration_data(places, **changes))


def errors(response, field):
    assert response.status_code == 200, "the form was accepted"
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def test_a_valid_form_is_stored_by_both_forms(send):
    assert send().status_code == 302
    person = Person.objects.get()
    assert person.phone == "+996555123456" and person.stays.get().arrival_date == dt.date(2025, 3, 1)


def test_the_31st_of_february_gets_a_clear_message(send):
    assert errors(send(birth_date="31.02.1996"), "birth_date") == [
        "31.02.1996 is not a date: month 02 of 1996 has 29 days."
    ]
    assert not Person.objects.exists()


def test_a_future_date_of_birth_is_refused(send):
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    assert errors(send(birth_date=tomorrow.strftime("%d.%m.%Y")), "birth_date") == [
        "The date of birth cannot be in the future."
    ]


def test_a_word_mixing_scripts_is_refused_naming_the_word(send):
    assert errors(send(surname="Асaнов"), "surname") == [  # Latin "a"
        "The word “Асaнов” mixes Cyrillic and Latin letters. Type it in one alphabet."
    ]


def test_latin_letters_in_the_cyrillic_name_field_are_refused(send):
    assert errors(send(surname="Asanov"), "surname") == [
        "Type the name in Cyrillic letters, or choose “Latin letters” for the alphabet it is written in."
    ]
    assert not Person.objects.exists()


def test_a_name_of_500_characters_is_refused_with_its_length(send):
    assert errors(send(given_names="Б" * 500), "given_names") == [
        "A name may have at most 100 characters; this one has 500."
    ]


@pytest.mark.parametrize("field", ["latin_surname", "latin_given_names"])
def test_a_formula_is_not_a_passport_spelling(send, field):
    assert errors(send(**{field: FORMULA}), field) == [
        "Type the name exactly as in the passport: the letters A to Z, spaces, hyphens and apostrophes."
    ]


@pytest.mark.parametrize(
    ("script", "formula", "given"),
    [
        (Script.OTHER_LATIN, '=HYPERLINK("http://evil.example","Click")', "Bakyt"),
        (Script.RUSSIAN_CYRILLIC, '=ГИПЕРССЫЛКА("Асанов")', "Бакыт"),
    ],
)
def test_a_formula_typed_as_a_name_is_stored_as_typed(send, script, formula, given):
    """Stored as typed; every spreadsheet export neutralises it (see test_export_my_data)."""
    assert send(name_script=script, surname=formula, given_names=given, patronymic="").status_code == 302
    assert Person.objects.get().names.get(script=script).surname == formula


@pytest.mark.parametrize("typed", ['"ASANOV"', "ASANOV2"])
def test_quotes_and_digits_in_the_passport_name_are_refused(send, typed):
    assert errors(send(latin_surname=typed), "latin_surname")


def test_the_passport_name_is_kept_in_capitals(send):
    send(latin_surname="Asanov", latin_given_names="Bakyt")
    latin = Person.objects.get().names.get(script=Script.PASSPORT_LATIN)
    assert (latin.surname, latin.given_names) == ("ASANOV", "BAKYT")


def test_a_formula_in_the_phone_field_is_refused(send):
    assert errors(send(phone=FORMULA), "phone") == [
        "Type the phone number with its country code, for example +996 555 123 456."
    ]


def test_a_wrong_check_digit_in_the_machine_readable_zone_is_refused(send):
    mrz = td3_mrz(
        number="AC7654321",
        birth=dt.date(1996, 9, 5),
        expiry=dt.date(2031, 1, 1),
        surname="ASANOV",
        given="BAKYT",
        sex="M",
    )
    line1, line2 = mrz.split("\n")
    wrong = f"{line1}\n{line2[:9]}{(int(line2[9]) + 1) % 10}{line2[10:]}"
    assert errors(send(mrz=wrong), "mrz") == [
        "The check digit of the document number in the machine-readable zone is wrong."
    ]
    assert not Person.objects.exists()


def test_an_arrival_before_the_date_of_birth_is_refused(send):
    assert errors(send(birth_date="05.09.1996", arrival_date="01.03.1995"), "arrival_date") == [
        "The arrival date cannot be before the date of birth."
    ]
    assert not Person.objects.exists()


def test_the_same_form_sent_twice_stores_one_person(send):
    key = str(uuid.uuid4())
    send(submission_key=key)
    send(submission_key=key)
    assert Person.objects.count() == 1 and Stay.objects.count() == 1


def test_an_officer_is_told_in_plain_words_that_a_passport_is_registered(
    sign_in, officer_moscow, places, registered_migrant
):
    response = sign_in(officer_moscow).post(NEW, officer_data(places, document_number="AC1234567"))
    assert errors(response, "document_number") == [
        "This document is already registered. Sign in to your account or ask your consulate."
    ]


# --- The rules hold in the services, whatever the way in ---------------------------------------------


def test_the_service_refuses_a_stay_starting_before_the_persons_birth(registered_migrant, places):
    with pytest.raises(ValidationError) as refused:
        services.stay_add(
            actor=registered_migrant.account,
            person=registered_migrant,
            stay=services.StayInput(
                country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(1990, 1, 1)
            ),
        )
    assert refused.value.message_dict == {"arrival_date": ["The arrival date cannot be before the date of birth."]}
    assert registered_migrant.stays.count() == 1


def test_the_service_refuses_an_officer_a_stay_outside_their_districts(registered_migrant, places, officer_moscow):
    with pytest.raises(ValidationError) as refused:
        services.stay_add(
            actor=officer_moscow,
            person=registered_migrant,
            stay=services.StayInput(
                country=places["RU"], host_region=places["sverdlovsk"], arrival_date=dt.date(2026, 1, 5)
            ),
        )
    assert "outside your consular districts" in refused.value.message_dict["host_region"][0]
    assert registered_migrant.stays.count() == 1


def test_a_migrant_may_declare_a_stay_in_any_district(registered_migrant, places):
    stay, created = services.stay_add(
        actor=registered_migrant.account,
        person=registered_migrant,
        stay=services.StayInput(
            country=places["RU"], host_region=places["sverdlovsk"], arrival_date=dt.date(2026, 1, 5)
        ),
    )
    assert created and stay.consular_district == places["other_district"]


def test_the_service_refuses_a_phone_that_is_not_a_number(places, migrant_account):
    with pytest.raises(ValidationError) as refused:
        services.person_register(
            actor=migrant_account,
            sex="F",
            birth_date=dt.date(1990, 1, 1),
            phone=FORMULA,
            names=[services.NameInput(script="ky-Cyrl", surname="Асанова", given_names="Айым")],
        )
    assert "phone" in refused.value.message_dict
    assert not Person.objects.exists()
