"""Changing an agency and a job offer after they were recorded: the same rules as when they were
recorded (each refusal names its field, nothing is stored half), the licence's status history kept,
a vetted offer that changes awaits vetting again, and a stale edit is refused with what the officer
typed kept."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.employment.models import Agency, Offer
from mekendesh.employment.selectors import licence_check, licence_history, offers_public
from mekendesh.employment.services import (
    agency_update,
    licence_status_change,
    offer_create,
    offer_move,
    offer_update,
)
from mekendesh.workflows.errors import StaleObjectError
from mekendesh.workflows.services import workflow_history


def agency_fields(agency: Agency, **change) -> dict:
    """What the agency's edit form holds now, with ``change`` applied."""
    return {
        "name": agency.name,
        "holder": agency.holder,
        "valid_from": agency.valid_from,
        "valid_until": agency.valid_until,
        "countries": list(agency.countries.all()),
        "address": agency.address,
        "phone": agency.phone,
    } | change


def agency_form(agency: Agency, **change) -> dict:
    """The agency's edit form as a browser sends it."""
    fields = agency_fields(agency, **change)
    return {
        "name": fields["name"],
        "holder": fields["holder"],
        "valid_from": fields["valid_from"].isoformat(),
        "valid_until": fields["valid_until"].isoformat(),
        "countries": [country.pk for country in fields["countries"]],
        "address": fields["address"],
        "phone": fields["phone"],
        "version": change.get("version", agency.version),
    }


def offer_form(offer: Offer, **change) -> dict:
    form = {
        "agency": offer.agency_id,
        "employer": offer.employer,
        "country": offer.country_id,
        "city": offer.city,
        "title": offer.title,
        "isco_code": offer.isco_code,
        "wage": str(offer.wage),
        "currency": offer.currency,
        "hours_per_week": offer.hours_per_week,
        "housing": offer.housing,
        "contract_months": offer.contract_months,
        "positions": offer.positions,
        "expires_on": offer.expires_on.isoformat(),
        "description": offer.description,
        "version": offer.version,
    }
    return form | change


def page_text(response) -> str:
    return html.unescape(response.content.decode())


# --- agencies ---------------------------------------------------------------------------------------


def test_an_officer_renames_an_agency_and_the_public_licence_check_finds_it_by_its_new_name(
    employment_officer, agency, countries
):
    changed = agency_update(
        actor=employment_officer,
        agency=agency,
        expected_version=agency.version,
        **agency_fields(agency, name="ОсОО «Ак Жол Тревел»", holder="Асанов Б.", countries=[countries["RU"]]),
    )
    assert (changed.name, changed.holder, changed.version) == ("ОсОО «Ак Жол Тревел»", "Асанов Б.", 2)
    assert [country.code for country in changed.countries.all()] == ["RU"]
    assert [found.pk for found in licence_check(query="Ak Zhol").agencies] == [agency.pk]
    assert not licence_check(query="Бакыт Жол").agencies
    row = AuditEvent.objects.filter(object_type="employment.agency", action=AuditEvent.Action.UPDATE).get()
    assert set(row.fields) == {"name", "holder", "countries"}


def test_an_edit_keeps_the_licence_status_and_its_history(employment_officer, agency, today):
    agency = licence_status_change(
        actor=employment_officer, agency=agency, action="suspend", reason="Order No. 44 of 02.03.2026"
    )
    changed = agency_update(
        actor=employment_officer,
        agency=agency,
        expected_version=agency.version,
        **agency_fields(agency, valid_until=today + dt.timedelta(days=700)),
    )
    assert changed.status == "suspended"
    assert [(move.action, move.note) for move in licence_history(agency=changed)] == [
        ("suspend", "Order No. 44 of 02.03.2026")
    ]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": "  "}, "name", "Name the agency."),
        ({"holder": ""}, "holder", "Name the licence holder."),
        ({"valid_from": dt.date(2026, 5, 1), "valid_until": dt.date(2026, 4, 1)}, "valid_until", "cannot end"),
    ],
)
def test_a_bad_change_of_an_agency_is_refused_naming_its_field_and_nothing_changes(
    employment_officer, agency, change, field, message
):
    before = Agency.objects.values().get(pk=agency.pk)
    with pytest.raises(ValidationError) as refused:
        agency_update(actor=employment_officer, agency=agency, **agency_fields(agency, **change))
    assert message in refused.value.message_dict[field][0]
    assert Agency.objects.values().get(pk=agency.pk) == before
    assert not AuditEvent.objects.filter(object_type="employment.agency", action=AuditEvent.Action.UPDATE).exists()


