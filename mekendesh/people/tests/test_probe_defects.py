"""Defects found when the running demo was probed: a replayed form of another officer, a stay
placed in a district by a typed city, and registration pages that told whether an address has
an account."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from mekendesh.accounts.models import User
from mekendesh.people.models import Person, Stay
from mekendesh.people.tests.staff_support import officer_entry_data
from mekendesh.people.tests.test_registration_page import REGISTER, registration_data

pytestmark = pytest.mark.kyrgyz_data

NEW = reverse("staff:person_new")


@pytest.fixture
def form_data(places):
    """The officer's entry form for Bakyt Asanov, staying in Moscow."""
    return officer_entry_data(places)


def test_a_staff_form_replaying_another_officers_submission_key_is_refused_and_shows_nothing_of_theirs(
    sign_in, officer_moscow, officer_moscow_2, form_data
):
    first = sign_in(officer_moscow).post(NEW, form_data)
    assert first.status_code == 302
    theirs = Person.objects.get()
    other = {
        **form_data,
        "surname": "Токтогулов",
        "given_names": "Эрлан",
        "latin_surname": "TOKTOGULOV",
        "latin_given_names": "ERLAN",
        "document_number": "AC1111111",
        "mrz": "",
    }
    response = sign_in(officer_moscow_2).post(NEW, other)
    assert response.status_code == 200
    assert "This form cannot be used: it was made for another registration." in response.text
    assert str(theirs.public_id) not in response.text and "Бакыт" not in response.text
    assert Person.objects.count() == 1
    # The form comes back with a fresh key: sent again, it registers the officer's own person.
    fresh = response.context["form"]["submission_key"].value()
    assert fresh != form_data["submission_key"]
    assert sign_in(officer_moscow_2).post(NEW, {**other, "submission_key": fresh}).status_code == 302
    assert Person.objects.count() == 2


def test_the_same_officer_sending_the_form_twice_gets_the_first_registration(sign_in, officer_moscow, form_data):
    client = sign_in(officer_moscow)
    first, second = client.post(NEW, form_data), client.post(NEW, form_data)
    assert first.url == second.url
    assert Person.objects.count() == 1 and Stay.objects.count() == 1


@pytest.fixture
def russia_served_by_two_consulates(places):
    """As in the shipped reference data: the embassy serves Russia as a whole, a consulate
    general serves Sverdlovsk Oblast."""
    places["moscow_district"].countries.add(places["RU"])
    return places


def test_an_officer_cannot_place_a_stay_in_their_district_by_leaving_the_region_empty_and_typing_a_city(
    sign_in, officer_moscow, form_data, russia_served_by_two_consulates
):
    response = sign_in(officer_moscow).post(NEW, {**form_data, "host_region": "", "city": "Yekaterinburg"})
    assert response.status_code == 200
    assert "Choose the region: this country is served by several consulates." in response.text
    assert not Person.objects.exists() and not Stay.objects.exists()


def test_the_district_follows_from_the_stored_region(
    sign_in, officer_moscow, form_data, russia_served_by_two_consulates
):
    places = russia_served_by_two_consulates
    refused = sign_in(officer_moscow).post(NEW, {**form_data, "host_region": places["sverdlovsk"].pk, "city": "Moscow"})
    assert "This place is outside your consular districts" in refused.text
    assert sign_in(officer_moscow).post(NEW, form_data).status_code == 302
    assert Stay.objects.get().consular_district == places["moscow_district"]


def test_the_service_refuses_a_stay_without_a_region_in_a_country_of_several_consulates(
    registered_migrant, russia_served_by_two_consulates
):
    import datetime as dt

    from django.core.exceptions import ValidationError

    from mekendesh.people import services

    places = russia_served_by_two_consulates
    with pytest.raises(ValidationError) as refused:
        services.stay_add(
            actor=registered_migrant.account,
            person=registered_migrant,
            stay=services.StayInput(country=places["RU"], city="Yekaterinburg", arrival_date=dt.date(2025, 6, 1)),
        )
    assert list(refused.value.message_dict) == ["host_region"]
    assert services.consular_district_for(country=places["RU"], host_region=None) is None


# --- The same answer whether or not an address has an account ------------------------------------


def _visible(response) -> str:
    """The page as a reader sees it: without the per-request CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _answer(client, url, data):
    response = client.post(url, data, follow=True)
    return response.status_code, [url for url, _ in response.redirect_chain], _visible(response)


def test_the_registration_page_answers_the_same_for_a_taken_and_a_free_e_mail_address(client, places, migrant_account):
    taken = _answer(
        client, REGISTER, registration_data(places, email=migrant_account.email, document_number="AC2222222")
    )
    client.cookies.clear()
    free = _answer(client, REGISTER, registration_data(places, email="someone.new@example.com"))
    assert taken == free
    assert "Check your e-mail" in taken[2] and "already" not in taken[2].split("If this address")[0]
    # No second account and nothing that signs anyone in was stored for the taken address; its
    # owner was told instead.
    assert User.objects.filter(email=migrant_account.email).count() == 1
    assert not Person.objects.filter(account=migrant_account).exists()
    told = [message for message in mail.outbox if migrant_account.email in message.to]
    assert len(told) == 1 and "already exists" in told[0].body


def test_the_registration_page_answers_the_same_for_a_taken_and_a_free_phone_number(client, places):
    owner = User.objects.create_user(email="owner@example.com", password="x-unused-password-1", phone="+996555123456")
    taken = _answer(
        client,
        REGISTER,
        registration_data(places, email="", login_with="phone", phone="+996 555 123 456", document_number="AC2222222"),
    )
    client.cookies.clear()
    free = _answer(client, REGISTER, registration_data(places, email="", login_with="phone", phone="+996 555 654 321"))
    assert taken == free
    assert "phone number is already" not in taken[2]
    assert (
        User.objects.filter(phone="+996555123456").get() == owner and not Person.objects.filter(account=owner).exists()
    )


def test_the_sign_up_page_answers_the_same_for_a_taken_and_a_free_address(client, migrant_account):
    signup = reverse("account_signup")
    password = "a-long-enough-password-17"
    taken = _answer(client, signup, {"email": migrant_account.email, "password1": password, "password2": password})
    client.cookies.clear()
    free = _answer(client, signup, {"email": "fresh@example.com", "password1": password, "password2": password})
    assert taken == free
    assert taken[1] == [reverse("account_email_verification_sent")]
    assert User.objects.filter(email=migrant_account.email).count() == 1
    assert not migrant_account.__class__.objects.get(pk=migrant_account.pk).check_password(password)
    # The new address cannot sign in before it is confirmed.
    attempt = client.post(reverse("account_login"), {"login": "fresh@example.com", "password": password})
    assert attempt.url == reverse("account_email_verification_sent")
    assert not client.get(reverse("migrant:home")).wsgi_request.user.is_authenticated
