"""The one-time code: sent by the delivery job to the contact the person registered, in the
language they checked in; it shows their cases once, for a few minutes, after a few tries at
most; a check of details the register does not know sends nothing and opens nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from mekendesh.audit.models import AuditEvent
from mekendesh.cases.services import case_open
from mekendesh.cases.workflows import kind_of
from mekendesh.notifications.models import Notification
from mekendesh.screening.models import StatusCheck
from mekendesh.screening.status import status_code_verify
from mekendesh.screening.tests.status.support import AIGERIM, AIGERIM_PHONE, NOBODY, NURLAN, check_token, code_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def aigerim_case(aigerim_listed, officer_moscow, places):
    return case_open(
        actor=officer_moscow,
        person=aigerim_listed,
        case_type="register_removal",
        consular_district=places["moscow_district"],
        summary="Named on the register of controlled persons.",
    )


def type_code(client, token, code):
    return client.post(reverse("status:code"), {"check": token, "code": code})


def test_the_code_goes_to_the_registered_phone_and_shows_the_case_as_the_person_reads_it(
    client, ask, deliver, aigerim_case
):
    token = check_token(ask(AIGERIM))
    sent = deliver()
    assert [to for to, _text in sent] == [AIGERIM_PHONE]
    response = type_code(client, token, code_in(sent[0][1]))
    assert response.status_code == 200
    text = response.text
    kind = str(aigerim_case.get_case_type_display())
    step = kind_of(aigerim_case).step(aigerim_case.status)
    assert kind[0].upper() + kind[1:] in text
    assert escape(str(step.person_text)) in text
    assert f"№ {aigerim_case.number}" in text
    assert "Who acts now" in text and "Embassy in Moscow" in text
    assert "no-store" in response["Cache-Control"]
    assert AuditEvent.objects.filter(
        action="read", object_type="screening.statuscheck", person_id=str(aigerim_case.person.public_id)
    ).exists()


def test_a_code_is_sent_only_for_details_the_register_knows(ask, deliver, aigerim_reachable, nurlan):
    for details in (AIGERIM, NURLAN, NOBODY):
        ask(details)
    sent = deliver()
    assert sorted(to for to, _text in sent) == sorted([AIGERIM_PHONE, "+996700654321"])
    assert StatusCheck.objects.filter(delivered_at__isnull=True).count() == 0
    assert StatusCheck.objects.get(person__isnull=True).code_hash == ""


def test_no_code_opens_the_check_of_details_the_register_does_not_know(client, ask, deliver, db):
    token = check_token(ask(NOBODY))
    assert deliver() == []
    for guess in ("000000", "123456", ""):
        response = type_code(client, token, guess or " ")
        assert "Your cases" not in response.text


def test_a_wrong_code_says_how_many_tries_are_left_and_the_last_one_spends_the_check(
    client, ask, deliver, aigerim_case, settings
):
    settings.STATUS_CODE_ATTEMPTS = 3
    token = check_token(ask(AIGERIM))
    right = code_in(deliver()[0][1])
    wrong = "000000" if right != "000000" else "111111"
    first = type_code(client, token, wrong)
    assert first.status_code == 400 and "The code is wrong. You may try 2 more times." in first.text
    type_code(client, token, wrong)
    third = type_code(client, token, wrong)
    assert "The code was typed wrong too many times." in third.text
    late = type_code(client, token, right)
    assert "The code was typed wrong too many times." in late.text and f"№ {aigerim_case.number}" not in late.text


def test_an_expired_code_shows_nothing(client, ask, deliver, aigerim_case):
    token = check_token(ask(AIGERIM))
    code = code_in(deliver()[0][1])
    StatusCheck.objects.update(
        created_at=timezone.now() - dt.timedelta(minutes=20), expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    response = type_code(client, token, code)
    assert response.status_code == 400
    assert "This code is no longer valid." in response.text and f"№ {aigerim_case.number}" not in response.text


def test_a_code_works_once(client, ask, deliver, aigerim_case):
    token = check_token(ask(AIGERIM))
    code = code_in(deliver()[0][1])
    assert type_code(client, token, code).status_code == 200
    again = type_code(client, token, code)
    assert again.status_code == 400 and "This code was already used." in again.text


def test_a_code_opens_only_its_own_check(client, ask, deliver, aigerim_case):
    first = check_token(ask(AIGERIM))
    second = check_token(ask(AIGERIM))
    sent = deliver()
    codes = {code_in(text) for _to, text in sent}
    assert len(sent) == 2
    second_code = next(code for code in codes if status_code_verify(token=first, code=code).outcome != "shown")
    assert status_code_verify(token=second, code=second_code).outcome == "shown"


def test_the_code_is_stored_only_as_a_hash(ask, deliver, aigerim_case):
    ask(AIGERIM)
    code = code_in(deliver()[0][1])
    check = StatusCheck.objects.get()
    assert check.code_hash and code not in check.code_hash and len(check.code_hash) == 64


def test_a_code_expired_before_its_delivery_is_not_sent(ask, deliver, aigerim_reachable):
    ask(AIGERIM)
    StatusCheck.objects.update(
        created_at=timezone.now() - dt.timedelta(minutes=20), expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert deliver() == []


def test_the_code_message_is_in_the_language_the_person_checked_in(ask, deliver, aigerim_reachable):
    ask(AIGERIM, headers={"Accept-Language": "ru"})
    deliver()
    languages = set(Notification.objects.filter(template="screening/status_code").values_list("language", flat=True))
    assert languages == {"ru"}


def test_a_person_without_cases_is_told_so_and_where_to_ask_for_help(client, ask, deliver, aigerim_reachable):
    token = check_token(ask(AIGERIM))
    response = type_code(client, token, code_in(deliver()[0][1]))
    assert response.status_code == 200 and "No case is open about you." in response.text
    assert reverse("migrant:cases") in response.text
