"""Asking for help: a registered migrant for herself, a relative or representative for someone
else with their consent recorded. A request lands at the consulate of the place it names, or at the
ministry where no consulate serves it; the same form sent twice is one request."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.cases import services
from mekendesh.cases.models import Case, CaseRepresentative
from mekendesh.people.models import Consent

HELP = reverse("migrant:case_help")
HELP_OTHER = reverse("migrant:case_help_other")


def help_data(places, **changes):
    data = {
        "submission_key": str(uuid.uuid4()),
        "case_type": "unpaid_wages",
        "country": "RU",
        "host_region": str(places["moscow"].pk),
        "summary": "The employer has not paid me for three months.",
        "contact_consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def help_other_data(places, **changes):
    data = {
        "submission_key": str(uuid.uuid4()),
        "subject_name": "Бакыт  Асанов",
        "subject_birth_date": "05.09.1996",
        "case_type": "detention",
        "country": "RU",
        "host_region": str(places["moscow"].pk),
        "summary": "My brother was detained in Moscow on Friday and has not called since.",
        "representative_name": "Асанова Гүлнара",
        "relationship": "sibling",
        "phone": "+996 555 123 456",
        "email": "gulnara@example.com",
        "consent_basis": "cannot_agree",
        "consent_confirmed": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def relative(db):
    """An account of a relative who is not on the register herself."""
    from mekendesh.accounts.models import User

    return User.objects.create_user(email="gulnara@example.com", password="correct-horse-battery-7", role="migrant")


def test_the_help_form_is_prefilled_with_where_the_migrant_stays_now(client, aigerim, places):
    page = client.get(HELP).content.decode()
    assert '<option value="RU" selected>' in page
    assert f'<option value="{places["moscow"].pk}" selected>' in page


def test_a_migrant_asks_for_help_and_the_request_awaits_the_consulate_of_her_place(client, aigerim, places):
    response = client.post(HELP, help_data(places))
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("migrant:case", args=[case.public_id])
    assert (case.status, case.origin, case.person, case.consular_district) == (
        "requested",
        "request",
        aigerim,
        places["moscow_district"],
    )
    assert case.host_country == places["RU"] and case.case_type == "unpaid_wages"
    page = client.get(response["Location"]).content.decode()
    assert "Your request has reached the consulate." in page and "Embassy in Moscow" in page
    assert "Your request is sent. Follow it here." in page


def test_asking_with_the_contact_box_ticked_records_the_consent_to_be_contacted(client, aigerim, places):
    client.post(HELP, help_data(places))
    assert Consent.objects.filter(person=aigerim, purpose="consular_contact", withdrawn_at=None).exists()
    assert "The consulate may contact me" not in client.get(HELP).content.decode()  # not asked twice


def test_asking_without_the_contact_box_records_no_consent(client, aigerim, places):
    client.post(HELP, help_data(places, contact_consent=None))
    assert Case.objects.count() == 1
    assert not Consent.objects.filter(person=aigerim, purpose="consular_contact").exists()


def test_a_request_from_a_country_no_consulate_serves_lands_at_the_ministry(client, aigerim, places):
    response = client.post(HELP, help_data(places, country="AM", host_region=""))  # Armenia: no consulate
    case = Case.objects.get()
    assert case.consular_district is None and case.host_country_id == "AM"
    page = client.get(response["Location"]).content.decode()
    assert "the ministry" in page


def test_a_request_in_a_country_of_several_consulates_needs_the_region(client, aigerim, places):
    response = client.post(HELP, help_data(places, host_region=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose the region: this country is served by several consulates." in page
    assert 'href="#field-host_region"' in page and not Case.objects.exists()


def test_a_region_of_another_country_is_refused_naming_the_region(client, aigerim, places):
    page = client.post(HELP, help_data(places, country="KZ")).content.decode()
    assert "This region is not in the chosen country." in page and not Case.objects.exists()


@pytest.mark.parametrize(
    ("field", "message"),
    [("summary", "Tell the consulate what happened."), ("case_type", "Choose what the request is about.")],
)
def test_a_request_missing_what_or_why_is_refused_naming_the_field(client, aigerim, places, field, message):
    page = client.post(HELP, help_data(places, **{field: ""})).content.decode()
    assert message in page and f'href="#field-{field}"' in page and not Case.objects.exists()


def test_the_same_request_sent_twice_is_one_case(client, aigerim, places):
    data = help_data(places)
    first = client.post(HELP, data)
    again = client.post(HELP, data)
    assert Case.objects.count() == 1 and first["Location"] == again["Location"]


def test_an_account_without_a_registration_is_told_to_register_before_asking_for_itself(client, relative, places):
    client.force_login(relative)
    page = client.get(HELP).content.decode()
    assert "Register your stay abroad first" in page
    assert reverse("migrant:register") in page and HELP_OTHER in page
    client.post(HELP, help_data(places))
    assert not Case.objects.exists()


def test_staff_do_not_ask_for_help_through_the_migrants_pages(sign_in, officer_moscow, places):
    client = sign_in(officer_moscow)
    assert client.get(HELP).status_code == 404
    assert client.post(HELP_OTHER, help_other_data(places)).status_code == 404
    assert not Case.objects.exists()


def test_a_relative_without_a_registration_asks_for_help_for_her_brother_with_her_consent_recorded(
    client, relative, places
):
    client.force_login(relative)
    assert 'value="gulnara@example.com"' in client.get(HELP_OTHER).content.decode()
    response = client.post(HELP_OTHER, help_other_data(places))
    case = Case.objects.get()
    assert response["Location"] == reverse("migrant:case", args=[case.public_id])
    assert (case.status, case.origin, case.person, case.subject_name) == (
        "requested",
        "representative",
        None,
        "Бакыт Асанов",
    )
    assert case.subject_birth_date == dt.date(1996, 9, 5) and case.consular_district == places["moscow_district"]
    representative = case.representative
    assert (representative.account, representative.full_name, representative.relationship) == (
        relative,
        "Асанова Гүлнара",
        "sibling",
    )
    assert (representative.phone, representative.email, representative.consent_basis) == (
        "+996555123456",
        "gulnara@example.com",
        "cannot_agree",
    )
    assert representative.consent_wording_version and representative.consent_given_at
    page = client.get(response["Location"]).content.decode()
    assert "You asked for help for Бакыт Асанов." in page
    listing = client.get(reverse("migrant:cases")).content.decode()
    assert "Asked for someone else" in listing and "For Бакыт Асанов" in listing


def test_a_representatives_request_without_the_consent_confirmed_is_refused_and_nothing_is_stored(
    client, relative, places
):
    client.force_login(relative)
    for missing in ({"consent_confirmed": None}, {"consent_basis": None}):
        response = client.post(HELP_OTHER, help_other_data(places, **missing))
        page = response.content.decode()
        assert response.status_code == 200
        assert "without it the consulate cannot take your request" in page
        assert 'href="#field-consent_confirmed"' in page
    assert not Case.objects.exists() and not CaseRepresentative.objects.exists()


def test_the_service_refuses_a_request_for_someone_else_without_consent_naming_the_confirmation(relative, places):
    with pytest.raises(ValidationError) as refused:
        services.case_request_for_other(
            actor=relative,
            representative=services.RepresentativeInput(
                full_name="Асанова Гүлнара", relationship="sibling", consent_basis="agreed", consent_confirmed=False
            ),
            subject=services.SubjectInput(full_name="Бакыт Асанов"),
            case_type="detention",
            country=places["RU"],
            host_region=places["moscow"],
            summary="Detained on Friday.",
        )
    assert set(refused.value.message_dict) == {"consent_confirmed"}
    assert not Case.objects.exists()


def test_a_birth_date_in_the_future_is_refused_naming_the_field(client, relative, places):
    client.force_login(relative)
    page = client.post(HELP_OTHER, help_other_data(places, subject_birth_date="01.01.2099")).content.decode()
    assert 'href="#field-subject_birth_date"' in page and not Case.objects.exists()


def test_the_same_request_for_someone_else_sent_twice_is_one_case(client, relative, places):
    client.force_login(relative)
    data = help_other_data(places)
    client.post(HELP_OTHER, data)
    client.post(HELP_OTHER, data)
    assert Case.objects.count() == 1 and CaseRepresentative.objects.count() == 1


def test_a_registered_migrant_may_ask_for_someone_else_too(client, aigerim, places):
    response = client.post(HELP_OTHER, help_other_data(places, representative_name="Токтосунова Айгерим"))
    assert response.status_code == 302 and Case.objects.get().representative.account == aigerim.account


def test_once_the_consulate_finds_the_person_she_follows_the_case_herself(
    client, relative, aigerim, officer_moscow, places
):
    """A relative asked for Aigerim; the consulate accepts and links the case to her registration."""
    other = client.__class__()
    other.force_login(relative)
    other.post(HELP_OTHER, help_other_data(places, subject_name="Айгерим Токтосунова"))
    case = Case.objects.get()
    case = services.case_move(actor=officer_moscow, case=case, action="accept")
    services.case_person_link(actor=officer_moscow, case=case, person=aigerim)
    listing = client.get(reverse("migrant:cases")).content.decode()
    assert case.number in listing
    page = client.get(reverse("migrant:case", args=[case.public_id])).content.decode()
    assert "Asked for by" in page and "Асанова Гүлнара" in page and "gulnara@example.com" not in page
    relatives_page = other.get(reverse("migrant:case", args=[case.public_id]))
    assert relatives_page.status_code == 200
    # The relative reads the name she gave, not what the register holds about the person.
    assert "You asked for help for Айгерим Токтосунова." in relatives_page.content.decode()
    assert "Асан кызы" not in relatives_page.content.decode()
