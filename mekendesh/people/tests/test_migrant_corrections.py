"""The migrant corrects their own data (names, sex, date of birth), ends a stay, and adds stays
only with the consent to be on the register; a tampered form key answers with a clear message."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people import services
from mekendesh.people.models import NameSource, Person, Script, Stay, StayStatus
from mekendesh.people.tests.test_migrant_pages import stay_data

IDENTITY = reverse("migrant:identity")
STAY_ADD = reverse("migrant:stay_add")


def identity_data(person, **changes):
    data = {"version": person.version, "sex": person.sex, "birth_date": person.birth_date.strftime("%d.%m.%Y")}
    for name in person.names.all():
        data.update(
            {
                f"{name.pk}-surname": name.surname,
                f"{name.pk}-given_names": name.given_names,
                f"{name.pk}-patronymic": name.patronymic,
            }
        )
    data.update(changes)
    return data


def name_of(person, script):
    return person.names.get(script=script)


def test_a_migrant_corrects_their_names_and_date_of_birth(client, aigerim):
    cyrillic, latin = name_of(aigerim, Script.KYRGYZ_CYRILLIC), name_of(aigerim, Script.PASSPORT_LATIN)
    response = client.post(
        IDENTITY,
        identity_data(
            aigerim,
            **{
                f"{cyrillic.pk}-surname": "Токтосун кызы",
                f"{latin.pk}-given_names": "Aigerim ",
                "birth_date": "13.04.1998",
            },
        ),
        follow=True,
    )
    assert "Your names and date of birth are saved." in response.content.decode()
    person = Person.objects.get(pk=aigerim.pk)
    assert person.birth_date == dt.date(1998, 4, 13) and person.version == aigerim.version + 1
    cyrillic.refresh_from_db()
    assert cyrillic.surname == "Токтосун кызы" and cyrillic.source == NameSource.SELF_DECLARED
    assert name_of(person, Script.PASSPORT_LATIN).given_names == "AIGERIM"
    changed = AuditEvent.objects.filter(action="update", person_id=str(aigerim.public_id))
    assert {(row.object_type, tuple(row.fields)) for row in changed} == {
        ("people.person", ("birth_date",)),
        ("people.nameform", ("surname",)),
    }


@pytest.mark.parametrize(
    ("part", "typed", "message"),
    [
        (
            "cyrillic-surname",
            "Toktosunova",
            "Type the name in Cyrillic letters, or choose “Latin letters” for the alphabet it is written in.",
        ),
        ("latin-surname", "Токтосунова", "Type the name in Latin letters as in the passport, for example TOKTOSUNOVA."),
        ("cyrillic-given_names", "Б" * 500, "A name may have at most 100 characters; this one has 500."),
        (
            "latin-surname",
            '=HYPERLINK("x")',
            "Type the name exactly as in the passport: the letters A to Z, spaces, hyphens and apostrophes.",
        ),
    ],
)
def test_a_corrected_name_is_checked_like_at_registration(client, aigerim, part, typed, message):
    script, field = part.split("-", 1)
    name = name_of(aigerim, Script.KYRGYZ_CYRILLIC if script == "cyrillic" else Script.PASSPORT_LATIN)
    response = client.post(IDENTITY, identity_data(aigerim, **{f"{name.pk}-{field}": typed}))
    assert response.context["form"].errors[f"{name.pk}-{field}"] == [message]
    assert Person.objects.get(pk=aigerim.pk).version == aigerim.version


def test_a_corrected_date_of_birth_is_checked_like_at_registration(client, aigerim):
    response = client.post(IDENTITY, identity_data(aigerim, birth_date="31.02.1998"))
    assert response.context["form"].errors["birth_date"] == ["31.02.1998 is not a date: month 02 of 1998 has 28 days."]
    response = client.post(IDENTITY, identity_data(aigerim, birth_date="02.03.2025"))  # after arriving in Moscow
    assert response.context["form"].errors["birth_date"] == [
        "The date of birth cannot be after the arrival date of one of your stays."
    ]
    assert Person.objects.get(pk=aigerim.pk).birth_date == dt.date(1998, 4, 12)


def test_a_stale_correction_is_refused_and_changes_nothing(client, aigerim):
    seen = identity_data(aigerim, sex="M")
    services.person_update(actor=aigerim.account, person=aigerim, phone="+996700123456")
    response = client.post(IDENTITY, seen, follow=True)
    assert "Someone else changed this record" in response.content.decode()
    assert Person.objects.get(pk=aigerim.pk).sex == "F"


def test_a_name_of_someone_else_cannot_be_corrected_through_the_form(client, aigerim, someone_else):
    theirs = someone_else.names.get()
    client.post(IDENTITY, identity_data(aigerim, **{f"{theirs.pk}-surname": "Хакер"}))
    theirs.refresh_from_db()
    assert theirs.surname == "Осмонов"


def test_a_migrant_ends_their_own_stay(client, aigerim):
    stay = aigerim.stays.get()
    assert (
        reverse("migrant:stay_end", kwargs={"stay_id": stay.pk}) in client.get(reverse("migrant:home")).content.decode()
    )
    response = client.post(
        reverse("migrant:stay_end", kwargs={"stay_id": stay.pk}),
        {"version": stay.version, "departure_date": "30.11.2025"},
        follow=True,
    )
    assert "Your stay is ended." in response.content.decode()
    stay.refresh_from_db()
    assert stay.status == StayStatus.ENDED and stay.departure_date == dt.date(2025, 11, 30)
    assert AuditEvent.objects.filter(object_type="people.stay", object_id=str(stay.pk), action="update").exists()


def test_a_departure_before_the_arrival_is_refused_on_the_date_field(client, aigerim):
    stay = aigerim.stays.get()
    response = client.post(
        reverse("migrant:stay_end", kwargs={"stay_id": stay.pk}),
        {"version": stay.version, "departure_date": "01.01.2024"},
    )
    assert response.context["form"].errors["departure_date"] == [
        "The departure date cannot be before the arrival date."
    ]
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED


def test_a_migrant_gets_404_for_ending_someone_elses_stay(client, aigerim, someone_else, places, officer_moscow):
    theirs, _ = services.stay_add(
        actor=officer_moscow,
        person=someone_else,
        stay=services.StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2025, 6, 1)),
    )
    url = reverse("migrant:stay_end", kwargs={"stay_id": theirs.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": theirs.version, "departure_date": "01.07.2025"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.departure_date is None


def test_a_stay_key_of_someone_elses_stay_gets_a_clear_message_not_an_error_page(
    client, aigerim, someone_else, places, officer_moscow
):
    key = uuid.uuid4()
    services.stay_add(
        actor=officer_moscow,
        person=someone_else,
        submission_key=key,
        stay=services.StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2025, 6, 1)),
    )
    response = client.post(STAY_ADD, stay_data(places, submission_key=str(key)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "This form cannot be used: it was made for another registration." in page
    assert str(key) not in page  # a fresh key to send the form again with
    assert aigerim.stays.count() == 1 and someone_else.stays.count() == 1
    fresh = response.context["form"]["submission_key"].value()
    assert client.post(STAY_ADD, stay_data(places, submission_key=fresh)).status_code == 302
    assert aigerim.stays.count() == 2


def test_an_arrival_before_the_migrants_birth_is_refused_for_a_new_stay(client, aigerim, places):
    response = client.post(STAY_ADD, stay_data(places, arrival_date="01.01.1997"))
    assert response.context["form"].errors["arrival_date"] == ["The arrival date cannot be before the date of birth."]
    assert aigerim.stays.count() == 1


def test_after_withdrawing_the_register_consent_no_stay_is_added_until_it_is_given_again(client, aigerim, places):
    client.post(reverse("migrant:consent_withdraw"), {"purpose": "register"})
    page = client.get(STAY_ADD).content.decode()
    assert "You withdrew your consent to be kept on the register" in page
    assert reverse("migrant:consent_give") in page and 'value="register"' in page
    response = client.post(STAY_ADD, stay_data(places))
    assert response.status_code == 409
    assert Stay.objects.filter(person=aigerim).count() == 1

    client.post(reverse("migrant:consent_give"), {"purpose": "register"})
    assert client.post(STAY_ADD, stay_data(places)).status_code == 302
    assert Stay.objects.filter(person=aigerim).count() == 2


def test_the_service_refuses_a_stay_without_the_register_consent(aigerim, places):
    services.consent_withdraw(actor=aigerim.account, person=aigerim, purpose="register")
    with pytest.raises(services.ValidationError, match="withdrew your consent"):
        services.stay_add(
            actor=aigerim.account,
            person=aigerim,
            stay=services.StayInput(country=places["RU"], arrival_date=dt.date(2026, 1, 5)),
        )


# --- Labels and the readable history ------------------------------------------------------------------


def test_the_machine_readable_zone_says_optional_once_and_lists_start_with_a_translated_choice(client, places):
    page = client.get(reverse("migrant:register")).content.decode()
    assert page.count("(optional)") == page.count('class="optional"')
    assert "Machine-readable zone <span" in page
    assert "Select an option" not in page and "Choose…" in page
    assert "Choose…" in client.get(reverse("migrant:districts"), {"origin_region": places["osh"].pk}).content.decode()


def test_the_readable_history_names_records_and_fields_in_words(client, aigerim):
    page = client.get(reverse("migrant:export_page")).content.decode()
    history = page.split("Who has seen or changed your data", 1)[1]
    assert "stay abroad" in history and "date of birth" in history and "region of origin" in history
    for raw in ("birth_date", "origin_region", "nameform", "identitydocument", "arrival_date", "given_at"):
        assert raw not in history
