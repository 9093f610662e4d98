"""The migrant's own pages: they show and change only the signed-in migrant's own person."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people.models import Consent, Stay

pytestmark = pytest.mark.kyrgyz_data

HOME = reverse("migrant:home")
EDIT = reverse("migrant:edit")
STAY_ADD = reverse("migrant:stay_add")


def stay_data(places, **changes):
    data = {
        "submission_key": str(uuid.uuid4()),
        "country": "RU",
        "host_region": str(places["sverdlovsk"].pk),
        "city": "Екатеринбург",
        "address": "",
        "employer": "ИП Иванов",
        "purpose": "work",
        "permit_type": "patent",
        "permit_expiry": "",
        "arrival_date": "10.01.2026",
    }
    data.update(changes)
    return data


def test_the_outsider_is_sent_to_sign_in(client, db):
    response = client.get(HOME)
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_a_migrant_sees_their_names_masked_document_stays_and_consents(client, aigerim):
    page = client.get(HOME).content.decode()
    assert "Токтосунова Айгерим Асан кызы" in page and "TOKTOSUNOVA AIGERIM" in page
    assert "••••••567" in page and "AC1234567" not in page
    assert "declared" in page and "Moscow" in page
    assert "Withdraw this consent" in page and "Give this consent" in page  # reminders given, contact not


def test_a_migrant_sees_nobody_elses_data(client, aigerim, someone_else):
    for url in (HOME, reverse("migrant:export_page"), reverse("migrant:export_json")):
        body = client.get(url).content.decode()
        assert "Осмонов" not in body and "nurlan@example.com" not in body and "AN0000001" not in body


def test_an_account_without_a_registration_is_offered_to_register(client, migrant_account):
    client.force_login(migrant_account)
    response = client.get(HOME)
    assert response.status_code == 200
    assert reverse("migrant:register") in response.content.decode()


def test_a_migrant_corrects_their_contacts_and_origin(client, aigerim, places):
    response = client.post(
        EDIT,
        {
            "email": "aigerim.new@example.com",
            "phone": "+7 999 123-45-67",
            "origin_region": places["osh"].pk,
            "origin_district": "",
            "version": aigerim.version,
        },
    )
    assert response.status_code == 302
    aigerim.refresh_from_db()
    assert (aigerim.email, aigerim.phone, aigerim.origin_district) == ("aigerim.new@example.com", "+79991234567", None)
    row = AuditEvent.objects.filter(person_id=str(aigerim.public_id), action="update").last()
    assert row is not None
    assert row.actor == aigerim.account and set(row.fields) == {"email", "phone", "origin_district"}


def test_a_stale_edit_is_refused_and_changes_nothing(client, aigerim, places):
    stale_version = aigerim.version
    client.post(
        EDIT,
        {
            "email": "first@example.com",
            "phone": "",
            "origin_region": places["osh"].pk,
            "origin_district": places["kara_suu"].pk,
            "version": stale_version,
        },
    )
    response = client.post(
        EDIT,
        {
            "email": "second@example.com",
            "phone": "",
            "origin_region": places["osh"].pk,
            "origin_district": places["kara_suu"].pk,
            "version": stale_version,
        },
        follow=True,
    )
    assert "Someone else changed this record" in response.content.decode()
    aigerim.refresh_from_db()
    assert aigerim.email == "first@example.com"


def test_a_phone_without_country_code_is_refused_on_the_phone_field(client, aigerim, places):
    response = client.post(
        EDIT,
        {
            "email": "",
            "phone": "0555 12 34",
            "origin_region": places["osh"].pk,
            "origin_district": "",
            "version": aigerim.version,
        },
    )
    assert response.context["form"].errors["phone"] == [
        "Type the phone number with its country code, for example +996 555 123 456."
    ]


def test_a_tampered_person_field_on_the_edit_form_changes_only_the_migrant_themself(
    client, aigerim, someone_else, places
):
    client.post(
        EDIT,
        {
            "email": "mine@example.com",
            "phone": "",
            "origin_region": places["osh"].pk,
            "origin_district": "",
            "version": aigerim.version,
            "person": someone_else.pk,
            "person_id": someone_else.pk,
            "public_id": str(someone_else.public_id),
        },
    )
    someone_else.refresh_from_db()
    aigerim.refresh_from_db()
    assert someone_else.email == "nurlan@example.com" and someone_else.version == 1
    assert aigerim.email == "mine@example.com"


def test_a_migrant_adds_a_new_stay_once_even_when_the_form_is_sent_twice(client, aigerim, places):
    data = stay_data(places)
    assert client.post(STAY_ADD, data).status_code == 302
    assert client.post(STAY_ADD, data).status_code == 302
    stays = Stay.objects.filter(person=aigerim)
    assert stays.count() == 2  # the one from the fixture and this one
    new = stays.get(city="Екатеринбург")
    assert new.status == "declared" and new.consular_district == places["other_district"]
    assert AuditEvent.objects.filter(object_type="people.stay", object_id=str(new.pk), action="create").count() == 1


def test_a_region_of_another_country_is_refused_for_a_stay(client, aigerim, places):
    response = client.post(STAY_ADD, stay_data(places, country="KZ"))
    assert response.context["form"].errors["host_region"] == ["This region is not in the chosen country."]


def test_withdrawing_a_consent_is_recorded_with_its_time(client, aigerim):
    response = client.post(reverse("migrant:consent_withdraw"), {"purpose": "reminders"})
    assert response.status_code == 302
    consent = Consent.objects.get(person=aigerim, purpose="reminders")
    assert consent.withdrawn_at is not None
    row = AuditEvent.objects.filter(object_type="people.consent", object_id=str(consent.pk)).last()
    assert row is not None
    assert row.action == "update" and row.fields == ["withdrawn_at"] and row.actor == aigerim.account
    assert "Give this consent" in client.get(HOME).content.decode()


def test_withdrawing_the_register_consent_hides_the_migrant_from_staff_but_not_from_themself(
    client, aigerim, officer_moscow
):
    from mekendesh.people.selectors import people_visible_to

    assert people_visible_to(officer_moscow).filter(pk=aigerim.pk).exists()
    client.post(reverse("migrant:consent_withdraw"), {"purpose": "register"})
    assert not people_visible_to(officer_moscow).filter(pk=aigerim.pk).exists()
    assert client.get(HOME).status_code == 200
    client.post(reverse("migrant:consent_give"), {"purpose": "register"})
    assert people_visible_to(officer_moscow).filter(pk=aigerim.pk).exists()
    assert Consent.objects.filter(person=aigerim, purpose="register").count() == 2  # history is kept


def test_an_unknown_consent_purpose_is_refused(client, aigerim):
    assert client.post(reverse("migrant:consent_withdraw"), {"purpose": "everything"}).status_code == 400


def test_a_registered_migrant_opening_the_registration_form_is_sent_to_add_a_stay(client, aigerim):
    response = client.get(reverse("migrant:register"))
    assert response.status_code == 302 and response.url == STAY_ADD


def test_staff_have_no_migrant_data_of_their_own(client, staff_client, officer_moscow, registered_migrant):
    # The officer has passed their second factor, so the migrant's pages themselves answer: a staff
    # account has no person of its own, so home offers registration and the downloads do not exist.
    staff_client(officer_moscow, client)
    home = client.get(HOME)
    assert home.status_code == 200
    assert home.templates[0].name == "migrant/not_registered.html"
    responses = [home]
    for url in (reverse("migrant:export_json"), reverse("migrant:export_csv"), reverse("migrant:export_page")):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.get("Content-Disposition") is None
        responses.append(response)
    for response in responses:
        body = response.content.decode()
        assert "Токтосунова" not in body and "AC1234567" not in body and registered_migrant.email not in body
