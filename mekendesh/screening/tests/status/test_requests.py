"""The details travel only in the request body: a page or API address that carries anything is
refused with a clear message before anything is looked up, and nothing of it is echoed. Every
answer is kept by no browser or proxy. The answer speaks the person's language."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from mekendesh.screening.models import StatusCheck, StatusCounter
from mekendesh.screening.tests.status.support import AIGERIM, NOBODY, NURLAN, check_token

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

REFUSAL = "are never sent in a page’s address"


def test_a_passport_number_in_the_pages_address_is_refused_and_nothing_is_looked_up(client, nurlan):
    response = client.get(reverse("status:check"), NURLAN)
    assert response.status_code == 400
    assert REFUSAL in response.text and "Nothing was looked up" in response.text
    assert "AN7654321" not in response.text and "Мамытов" not in response.text
    assert not StatusCheck.objects.exists() and not StatusCounter.objects.exists()


def test_a_form_posted_to_an_address_with_a_query_string_is_refused_too(client, nurlan):
    response = client.post(reverse("status:check") + "?document_number=AN7654321", NURLAN)
    assert response.status_code == 400 and REFUSAL in response.text
    assert "AN7654321" not in response.text
    assert not StatusCheck.objects.exists()


def test_the_api_refuses_details_in_its_address(client, nurlan):
    url = reverse("status_api:check") + "?document_number=AN7654321&birth_date=1990-11-03&surname=Mamytov"
    for response in (client.get(url), client.post(url, NURLAN, content_type="application/json")):
        assert response.status_code == 400
        assert REFUSAL in response.json()["detail"]
        assert "AN7654321" not in response.text
    assert not StatusCheck.objects.exists()


def test_the_code_page_refuses_a_code_in_its_address(client, db):
    response = client.get(reverse("status:code") + "?check=x&code=123456")
    assert response.status_code == 400 and REFUSAL in response.text


def test_every_answer_is_kept_by_no_browser_or_proxy(client, ask, nurlan):
    answers = [
        client.get(reverse("status:check")),
        ask(NURLAN),
        ask({**NURLAN, "birth_date": "31.02.1990"}),
        client.get(reverse("status:check"), NURLAN),
        client.post(reverse("status:code"), {"check": "nothing", "code": "123456"}),
        client.post(reverse("status_api:check"), NURLAN, content_type="application/json"),
        client.post(reverse("status_api:code"), {"check": "nothing", "code": "1"}, content_type="application/json"),
    ]
    for response in answers:
        assert "no-store" in response["Cache-Control"], response.request["PATH_INFO"]


def test_an_impossible_date_of_birth_is_named_and_nothing_is_looked_up(ask, nurlan):
    response = ask({**NURLAN, "birth_date": "31.02.1990"})
    assert response.status_code == 400
    assert "31.02.1990 is not a date: month 02 of 1990 has 28 days." in response.text
    assert not StatusCheck.objects.exists()


def test_empty_fields_are_named(ask, db):
    response = ask({"surname": "", "birth_date": "", "document_number": ""})
    assert response.status_code == 400
    for message in ("Type your surname.", "Type your date of birth.", "Type your passport number."):
        assert message in response.text


@pytest.mark.parametrize("language", ["ky", "ru", "tk", "en"])
def test_the_answer_is_in_the_language_the_person_reads(language, nurlan):
    client = Client(headers={"Accept-Language": language})
    response = client.post(reverse("status:check"), NURLAN)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert response["Content-Language"] == language
    assert StatusCheck.objects.get().language == language
    api = client.post(reverse("status_api:check"), NURLAN, content_type="application/json")
    assert api["Content-Language"] == language


def test_the_form_takes_no_session_and_its_code_form_carries_the_check(client, ask, db):
    response = ask(NOBODY)
    assert check_token(response)
    assert "sessionid" not in response.cookies


def test_the_landing_page_links_to_the_status_check(client, db):
    assert reverse("status:check") in client.get(reverse("web:home")).text


def test_a_signed_in_migrant_is_pointed_to_their_own_cases(client, aigerim):
    response = client.post(reverse("status:check"), AIGERIM)
    assert reverse("migrant:cases") in response.text
