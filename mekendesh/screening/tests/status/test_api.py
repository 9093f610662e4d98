"""The status check's API: ``POST /api/status/`` answers as the page does, with no session and
no CSRF token, and ``POST /api/status/code/`` gives the cases for the code of the message."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from mekendesh.cases.services import case_open
from mekendesh.screening.tests.status.support import AIGERIM, NOBODY, NURLAN, code_in

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


@pytest.fixture
def api():
    """A client as a phone application is: no session, no CSRF cookie, and CSRF checks on."""
    return Client(enforce_csrf_checks=True)


def ask(api, details):
    return api.post(reverse("status_api:check"), details, content_type="application/json")


def test_a_listed_person_is_told_which_list_and_whom_to_turn_to(api, aigerim_listed):
    response = ask(api, AIGERIM)
    assert response.status_code == 200
    body = response.json()
    assert body["named"] is True
    assert body["lists"][0]["list_name"] == "Реестр контролируемых лиц"
    assert body["lists"][0]["since"] == "2025-02-05"
    assert body["lists"][0]["advice"] == "Ask your consulate to help you apply for removal from the register."
    assert body["consulates"][0]["name"] == "Embassy in Moscow"
    assert body["consulates"][0]["email"] == "consul.moscow@mfa.example"
    assert body["code"]["check"] and "a code was sent to the contact on record" in body["code"]["message"]


def test_listed_unlisted_and_unknown_answers_have_the_same_keys_and_size(api, aigerim_listed, nurlan):
    answers = [ask(api, details) for details in (AIGERIM, NURLAN, NOBODY)]
    bodies = [answer.json() for answer in answers]
    assert {tuple(sorted(body)) for body in bodies} == {("code", "consulates", "lists", "message", "named")}
    assert {tuple(sorted(body["code"])) for body in bodies} == {("check", "message", "valid_until")}
    assert len({len(answer.content) for answer in answers}) == 1
    unlisted, unknown = bodies[1], bodies[2]
    for body in (unlisted, unknown):
        body["code"]["check"] = body["code"]["valid_until"] = ""
    assert unlisted == unknown


def test_a_birth_date_is_taken_as_iso_or_as_typed_on_the_form(api, nurlan):
    assert ask(api, {**NURLAN, "birth_date": "1990-11-03"}).status_code == 200
    refused = ask(api, {**NURLAN, "birth_date": "2999-01-01"})
    assert refused.status_code == 400 and "cannot be in the future" in refused.json()["birth_date"][0]


def test_the_code_gives_the_cases_as_the_person_reads_them(api, aigerim_listed, deliver, officer_moscow, places):
    case = case_open(
        actor=officer_moscow,
        person=aigerim_listed,
        case_type="register_removal",
        consular_district=places["moscow_district"],
        summary="Named on the register of controlled persons.",
    )
    token = ask(api, AIGERIM).json()["code"]["check"]
    code = code_in(deliver()[0][1])
    response = api.post(reverse("status_api:code"), {"check": token, "code": code}, content_type="application/json")
    assert response.status_code == 200
    [line] = response.json()["cases"]
    assert line["number"] == case.number and line["who_acts"] == "Embassy in Moscow"
    assert line["finished"] is False and line["due_date"]
    again = api.post(reverse("status_api:code"), {"check": token, "code": code}, content_type="application/json")
    assert again.status_code == 400 and again.json()["outcome"] == "used"


def test_a_wrong_code_says_so_with_the_tries_left(api, aigerim_listed, deliver, settings):
    token = ask(api, AIGERIM).json()["code"]["check"]
    right = code_in(deliver()[0][1])
    wrong = "000000" if right != "000000" else "111111"
    body = api.post(reverse("status_api:code"), {"check": token, "code": wrong}, content_type="application/json").json()
    assert body["outcome"] == "wrong" and body["tries_left"] == settings.STATUS_CODE_ATTEMPTS - 1


def test_the_api_is_limited_like_the_page(api, settings, nurlan, frozen_clock):
    settings.STATUS_NUMBER_FREE = 1
    settings.STATUS_NUMBER_LIMIT = 2
    statuses = [ask(api, NURLAN).status_code for _ in range(3)]
    assert statuses == [200, 429, 429]
    refused = ask(api, NURLAN)
    assert "checked too often" in refused.json()["detail"] and int(refused["Retry-After"]) > 0


def test_the_api_reads_no_session(api, aigerim_listed, client):
    """A signed-in browser's cookies change nothing: the answer is the one anyone gets."""
    client.force_login(aigerim_listed.account)
    signed_in = client.post(reverse("status_api:check"), NURLAN, content_type="application/json").json()
    anonymous = ask(api, NURLAN).json()
    for body in (signed_in, anonymous):
        body["code"]["check"] = body["code"]["valid_until"] = ""
    assert signed_in == anonymous


def test_the_operations_are_in_the_openapi_document_without_authentication(db):
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)
    for path in ("/api/status/", "/api/status/code/"):
        operation = document["paths"][path]["post"]
        assert "security" not in operation  # the staff operations ask for the session cookie
        assert {"200", "400", "429"} <= set(operation["responses"])
    assert document["paths"]["/api/cases/"]["get"]["security"] == [{"cookieAuth": []}]
