"""What a case tells whom: the person, in their language, when the case moves, opens or gets a
shared note — once per event; nothing for an internal note; the head of the consulate when a
case is late."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from mekendesh.cases.models import Case
from mekendesh.cases.services import case_move, case_note_add, cases_check_deadlines
from mekendesh.notifications.models import Notification
from mekendesh.notifications.sending import notifications_send_due

pytestmark = pytest.mark.kyrgyz_data


@pytest.fixture
def reachable(registered_migrant):
    """Aigerim reads Kyrgyz and has confirmed her account's e-mail address."""
    account = registered_migrant.account
    EmailAddress.objects.create(user=account, email=account.email, verified=True, primary=True)
    account.preferred_language = "ky"
    account.save(update_fields=["preferred_language"])
    return registered_migrant


def test_a_move_tells_the_person_in_kyrgyz_once_even_when_the_click_is_sent_twice(
    reachable, open_case, officer_moscow, django_capture_on_commit_callbacks
):
    key = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        case_move(actor=officer_moscow, case=open_case, action="request_documents", idempotency_key=key)
    with django_capture_on_commit_callbacks(execute=True):
        case_move(actor=officer_moscow, case=open_case, action="request_documents", idempotency_key=key)
    (message,) = Notification.objects.filter(event_key__contains=":move:")
    assert message.language == "ky" and open_case.number in message.subject
    notifications_send_due()
    (sent,) = mail.outbox
    assert sent.to == ["aigerim@example.com"]
    assert "/me/cases/" in sent.body and str(open_case.public_id) in sent.body


def test_an_internal_note_tells_the_person_nothing_and_a_shared_one_does(
    reachable, open_case, officer_moscow, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case_note_add(actor=officer_moscow, case=open_case, body="Called the MVD.")
    assert not Notification.objects.filter(event_key__contains=":note:").exists()
    with django_capture_on_commit_callbacks(execute=True):
        case_note_add(actor=officer_moscow, case=open_case, body="Bring the receipts.", visible_to_person=True)
    assert Notification.objects.filter(event_key__contains=":note:").count() == 1


def test_a_person_who_cannot_be_reached_gets_no_message_and_the_case_still_moves(
    registered_migrant, open_case, officer_moscow, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moved = case_move(actor=officer_moscow, case=open_case, action="request_documents")
    assert moved.status == "documents_requested" and not Notification.objects.exists()


def test_a_late_case_is_announced_to_the_head_of_its_consulate(
    open_case, head_moscow, django_capture_on_commit_callbacks
):
    Case.objects.filter(pk=open_case.pk).update(due_date=dt.date(2026, 11, 2))
    with django_capture_on_commit_callbacks(execute=True):
        cases_check_deadlines(today=dt.date(2026, 11, 10))
    (message,) = Notification.objects.filter(event_key__contains=":escalated:")
    assert message.address == head_moscow.email and open_case.number in message.subject
