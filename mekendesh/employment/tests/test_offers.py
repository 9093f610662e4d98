"""Job offers: bad input refused with its message and nothing stored; only vetted, open offers of
agencies with a valid licence are public; a migrant saves an offer and asks about it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.employment.models import Offer, OfferQuestion, SavedOffer
from mekendesh.employment.services import licence_status_change, offer_create, offer_move


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"wage": 0}, "wage", "The wage must be more than zero."),
        ({"wage": -5}, "wage", "The wage must be more than zero."),
        ({"currency": "XYZ"}, "currency", "“XYZ” is not a currency code of ISO 4217"),
        ({"currency": "рубли"}, "currency", "is not a currency code of ISO 4217"),
        ({"isco_code": "1234"}, "isco_code", "is not an ISCO-08 unit group known here"),
        ({"hours_per_week": 0}, "hours_per_week", "Hours a week must be between 1 and 72."),
        ({"contract_months": 0}, "contract_months", "The contract must last between 1 and 60 months."),
    ],
)
def test_a_bad_offer_is_refused_naming_its_field_and_nothing_is_stored(
    employment_officer, offer_input, change, field, message
):
    with pytest.raises(ValidationError) as refused:
        offer_create(actor=employment_officer, **(offer_input | change))
    assert message in refused.value.message_dict[field][0]
    assert not Offer.objects.exists()


def test_an_offer_past_its_expiry_is_refused(employment_officer, offer_input, today):
    with pytest.raises(ValidationError) as refused:
        offer_create(actor=employment_officer, **(offer_input | {"expires_on": today - dt.timedelta(days=1)}))
    assert "in the past" in refused.value.message_dict["expires_on"][0]
    assert not Offer.objects.exists()


def test_an_offer_from_a_suspended_agency_is_refused_with_a_message(employment_officer, agency, offer_input):
    licence_status_change(actor=employment_officer, agency=agency, action="suspend", reason="Decision No. 12")
    agency.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        offer_create(actor=employment_officer, **(offer_input | {"agency": agency}))
    assert "The licence of ОсОО «Бакыт Жол» is suspended" in refused.value.message_dict["agency"][0]
    assert not Offer.objects.exists()


def test_an_offer_in_a_country_the_agency_does_not_serve_is_refused(employment_officer, offer_input, countries):
    with pytest.raises(ValidationError) as refused:
        offer_create(actor=employment_officer, **(offer_input | {"country": countries["KR"]}))
    assert "is not licensed to place workers in" in refused.value.message_dict["country"][0]


def test_the_staff_form_shows_the_unknown_currency_and_the_zero_wage(sign_in, employment_officer, agency, countries):
    client = sign_in(employment_officer)
    response = client.post(
        reverse("staff:employment_offer_new"),
        {
            "agency": agency.pk,
            "employer": "ООО «СтройМонтаж»",
            "country": "RU",
            "city": "Москва",
            "title": "Каменщик",
            "isco_code": "7112",
            "wage": "0",
            "currency": "RUR",
            "hours_per_week": 40,
            "housing": "free",
            "contract_months": 12,
            "positions": 1,
            "expires_on": "2099-01-01",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "The wage must be more than zero." in body
    assert "“RUR” is not a currency code of ISO 4217" in body
    assert not Offer.objects.exists()


def test_only_a_vetted_offer_is_public_and_vetting_records_who_and_when(client, employment_officer, offer_input):
    offer = offer_create(actor=employment_officer, **offer_input)
    assert "Каменщик" not in client.get(reverse("employment:offers")).content.decode()
    assert client.get(reverse("employment:offer", kwargs={"offer_id": offer.public_id})).status_code == 404
    offer = offer_move(actor=employment_officer, offer=offer, action="vet")
    assert offer.vetted_by == employment_officer and offer.vetted_at is not None
    assert "Каменщик" in client.get(reverse("employment:offers")).content.decode()
    assert AuditEvent.objects.filter(object_type="employment.offer").count() == 2  # created, vetted


def test_suspending_the_licence_takes_its_offers_off_the_public_pages(client, employment_officer, vetted_offer):
    page = reverse("employment:offer", kwargs={"offer_id": vetted_offer.public_id})
    assert client.get(page).status_code == 200
    licence_status_change(actor=employment_officer, agency=vetted_offer.agency, action="suspend", reason="No. 12")
    assert client.get(page).status_code == 404
    assert "Каменщик" not in client.get(reverse("employment:offers")).content.decode()
    with pytest.raises(ValidationError) as refused:
        offer_move(actor=employment_officer, offer=vetted_offer, action="vet")
    assert refused.value.messages


def test_an_expired_or_withdrawn_offer_is_not_public(client, employment_officer, vetted_offer, today):
    Offer.objects.filter(pk=vetted_offer.pk).update(expires_on=today - dt.timedelta(days=1))
    assert "Каменщик" not in client.get(reverse("employment:offers")).content.decode()
    Offer.objects.filter(pk=vetted_offer.pk).update(expires_on=today)
    assert "Каменщик" in client.get(reverse("employment:offers")).content.decode()
    offer_move(actor=employment_officer, offer=vetted_offer, action="withdraw")
    assert "Каменщик" not in client.get(reverse("employment:offers")).content.decode()


def test_offers_are_filtered_by_country_and_occupation(
    client, employment_officer, vetted_offer, offer_input, countries
):
    other = offer_create(
        actor=employment_officer,
        **(offer_input | {"country": countries["KZ"], "city": "Алматы", "title": "Швея", "isco_code": "8153"}),
    )
    offer_move(actor=employment_officer, offer=other, action="vet")
    in_russia = client.get(reverse("employment:offers"), {"country": "RU"}).content.decode()
    assert "Каменщик" in in_russia and "Швея" not in in_russia
    operators = client.get(reverse("employment:offers"), {"occupation": "8"}).content.decode()
    assert "Швея" in operators and "Каменщик" not in operators


def test_a_migrant_saves_an_offer_once_and_asks_the_consulate_about_it(
    client, aigerim, vetted_offer, sign_in, employment_officer
):
    save = reverse("migrant:employment_offer_save", kwargs={"offer_id": vetted_offer.public_id})
    client.post(save)
    again = client.post(save, follow=True)
    assert "You saved this offer already: nothing changed." in again.content.decode()
    assert SavedOffer.objects.count() == 1
    ask = reverse("migrant:employment_offer_ask", kwargs={"offer_id": vetted_offer.public_id})
    form = {
        "addressee": "consulate",
        "message": "Is the housing really free?",
        "submission_key": "6b1c0d2e-8f4a-4b7e-9a55-1d2c3b4a5f60",
    }
    client.post(ask, form)
    repeated = client.post(ask, form, follow=True)
    assert "This question was sent already" in repeated.content.decode()
    assert OfferQuestion.objects.count() == 1
    mine = client.get(reverse("migrant:employment")).content.decode()
    assert "Is the housing really free?" in mine and "Каменщик" in mine
    staff = sign_in(employment_officer).get(reverse("staff:employment_questions")).content.decode()
    assert "Is the housing really free?" in staff


def test_an_empty_question_is_refused_and_nothing_is_stored(client, aigerim, vetted_offer):
    ask = reverse("migrant:employment_offer_ask", kwargs={"offer_id": vetted_offer.public_id})
    response = client.post(ask, {"addressee": "agency", "message": ""})
    assert response.status_code == 400
    assert not OfferQuestion.objects.exists()
