"""An officer enters a new person and their stay: names in Cyrillic and passport Latin, a checked
passport, the person's consent, and only in the officer's own districts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people.models import Consent, NameSource, Person, Script, Stay
from mekendesh.people.tests.staff_support import officer_entry_data

pytestmark = pytest.mark.kyrgyz_data

NEW = reverse("staff:person_new")


@pytest.fixture
def form_data(places):
    return officer_entry_data(places)


def test_an_officer_registers_a_person_and_lands_on_their_page(sign_in, officer_moscow, form_data):
    response = sign_in(officer_moscow).post(NEW, form_data, follow=True)
    person = Person.objects.get()
    assert response.redirect_chain[-1][0] == reverse("staff:person", kwargs={"public_id": person.public_id})
    assert "The person and their stay are on the register." in response.text
    assert {(n.script, n.source) for n in person.names.all()} == {
        (Script.KYRGYZ_CYRILLIC, NameSource.OFFICER),
        (Script.PASSPORT_LATIN, NameSource.PASSPORT),
    }
    assert person.documents.get().expiry_date == dt.date(2031, 1, 1)
    stay = person.stays.get()
    assert stay.consular_district is not None and stay.consular_district.code == "RU-MOSCOW"


def test_the_persons_consent_is_recorded_with_the_officer_as_its_author(sign_in, officer_moscow, form_data):
    sign_in(officer_moscow).post(NEW, form_data)
    consent = Consent.objects.get(purpose="register")
    row = AuditEvent.objects.get(object_type="people.consent", object_id=str(consent.pk))
    assert row.actor == officer_moscow


def test_without_the_persons_consent_nothing_is_stored(sign_in, officer_moscow, form_data):
    del form_data["consent_register"]
    response = sign_in(officer_moscow).post(NEW, form_data)
    assert "Without the person&#x27;s consent" in response.text
    assert not Person.objects.exists()


def test_an_empty_passport_latin_name_is_written_out_from_the_cyrillic(sign_in, officer_moscow, form_data):
    form_data.update(latin_surname="", latin_given_names="", mrz="")
    sign_in(officer_moscow).post(NEW, form_data)
    latin = Person.objects.get().names.get(script=Script.PASSPORT_LATIN)
    assert (latin.surname, latin.given_names, latin.source) == ("ASANOV", "BAKYT", NameSource.DERIVED)


def test_a_wrong_check_digit_in_the_mrz_is_reported_on_the_mrz_field_and_nothing_is_stored(
    sign_in, officer_moscow, form_data
):
    line1, line2 = form_data["mrz"].split("\n")
    wrong = str((int(line2[9]) + 1) % 10)
    form_data["mrz"] = f"{line1}\n{line2[:9]}{wrong}{line2[10:]}"
    response = sign_in(officer_moscow).post(NEW, form_data)
    assert response.status_code == 200
    assert response.context["form"].errors["mrz"] == [
        "The check digit of the document number in the machine-readable zone is wrong."
    ]
    assert not Person.objects.exists() and not Stay.objects.exists()


def test_a_stay_in_another_consular_district_is_refused_on_the_region_field(sign_in, officer_moscow, places, form_data):
    form_data["host_region"] = places["sverdlovsk"].pk
    response = sign_in(officer_moscow).post(NEW, form_data)
    assert "outside your consular districts" in response.context["form"].errors["host_region"][0]
    assert not Person.objects.exists()


def test_a_region_of_another_country_is_refused_on_the_region_field(sign_in, officer_moscow, places, form_data):
    form_data["country"] = "KZ"
    response = sign_in(officer_moscow).post(NEW, form_data)
    assert response.context["form"].errors["host_region"] == ["This region is not in the chosen country."]


def test_a_name_mixing_cyrillic_and_latin_letters_is_refused_on_its_field(sign_in, officer_moscow, form_data):
    form_data["surname"] = "Асaнов"  # Latin "a" inside a Cyrillic word
    response = sign_in(officer_moscow).post(NEW, form_data)
    assert "mixes Cyrillic and Latin letters" in response.context["form"].errors["surname"][0]
    assert not Person.objects.exists()


def test_a_future_date_of_birth_is_refused(sign_in, officer_moscow, form_data):
    form_data.update(birth_date=(dt.date.today() + dt.timedelta(days=3)).isoformat(), mrz="")
    response = sign_in(officer_moscow).post(NEW, form_data)
    assert response.context["form"].errors["birth_date"] == ["The date of birth cannot be in the future."]


def test_sending_the_same_form_twice_registers_the_person_once(sign_in, officer_moscow, form_data):
    client = sign_in(officer_moscow)
    client.post(NEW, form_data)
    response = client.post(NEW, form_data, follow=True)
    assert Person.objects.count() == 1
    assert "This form was already sent" in response.text


def test_a_passport_already_on_the_register_is_refused_on_the_number_field(
    sign_in, officer_moscow, registered_migrant, form_data
):
    form_data.update(document_number="AC1234567", mrz="")
    response = sign_in(officer_moscow).post(NEW, form_data)
    assert "already registered" in response.context["form"].errors["document_number"][0]
    assert reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}) in response.text
    assert Person.objects.count() == 1


def test_after_saving_a_look_alike_the_page_proposes_the_person_already_registered(
    sign_in, officer_moscow, registered_migrant, form_data
):
    form_data.update(
        surname="Токтосунова",
        given_names="Айгерим",
        patronymic="",
        latin_surname="",
        latin_given_names="",
        sex="F",
        birth_date="1998-04-12",
        document_number="AC5550001",
        mrz="",
    )
    response = sign_in(officer_moscow).post(NEW, form_data, follow=True)
    assert reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}) in response.text
    assert "Possible duplicates" in response.text
    assert Person.objects.count() == 2


def test_only_a_consular_officer_may_register_people(sign_in, analyst, statistician, form_data):
    for user in (analyst, statistician):
        assert sign_in(user).post(NEW, form_data).status_code == 404
    assert not Person.objects.exists()
