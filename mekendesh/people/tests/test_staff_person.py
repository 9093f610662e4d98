"""The person page on the staff side: names in every script, documents, stays, consents and
possible duplicates; every view of it leaves an audit row."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people.models import ConsentPurpose, Script
from mekendesh.people.services import NameInput, StayInput, person_register, stay_add


def person_url(person) -> str:
    return reverse("staff:person", kwargs={"public_id": person.public_id})


@pytest.fixture
def look_alike(places, officer_moscow):
    """Another registration of Aigerim, typed from a Russian list: same birth date, no document."""
    person = person_register(
        actor=officer_moscow,
        sex="F",
        birth_date=dt.date(1998, 4, 12),
        names=[
            NameInput(
                script=Script.RUSSIAN_CYRILLIC,
                surname="Токтосунова",
                given_names="Айгерим",
                patronymic="Асановна",
                source="officer",
            )
        ],
        consents=[ConsentPurpose.REGISTER],
    )
    stay_add(
        actor=officer_moscow,
        person=person,
        stay=StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2025, 5, 1)),
    )
    return person


def test_the_moscow_officer_sees_every_name_form_with_its_script_and_source(
    sign_in, officer_moscow, registered_migrant
):
    page = sign_in(officer_moscow).get(person_url(registered_migrant))
    assert page.status_code == 200
    assert "Токтосунова Айгерим Асан кызы" in page.text
    assert "TOKTOSUNOVA AIGERIM" in page.text
    assert "Kyrgyz Cyrillic" in page.text and "passport Latin (ICAO 9303)" in page.text
    assert "declared by the person" in page.text and "from the passport" in page.text


def test_the_page_suggests_other_spellings_of_the_name_to_look_for(sign_in, officer_moscow, registered_migrant):
    page = sign_in(officer_moscow).get(person_url(registered_migrant))
    assert "Other spellings to look for" in page.text
    assert "TOKTOSUNOVA AYGERIM ASAN KYZY" in page.text  # the pre-2013 passport style


def test_the_moscow_officer_sees_the_full_passport_number(sign_in, officer_moscow, registered_migrant):
    page = sign_in(officer_moscow).get(person_url(registered_migrant))
    assert "AC1234567" in page.text


def test_a_screening_analyst_sees_the_person_but_only_a_masked_passport_number(sign_in, analyst, registered_migrant):
    page = sign_in(analyst).get(person_url(registered_migrant))
    assert page.status_code == 200
    assert "Токтосунова" in page.text
    assert "AC1234567" not in page.text
    assert "••••••567" in page.text


def test_a_declared_stay_has_a_status_badge_and_a_verify_button_carrying_its_version(
    sign_in, officer_moscow, registered_migrant
):
    stay = registered_migrant.stays.get()
    page = sign_in(officer_moscow).get(person_url(registered_migrant))
    assert 'class="badge declared"' in page.text
    assert reverse("staff:stay_verify", kwargs={"stay_id": stay.pk}) in page.text
    assert f'name="version" value="{stay.version}"' in page.text


def test_an_analyst_gets_no_verify_button(sign_in, analyst, registered_migrant):
    stay = registered_migrant.stays.get()
    page = sign_in(analyst).get(person_url(registered_migrant))
    assert reverse("staff:stay_verify", kwargs={"stay_id": stay.pk}) not in page.text


def test_the_page_lists_the_persons_consents(sign_in, officer_moscow, registered_migrant):
    page = sign_in(officer_moscow).get(person_url(registered_migrant))
    assert "keeping me on the register of citizens abroad" in page.text
    assert "reminders before my permit or registration expires" in page.text


def test_a_look_alike_is_proposed_as_a_possible_duplicate_with_score_and_reasons_and_not_merged(
    sign_in, officer_moscow, registered_migrant, look_alike
):
    page = sign_in(officer_moscow).get(person_url(registered_migrant))
    assert person_url(look_alike) in page.text
    assert "likely the same person" in page.text
    assert "Date of birth: the same (+" in page.text
    assert "Surname: the same (+" in page.text
    assert "Patronymic: the same (+" in page.text  # Асан кызы and Асановна: one father
    assert "score " in page.text
    assert registered_migrant.names.count() == 2 and look_alike.names.count() == 1


def test_a_namesake_with_another_fathers_name_and_birth_date_is_not_proposed(registered_migrant, places):
    from mekendesh.people.selectors import person_duplicates

    namesake = person_register(
        actor=None,
        sex="F",
        birth_date=dt.date(1995, 1, 3),
        names=[
            NameInput(
                script=Script.RUSSIAN_CYRILLIC, surname="Токтосунова", given_names="Айгерим", patronymic="Бакытовна"
            )
        ],
        consents=[ConsentPurpose.REGISTER],
    )
    # the same name, born another day: found by the index of names (as screening's blocking
    # finds it), and weighed down by the model for the other father and the other birth date
    assert [candidate.person for candidate in person_duplicates(person=registered_migrant)] == []
    assert [candidate.person for candidate in person_duplicates(person=namesake)] == []
    same_day = person_register(
        actor=None,
        sex="F",
        birth_date=dt.date(1998, 4, 12),
        names=[NameInput(script=Script.RUSSIAN_CYRILLIC, surname="Токтосунова", given_names="Айгерим")],
        consents=[ConsentPurpose.REGISTER],
    )
    proposed = person_duplicates(person=registered_migrant)
    assert [candidate.person for candidate in proposed] == [same_day]
    assert proposed[0].decision == "match"


def test_a_namesake_born_the_same_day_to_another_father_ranks_below_one_with_the_same_father(
    registered_migrant, look_alike
):
    from mekendesh.people.selectors import person_duplicates

    other_father = person_register(
        actor=None,
        sex="F",
        birth_date=dt.date(1998, 4, 12),
        names=[
            NameInput(
                script=Script.RUSSIAN_CYRILLIC, surname="Токтосунова", given_names="Айгерим", patronymic="Бакытовна"
            )
        ],
        consents=[ConsentPurpose.REGISTER],
    )
    # the passport's Latin form gives no father's name: the Kyrgyz form's Асан кызы is his
    proposed = person_duplicates(person=registered_migrant)
    assert [candidate.person for candidate in proposed] == [look_alike, other_father]
    assert "Patronymic: different (−" in " ".join(proposed[1].reasons)
    assert proposed[0].weight > proposed[1].weight


def test_each_view_of_the_page_writes_an_audit_read_row(sign_in, officer_moscow, registered_migrant):
    client = sign_in(officer_moscow)
    client.get(person_url(registered_migrant))
    client.get(person_url(registered_migrant))
    reads = AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, actor=officer_moscow, object_id=str(registered_migrant.public_id)
    )
    assert reads.count() == 2
    first = reads.first()
    assert first is not None
    assert first.path == person_url(registered_migrant)


def test_an_officer_of_another_district_gets_404_for_a_moscow_person(sign_in, officer_other, registered_migrant):
    assert sign_in(officer_other).get(person_url(registered_migrant)).status_code == 404


def test_a_refused_view_writes_no_audit_read_row(sign_in, officer_other, registered_migrant):
    sign_in(officer_other).get(person_url(registered_migrant))
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.READ, actor=officer_other).exists()


def test_a_person_who_withdrew_consent_is_shown_to_no_officer(sign_in, officer_moscow, registered_migrant):
    from mekendesh.people.services import consent_withdraw

    consent_withdraw(actor=registered_migrant.account, person=registered_migrant, purpose=ConsentPurpose.REGISTER)
    assert sign_in(officer_moscow).get(person_url(registered_migrant)).status_code == 404


def test_a_made_up_person_id_answers_404(sign_in, officer_moscow, registered_migrant):
    url = reverse("staff:person", kwargs={"public_id": "00000000-0000-4000-8000-000000000000"})
    assert sign_in(officer_moscow).get(url).status_code == 404


def test_the_duplicates_panel_writes_an_audit_read_row_for_each_person_it_shows(
    sign_in, officer_moscow, registered_migrant, look_alike
):
    sign_in(officer_moscow).get(person_url(registered_migrant))
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, actor=officer_moscow)
    assert set(reads.values_list("person_id", flat=True)) == {
        str(registered_migrant.public_id),
        str(look_alike.public_id),
    }
    assert reads.get(person_id=str(look_alike.public_id)).path == person_url(registered_migrant)


def test_contacts_are_hidden_until_the_person_agrees_to_be_contacted(sign_in, officer_moscow, registered_migrant):
    from mekendesh.people.services import consent_grant, consent_withdraw, person_update

    person_update(actor=officer_moscow, person=registered_migrant, phone="+79161234567")
    client = sign_in(officer_moscow)
    page = client.get(person_url(registered_migrant))
    assert "The person has not agreed to be contacted" in page.text
    assert "aigerim@example.com" not in page.text and "+79161234567" not in page.text
    api = reverse("api:person_detail", kwargs={"public_id": registered_migrant.public_id})
    assert client.get(api).json()["email"] is None

    consent_grant(actor=registered_migrant.account, person=registered_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT)
    page = client.get(person_url(registered_migrant))
    assert "aigerim@example.com" in page.text and "+79161234567" in page.text
    assert "The person has not agreed to be contacted" not in page.text
    assert client.get(api).json()["phone"] == "+79161234567"

    consent_withdraw(
        actor=registered_migrant.account, person=registered_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT
    )
    page = client.get(person_url(registered_migrant))
    assert "aigerim@example.com" not in page.text and "The person has not agreed to be contacted" in page.text