def test_the_agency_page_shows_a_licence_ending_before_it_starts_on_its_field(sign_in, employment_officer, agency):
    client = sign_in(employment_officer)
    url = reverse("staff:employment_agency_edit", kwargs={"agency_id": agency.public_id})
    response = client.post(
        url, agency_form(agency, valid_from=dt.date(2026, 5, 1), valid_until=dt.date(2026, 4, 1), name="New name")
    )
    assert response.status_code == 400
    assert 'id="id_valid_until_error"' in response.content.decode()
    assert "The licence cannot end (01.04.2026) before it starts (01.05.2026)." in page_text(response)
    agency.refresh_from_db()
    assert agency.name == "ОсОО «Бакыт Жол»" and agency.version == 1


def test_a_validity_moved_into_the_past_expires_the_licence_through_its_history(
    employment_officer, agency, vetted_offer, today, client
):
    ended = today - dt.timedelta(days=1)
    changed = agency_update(
        actor=employment_officer, agency=agency, **agency_fields(agency, valid_until=ended, countries=[])
    )
    assert changed.status == "expired"
    (move,) = licence_history(agency=changed)
    assert move.action == "expire" and ended.strftime("%d.%m.%Y") in move.note
    assert move.actor == employment_officer
    assert not offers_public().filter(pk=vetted_offer.pk).exists()


def test_a_country_with_open_offers_of_the_agency_cannot_be_taken_off_its_list(
    employment_officer, agency, vetted_offer, countries
):
    with pytest.raises(ValidationError) as refused:
        agency_update(actor=employment_officer, agency=agency, **agency_fields(agency, countries=[countries["KZ"]]))
    assert "has open offers in" in refused.value.message_dict["countries"][0]
    assert countries["RU"].name in refused.value.message_dict["countries"][0]
    assert {country.code for country in agency.countries.all()} == {"RU", "KZ"}
    offer_move(actor=employment_officer, offer=vetted_offer, action="withdraw")
    changed = agency_update(
        actor=employment_officer, agency=agency, **agency_fields(agency, countries=[countries["KZ"]])
    )
    assert [country.code for country in changed.countries.all()] == ["KZ"]


def test_the_licence_number_is_not_on_the_edit_form(sign_in, employment_officer, agency):
    client = sign_in(employment_officer)
    url = reverse("staff:employment_agency_edit", kwargs={"agency_id": agency.public_id})
    page = client.get(url)
    assert page.status_code == 200 and 'name="licence_number"' not in page.content.decode()
    client.post(url, agency_form(agency) | {"licence_number": "XX-1"})
    agency.refresh_from_db()
    assert agency.licence_number == "МТ-2024-015"


def test_a_second_officer_saving_a_stale_agency_form_is_told_and_keeps_what_she_typed(
    sign_in, employment_officer, agency
):
    client = sign_in(employment_officer)
    url = reverse("staff:employment_agency_edit", kwargs={"agency_id": agency.public_id})
    read = agency_form(agency)  # the page both officers opened (version 1)
    agency_update(actor=employment_officer, agency=agency, **agency_fields(agency, phone="+996 312 55 01 02"))
    response = client.post(url, read | {"holder": "Токтогулов Э."})
    text = page_text(response)
    assert response.status_code == 409
    assert "Someone else changed this record while you were editing it." in text
    assert 'value="Токтогулов Э."' in text  # what she typed is kept
    assert "+996 312 55 01 02" in text.split('id="saved-meanwhile"')[1]  # what is saved now, beside it
    assert 'name="version" value="2"' in text
    agency.refresh_from_db()
    assert (agency.holder, agency.version) == ("ОсОО «Бакыт Жол»", 2)
    again = client.post(url, agency_form(agency, holder="Токтогулов Э."))
    assert again.status_code == 302
    agency.refresh_from_db()
    assert (agency.holder, agency.phone, agency.version) == ("Токтогулов Э.", "+996 312 55 01 02", 3)


