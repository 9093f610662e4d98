"""A migrant's question about an offer, answered by an employment officer: the answer in her
account, a message telling her it is there (in her language, once), the answer audited; an empty
answer refused on its field, and a question answered once."""

from __future__ import annotations

import html

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.employment.models import OfferQuestion
from mekendesh.employment.services import offer_ask, question_answer
from mekendesh.notifications.models import Notification
from mekendesh.notifications.sending import notifications_send_due

pytestmark = pytest.mark.kyrgyz_data

ANSWER = "Yes: the employer pays for a shared room in a hostel next to the site."


@pytest.fixture
def question(registered_migrant, vetted_offer):
    asked, _first = offer_ask(
        actor=registered_migrant.account,
        offer=vetted_offer,
        addressee="agency",
        message="Is the housing really free of charge?",
    )
    return asked


@pytest.fixture
def reachable(registered_migrant):
    """Aigerim reads Kyrgyz and has confirmed her account's e-mail address."""
    account = registered_migrant.account
    EmailAddress.objects.create(user=account, email=account.email, verified=True, primary=True)
    account.preferred_language = "ky"
    account.save(update_fields=["preferred_language"])
    return registered_migrant


def answer_url(question: OfferQuestion) -> str:
    return reverse("staff:employment_question", kwargs={"question_id": question.public_id})


def test_an_officer_answers_and_the_migrant_reads_the_answer_in_her_account_and_is_told_once_by_email(
    sign_in, employment_officer, question, reachable, client, django_capture_on_commit_callbacks
):
    officer = sign_in(employment_officer)
    page = officer.get(answer_url(question))
    assert page.status_code == 200 and "Is the housing really free of charge?" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = officer.post(answer_url(question), {"answer": ANSWER})
    assert sent.status_code == 302 and sent["Location"] == reverse("staff:employment_questions")

    question.refresh_from_db()
    assert question.answer == ANSWER and question.answered_by == employment_officer
    (message,) = Notification.objects.filter(event_key=f"employment:question:{question.pk}:answered")
    assert message.language == "ky" and message.user == reachable.account
    notifications_send_due()
    (email,) = mail.outbox
    assert email.to == ["aigerim@example.com"]
    assert "/me/employment/#question-" + str(question.public_id) in email.body
    assert ANSWER not in email.body  # the message says where to read it, not what it says

    client.force_login(reachable.account)
    mine = html.unescape(client.get(reverse("migrant:employment")).content.decode())
    card = mine.split(f'id="question-{question.public_id}"')[1].split("</article>")[0]
    assert 'data-answered="yes"' in mine and ANSWER in card
    assert "Answer of the employment service" in card


def test_the_answer_reaches_the_audit_trail_with_the_message_telling_of_it(
    employment_officer, question, reachable, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question_answer(actor=employment_officer, question=question, answer=ANSWER)
    row = AuditEvent.objects.get(object_type="employment.offerquestion", action=AuditEvent.Action.UPDATE)
    assert row.actor_id == employment_officer.pk and row.fields == ["answer"]
    assert AuditEvent.objects.filter(object_type="notifications.notification", action=AuditEvent.Action.CREATE).exists()


def test_an_empty_answer_is_refused_on_its_field_and_nothing_is_stored_or_sent(
    sign_in, employment_officer, question, reachable
):
    response = sign_in(employment_officer).post(answer_url(question), {"answer": "   "})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Write the answer." in body.split('id="id_answer_error"')[1]
    question.refresh_from_db()
    assert question.answered_at is None and question.answer == ""
    assert not Notification.objects.exists()
    assert not AuditEvent.objects.filter(object_type="employment.offerquestion", action=AuditEvent.Action.UPDATE)


def test_a_question_is_answered_once_and_a_second_answer_is_refused_with_the_first_ones_date(
    sign_in, employment_officer, question
):
    question_answer(actor=employment_officer, question=question, answer=ANSWER)
    response = sign_in(employment_officer).post(answer_url(question), {"answer": "No, it is paid from the wage."})
    assert response.status_code == 400
    assert "This question was answered already, on" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == ANSWER
    page = sign_in(employment_officer).get(answer_url(question)).content.decode()
    assert 'name="answer"' not in page and ANSWER in page


def test_a_migrant_who_cannot_be_reached_still_finds_the_answer_in_her_account(
    employment_officer, question, aigerim, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question_answer(actor=employment_officer, question=question, answer=ANSWER)
    assert not Notification.objects.exists()  # no confirmed address, no consent to be contacted
    assert ANSWER in html.unescape(client.get(reverse("migrant:employment")).content.decode())


def test_another_migrant_does_not_see_the_answer(employment_officer, question, other_migrants, client):
    question_answer(actor=employment_officer, question=question, answer=ANSWER)
    client.force_login(other_migrants[0])
    page = html.unescape(client.get(reverse("migrant:employment")).content.decode())
    assert ANSWER not in page and "Is the housing really free of charge?" not in page


def test_a_migrant_cannot_answer_and_an_unknown_question_is_404(aigerim, client, question, sign_in, employment_officer):
    assert client.post(answer_url(question), {"answer": ANSWER}).status_code in (302, 404)
    question.refresh_from_db()
    assert question.answered_at is None
    missing = reverse("staff:employment_question", kwargs={"question_id": "6b1c0d2e-8f4a-4b7e-9a55-1d2c3b4a5f60"})
    assert sign_in(employment_officer).get(missing).status_code == 404


def test_the_questions_page_puts_the_unanswered_first_and_counts_them(
    sign_in, employment_officer, question, registered_migrant, vetted_offer
):
    later, _first = offer_ask(
        actor=registered_migrant.account, offer=vetted_offer, addressee="consulate", message="Who pays the ticket?"
    )
    question_answer(actor=employment_officer, question=question, answer=ANSWER)
    page = html.unescape(sign_in(employment_officer).get(reverse("staff:employment_questions")).content.decode())
    assert page.index("Who pays the ticket?") < page.index("Is the housing really free of charge?")
    assert "1 question awaits an answer." in page
    assert answer_url(later) in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_questions_page_records_its_reading_in_the_audit_trail_outside_a_test_transaction(
    sign_in, employment_officer, question
):
    """As in production, no transaction wraps the request: the page's audit rows are written in
    their own (the page answered 500 before)."""
    response = sign_in(employment_officer).get(reverse("staff:employment_questions"))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(
        object_type="employment.offerquestion", object_id=str(question.public_id), action=AuditEvent.Action.READ
    ).exists()
