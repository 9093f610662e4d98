"""Helpers shared by the staff-side tests: machine-readable zones with correct check digits. (The
fixtures ``sign_in`` and ``officer_moscow_2`` are in ``mekendesh/conftest.py``.)"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from mekendesh.lib.mrz import check_digit
from mekendesh.people.models import Script


def td3_mrz(
    *, number: str, birth: dt.date, expiry: dt.date, surname: str, given: str, sex: str = "F", state: str = "KGZ"
) -> str:
    """A passport (TD3) machine-readable zone with correct check digits."""
    line1 = f"P<{state}{surname}<<{given.replace(' ', '<')}".ljust(44, "<")[:44]
    number_field = number.ljust(9, "<")
    birth_field, expiry_field = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    optional = "<" * 14
    line2 = (
        number_field
        + check_digit(number_field)
        + state
        + birth_field
        + check_digit(birth_field)
        + sex
        + expiry_field
        + check_digit(expiry_field)
        + optional
        + "<"
    )
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return f"{line1}\n{line2 + check_digit(composite)}"


def officer_entry_data(places: dict[str, Any]) -> dict[str, Any]:
    """The officer's entry form for Bakyt Asanov from Kara-Suu, staying in Moscow, with a correct
    machine-readable zone."""
    return {
        "submission_key": str(uuid.uuid4()),
        "name_script": Script.KYRGYZ_CYRILLIC,
        "surname": "Асанов",
        "given_names": "Бакыт",
        "patronymic": "Нурланович",
        "latin_surname": "ASANOV",
        "latin_given_names": "BAKYT",
        "sex": "M",
        "birth_date": "1990-05-17",
        "origin_region": places["osh"].pk,
        "origin_district": places["kara_suu"].pk,
        "issuing_country": "KG",
        "document_number": "AC7654321",
        "mrz": td3_mrz(
            number="AC7654321",
            birth=dt.date(1990, 5, 17),
            expiry=dt.date(2031, 1, 1),
            surname="ASANOV",
            given="BAKYT",
            sex="M",
        ),
        "country": "RU",
        "host_region": places["moscow"].pk,
        "city": "Moscow",
        "employer": "ООО «Стройка»",
        "purpose": "work",
        "permit_type": "patent",
        "arrival_date": "2025-02-01",
        "consent_register": "on",
    }


def namesakes_add(
    places: dict[str, Any],
    count: int,
    *,
    surname: str,
    given_names: str,
    sex: str,
    birth_date: Callable[[int], dt.date],
    start: int = 0,
) -> None:
    """``count`` people of one name working in Moscow (born on ``birth_date(index)``), stored in
    bulk with their name words, consent and stay, and no audit rows: tests that count the queries
    of a page use it, so that the set-up is not counted."""
    from django.utils import timezone

    from mekendesh.people.models import Consent, ConsentPurpose, NameForm, Person, Stay
    from mekendesh.people.search_index import name_tokens_write
    from mekendesh.people.services import name_search_key

    Person.objects.bulk_create(Person(sex=sex, birth_date=birth_date(index)) for index in range(start, start + count))
    people = list(Person.objects.order_by("-pk")[:count])  # primary keys on every database
    NameForm.objects.bulk_create(
        NameForm(
            person=person,
            script=Script.KYRGYZ_CYRILLIC,
            source="officer",
            surname=surname,
            given_names=given_names,
            is_primary=True,
            search_key=name_search_key(surname, given_names),
        )
        for person in people
    )
    name_tokens_write(names=NameForm.objects.filter(person__in=people))
    Consent.objects.bulk_create(
        Consent(person=person, purpose=ConsentPurpose.REGISTER, wording_version="1", given_at=timezone.now())
        for person in people
    )
    Stay.objects.bulk_create(
        Stay(
            person=person,
            country=places["RU"],
            host_region=places["moscow"],
            city="Moscow",
            arrival_date=dt.date(2025, 1, 1),
            consular_district=places["moscow_district"],
        )
        for person in people
    )