# --- offers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"wage": 0}, "wage", "The wage must be more than zero."),
        ({"wage": "-1"}, "wage", "The wage must be more than zero."),
        ({"currency": "XYZ"}, "currency", "“XYZ” is not a currency code of ISO 4217"),
        ({"isco_code": "9999"}, "isco_code", "is not an ISCO-08 unit group known here"),
        ({"housing": "castle"}, "housing", "Choose the housing the offer comes with."),
    ],
)
def test_a_bad_change_of_an_offer_is_refused_naming_its_field_and_the_offer_stays_as_vetted(
    employment_officer, vetted_offer, offer_input, change, field, message
):
    with pytest.raises(ValidationError) as refused:
        offer_update(actor=employment_officer, offer=vetted_offer, **(offer_input | change))
    assert message in refused.value.message_dict[field][0]
    stored = Offer.objects.get(pk=vetted_offer.pk)
    assert (stored.status, stored.wage, stored.currency, stored.version) == ("vetted", Decimal(95000), "RUB", 2)
    assert offers_public().filter(pk=vetted_offer.pk).exists()


def test_an_offer_cannot_be_changed_to_close_in_the_past(employment_officer, vetted_offer, offer_input, today):
    with pytest.raises(ValidationError) as refused:
        offer_update(
            actor=employment_officer, offer=vetted_offer, **(offer_input | {"expires_on": today - dt.timedelta(days=1)})
        )
    assert "in the past" in refused.value.message_dict["expires_on"][0]
    assert Offer.objects.get(pk=vetted_offer.pk).expires_on == offer_input["expires_on"]


def test_an_offer_cannot_be_moved_to_a_suspended_agency(employment_officer, vetted_offer, offer_input, today):
    from mekendesh.employment.services import agency_register

    other = agency_register(
        actor=employment_officer,
        name="Бейиш Тур",
        holder="Бейиш Тур",
        licence_number="MT-2025-001",
        valid_from=today - dt.timedelta(days=10),
        valid_until=today + dt.timedelta(days=100),
    )
    licence_status_change(actor=employment_officer, agency=other, action="suspend", reason="Order No. 3")
    with pytest.raises(ValidationError) as refused:
        offer_update(actor=employment_officer, offer=vetted_offer, **(offer_input | {"agency": other}))
    assert "The licence of Бейиш Тур is suspended" in refused.value.message_dict["agency"][0]
    assert Offer.objects.get(pk=vetted_offer.pk).agency_id == vetted_offer.agency_id


def test_an_offer_whose_agency_was_suspended_cannot_be_changed(employment_officer, vetted_offer, offer_input):
    licence_status_change(actor=employment_officer, agency=vetted_offer.agency, action="suspend", reason="No. 12")
    with pytest.raises(ValidationError) as refused:
        offer_update(actor=employment_officer, offer=vetted_offer, **(offer_input | {"wage": 99000}))
    assert "is suspended" in refused.value.message_dict["agency"][0]
    assert Offer.objects.get(pk=vetted_offer.pk).wage == Decimal(95000)


def test_a_vetted_offer_that_is_changed_awaits_vetting_again_and_leaves_the_public_pages(
    client, employment_officer, vetted_offer, offer_input
):
    page = reverse("employment:offer", kwargs={"offer_id": vetted_offer.public_id})
    assert client.get(page).status_code == 200
    changed = offer_update(
        actor=employment_officer,
        offer=vetted_offer,
        expected_version=vetted_offer.version,
        **(offer_input | {"wage": "105000", "hours_per_week": 48}),
    )
    assert (changed.status, changed.wage, changed.hours_per_week) == ("draft", Decimal(105000), 48)
    assert changed.vetted_by is None and changed.vetted_at is None
    assert client.get(page).status_code == 404
    moves = [(move.action, move.to_state) for move in workflow_history(obj=changed)]
    assert moves == [("vet", "vetted"), ("revise", "draft")]
    note = workflow_history(obj=changed)[-1].note
    assert "monthly wage" in note and "hours a week" in note and "to be vetted again" in note
    update = AuditEvent.objects.filter(object_type="employment.offer", action=AuditEvent.Action.UPDATE)
    assert {"hours_per_week", "wage"} in [set(row.fields) for row in update]
    vetted = offer_move(actor=employment_officer, offer=changed, action="vet")
    assert vetted.status == "vetted" and client.get(page).status_code == 200
    assert "105" in client.get(page).content.decode()


def test_an_offer_form_sent_back_unchanged_changes_nothing(sign_in, employment_officer, vetted_offer):
    client = sign_in(employment_officer)
    url = reverse("staff:employment_offer_edit", kwargs={"offer_id": vetted_offer.public_id})
    assert client.post(url, offer_form(vetted_offer)).status_code == 302
    stored = Offer.objects.get(pk=vetted_offer.pk)
    assert (stored.status, stored.version) == ("vetted", vetted_offer.version)


