"""The answer of the status check: which list names a person with the details typed, since when,
what it means and what to do, and which consulate to turn to — the same in shape, size and work
for a listed, an unlisted and an unknown person."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mekendesh.screening.models import Candidate, StatusCheck
from mekendesh.screening.services import candidate_judge
from mekendesh.screening.status_views import ANSWER_BLOCK
from mekendesh.screening.tests.status.support import AIGERIM, NOBODY, NURLAN

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

SECTIONS = ('id="lists"', 'id="next"', 'id="code"', 'name="check"', 'name="code"')
CODE_SENTENCE = "If these details are registered, a code was sent to the contact on record"


def sections(response) -> list[str]:
    return [section for section in SECTIONS if section in response.text]


def without_tokens(text: str) -> str:
    """The page with its random parts (the CSRF token, the check's token) blanked."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return re.sub(r'name="check" value="[^"]+"', "", text)


def shape(text: str) -> list[str]:
    """The page's element structure: its tags and their ids, without any text."""
    return re.findall(r"<(/?[a-z0-9]+)(?:[^>]*?\bid=\"([^\"]+)\")?", text)


def test_a_listed_person_reads_which_list_since_when_what_it_means_and_what_to_do(ask, aigerim_listed):
    response = ask(AIGERIM)
    assert response.status_code == 200
    text = response.text
    assert "A list known to the ministry names a person with these details." in text
    for shown in (
        "Реестр контролируемых лиц",
        "МВД России",
        "05.02.2025",
        "Register of controlled persons",
        "You may not change your place of stay without notice",
        "Ask your consulate to help you apply for removal from the register.",
    ):
        assert shown in text, shown
    assert CODE_SENTENCE in text


def test_the_listed_answer_gives_the_contacts_of_the_consulate_of_the_persons_current_stay(ask, aigerim_listed):
    text = ask(AIGERIM).text
    for shown in (
        "Embassy in Moscow",
        "ул. Большая Ордынка, 64, Москва",
        "+7 495 000-00-01",
        "consul.moscow@mfa.example",
    ):
        assert shown in text, shown
    assert "Yekaterinburg" not in text


def test_a_list_names_someone_the_register_does_not_know_by_passport_number_and_date_of_birth(
    ask, send_list, controlled, places
):
    code, _output = send_list([["7", "Асанов Бакыт", "14.07.1995", "Киргизия", "AC7777777", "01.03.2025"]])
    assert code == 0
    text = ask(NOBODY).text
    assert "A list known to the ministry names a person with these details." in text
    assert "01.03.2025" in text
    # Not registered: the consulates serving the list's country, whole or by region.
    assert "Embassy in Moscow" in text and "Consulate General in Yekaterinburg" in text


def test_a_match_confirmed_by_two_analysts_names_the_person_even_without_a_passport_number_on_the_list(
    ask, send_list, controlled, aigerim_reachable, analyst, analyst_2
):
    send_list([["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "", "05.02.2025"]])
    assert "No list known to the ministry names" in ask(AIGERIM).text  # not yet confirmed
    candidate = Candidate.objects.get()
    candidate_judge(
        actor=analyst_2,
        candidate=candidate_judge(actor=analyst, candidate=candidate, verdict="same"),
        verdict="confirm",
    )
    assert "A list known to the ministry names a person with these details." in ask(AIGERIM).text


def test_the_surname_may_be_typed_in_passport_latin(ask, aigerim_listed):
    text = ask({**AIGERIM, "surname": "TOKTOSUNOVA"}).text
    assert "Реестр контролируемых лиц" in text
    assert StatusCheck.objects.get().person == aigerim_listed


def test_a_wrong_birth_date_is_answered_as_for_an_unknown_person(ask, aigerim_listed, nurlan):
    wrong = ask({**NURLAN, "birth_date": "04.11.1990"})
    unknown = ask(NOBODY)
    assert without_tokens(wrong.text) == without_tokens(unknown.text)
    assert StatusCheck.objects.filter(person__isnull=False).count() == 0


def test_a_wrong_surname_finds_no_one_on_the_register(ask, nurlan):
    ask({**NURLAN, "surname": "Бакиев"})
    assert StatusCheck.objects.get().person is None


def test_listed_unlisted_and_unknown_answers_have_the_same_shape_and_size(ask, aigerim_listed, nurlan):
    listed, unlisted, unknown = ask(AIGERIM), ask(NURLAN), ask(NOBODY)
    assert [response.status_code for response in (listed, unlisted, unknown)] == [200, 200, 200]
    assert sections(listed) == sections(unlisted) == sections(unknown) == list(SECTIONS)
    assert len(listed.content) == len(unlisted.content) == len(unknown.content)
    assert len(listed.content) % ANSWER_BLOCK == 0
    # An unlisted person and one the register does not know get the very same page.
    assert without_tokens(unlisted.text) == without_tokens(unknown.text)
    assert shape(unlisted.text) == shape(unknown.text)
    for response in (listed, unlisted, unknown):
        assert CODE_SENTENCE in response.text


def _statements(queries) -> list[str]:
    """The SQL run, with every literal value replaced: what was asked, not of whom."""
    shapes = []
    for query in queries:
        sql = re.sub(r"'(?:[^']|'')*'|\"s\d+_x\d+\"", "?", query["sql"])
        shapes.append(re.sub(r"\b(\d+(\.\d+)?|NULL)\b", "?", sql))
    return shapes


def test_listed_unlisted_and_unknown_checks_run_the_same_queries(ask, aigerim_listed, nurlan):
    ask({**NOBODY, "document_number": "AC0000001"})  # the first request of a test warms caches up
    runs = []
    for details in (AIGERIM, NURLAN, NOBODY):
        with CaptureQueriesContext(connection) as queries:
            assert ask(details).status_code == 200
        runs.append(_statements(queries.captured_queries))
    listed, unlisted, unknown = runs
    assert len(listed) == len(unlisted) == len(unknown)
    assert listed == unlisted == unknown


def test_every_check_leaves_one_check_record_whatever_it_found(ask, aigerim_listed, nurlan):
    for details in (AIGERIM, NURLAN, NOBODY):
        ask(details)
    checks = list(StatusCheck.objects.order_by("pk"))
    assert [check.person for check in checks] == [aigerim_listed, nurlan, None]
    assert all(check.code_hash == "" and check.delivered_at is None for check in checks)