def test_the_offer_page_warns_that_a_vetted_offer_goes_back_to_vetting_and_says_so_when_saved(
    sign_in, employment_officer, vetted_offer
):
    client = sign_in(employment_officer)
    url = reverse("staff:employment_offer_edit", kwargs={"offer_id": vetted_offer.public_id})
    assert "once changed, it awaits vetting again" in page_text(client.get(url))
    done = client.post(url, offer_form(vetted_offer, city="Санкт-Петербург"), follow=True)
    assert "it now awaits vetting again and is not public until then" in page_text(done)
    assert Offer.objects.get(pk=vetted_offer.pk).city == "Санкт-Петербург"


def test_the_staff_form_shows_a_zero_wage_and_an_unknown_currency_on_their_fields(
    sign_in, employment_officer, vetted_offer
):
    client = sign_in(employment_officer)
    url = reverse("staff:employment_offer_edit", kwargs={"offer_id": vetted_offer.public_id})
    response = client.post(url, offer_form(vetted_offer, wage="0", currency="RUR"))
    text = page_text(response)
    assert response.status_code == 400
    assert "The wage must be more than zero." in text.split('id="id_wage_error"')[1]
    assert "“RUR” is not a currency code of ISO 4217" in text.split('id="id_currency_error"')[1]
    stored = Offer.objects.get(pk=vetted_offer.pk)
    assert (stored.wage, stored.currency, stored.status) == (Decimal(95000), "RUB", "vetted")


def test_a_stale_offer_form_is_refused_with_the_typed_wage_kept(sign_in, employment_officer, vetted_offer, offer_input):
    client = sign_in(employment_officer)
    url = reverse("staff:employment_offer_edit", kwargs={"offer_id": vetted_offer.public_id})
    read = offer_form(vetted_offer)
    offer_update(actor=employment_officer, offer=vetted_offer, **(offer_input | {"positions": 5}))
    response = client.post(url, read | {"wage": "123456"})
    text = page_text(response)
    assert response.status_code == 409
    assert "Someone else changed this record while you were editing it." in text
    assert 'value="123456"' in text
    stored = Offer.objects.get(pk=vetted_offer.pk)
    assert (stored.wage, stored.positions) == (Decimal(95000), 5)
    with pytest.raises(StaleObjectError):
        offer_update(actor=employment_officer, offer=vetted_offer, expected_version=read["version"], **offer_input)


def test_a_withdrawn_offer_cannot_be_changed(employment_officer, vetted_offer, offer_input, sign_in):
    withdrawn = offer_move(actor=employment_officer, offer=vetted_offer, action="withdraw")
    with pytest.raises(ValidationError) as refused:
        offer_update(actor=employment_officer, offer=withdrawn, **(offer_input | {"wage": 1}))
    assert "This offer is withdrawn: it cannot be changed." in refused.value.messages
    response = sign_in(employment_officer).get(
        reverse("staff:employment_offer_edit", kwargs={"offer_id": vetted_offer.public_id}), follow=True
    )
    assert "This offer is withdrawn: it cannot be changed." in page_text(response)


def test_an_officer_sends_a_vetted_offer_back_to_vetting_by_hand(sign_in, employment_officer, vetted_offer, client):
    officer = sign_in(employment_officer)
    officer.post(
        reverse("staff:employment_offer_move", kwargs={"offer_id": vetted_offer.public_id}),
        {"action": "revise", "note": "The employer changed the housing.", "version": vetted_offer.version},
    )
    stored = Offer.objects.get(pk=vetted_offer.pk)
    assert stored.status == "draft" and stored.vetted_at is None
    assert workflow_history(obj=stored)[-1].note == "The employer changed the housing."
    assert client.get(reverse("employment:offer", kwargs={"offer_id": stored.public_id})).status_code == 404


def test_a_draft_offer_changed_stays_a_draft_and_records_its_change(employment_officer, offer_input):
    offer = offer_create(actor=employment_officer, **offer_input)
    changed = offer_update(actor=employment_officer, offer=offer, **(offer_input | {"title": "Штукатур"}))
    assert (changed.status, changed.title, changed.version) == ("draft", "Штукатур", 2)
    assert workflow_history(obj=changed) == []
