"""Sending: each message once, by e-mail and SMS, marked sent with an audit row; a failure is
stored and tried again later; nothing goes to an address whose consent was withdrawn."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from mekendesh.audit.models import AuditEvent
from mekendesh.jobs.models import JobStatus
from mekendesh.notifications.models import Notification, NotificationStatus
from mekendesh.notifications.selectors import notifications_for_person
from mekendesh.notifications.sending import SENDING_STALE, notifications_send_due
from mekendesh.notifications.services import Recipient, recipient_for_person
from mekendesh.notifications.sms import SmsMessage
from mekendesh.notifications.sms.backends import locmem
from mekendesh.notifications.sms.backends.base import BaseSmsBackend
from mekendesh.people.models import ConsentPurpose
from mekendesh.people.services import consent_withdraw

pytestmark = pytest.mark.kyrgyz_data

FAILING_SMS = "mekendesh.notifications.tests.test_sending.FailingSmsBackend"


class FailingSmsBackend(BaseSmsBackend):
    """A gateway that is down; it names the number in its error, as some do."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        raise ConnectionError(f"gateway unreachable while sending to {messages[0].to}")


def _make_due_again(row: Notification) -> None:
    """Time passes: the row's next attempt is now."""
    Notification.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))


def test_the_send_job_sends_the_email_and_the_sms_once_even_when_run_twice(reachable_migrant, queue_one, run_send_job):
    email, sms = queue_one(recipient_for_person(reachable_migrant))
    job = run_send_job()
    assert job.status == JobStatus.SUCCEEDED
    assert job.messages[-1]["text"] == "2 sent, 0 failed, 0 not sent."
    run_send_job()
    queue_one(recipient_for_person(reachable_migrant))  # the same event once more
    run_send_job()

    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["aigerim@example.com"], "чет өлкөдө жүрүү №42")
    ]
    sent = mail.outbox[0]
    assert isinstance(sent, EmailMultiAlternatives) and sent.alternatives[0][1] == "text/html"
    assert mail.outbox[0].extra_headers["Content-Language"] == "ky"
    assert locmem.outbox == [SmsMessage(to="+996555123456", body="тастыкталган 42")]
    for row in (email, sms):
        row.refresh_from_db()
        assert (row.status, row.attempts, row.last_error) == (NotificationStatus.SENT, 1, "")
        assert row.sent_at is not None


def test_each_message_sent_is_written_to_the_audit_trail_as_an_export_to_the_person(
    reachable_migrant, queue_one, run_send_job
):
    rows = queue_one(recipient_for_person(reachable_migrant))
    run_send_job()
    exports = AuditEvent.objects.filter(object_type="notifications.notification", action="export")
    assert sorted((event.object_id, event.person_id) for event in exports) == sorted(
        (str(row.pk), str(reachable_migrant.public_id)) for row in rows
    )
    assert sorted(exports.get(object_id=str(rows[0].pk)).fields) == ["address", "body", "subject"]


def test_a_failing_backend_marks_the_message_failed_and_it_is_sent_on_a_later_try(
    reachable_migrant, queue_one, settings
):
    settings.NOTIFICATION_RETRY_SECONDS = 600
    _email, sms = queue_one(recipient_for_person(reachable_migrant))
    settings.SMS_BACKEND = FAILING_SMS
    report = notifications_send_due()
    assert (report.sent, report.failed) == (1, 1)
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (NotificationStatus.FAILED, 1)
    assert sms.last_error == "ConnectionError: gateway unreachable while sending to +99655•••456"
    assert sms.next_attempt_at > timezone.now()

    # Not due yet: a second run leaves it.
    assert notifications_send_due().done == 0
    _make_due_again(sms)
    settings.SMS_BACKEND = "mekendesh.notifications.sms.backends.locmem.SmsBackend"
    assert notifications_send_due().sent == 1
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (NotificationStatus.SENT, 2)
    assert len(locmem.outbox) == 1


def test_each_retry_waits_twice_as_long_and_the_last_attempt_gives_up(reachable_migrant, queue_one, settings):
    settings.NOTIFICATION_RETRY_SECONDS = 60
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    settings.SMS_BACKEND = FAILING_SMS
    _email, sms = queue_one(recipient_for_person(reachable_migrant))
    waits = []
    for _attempt in range(3):
        notifications_send_due()
        sms.refresh_from_db()
        if sms.next_attempt_at is None:
            break
        waits.append(sms.next_attempt_at - sms.claimed_at)
        _make_due_again(sms)
    assert waits == [dt.timedelta(seconds=60), dt.timedelta(seconds=120)]
    assert (sms.status, sms.attempts, sms.next_attempt_at) == (NotificationStatus.FAILED, 3, None)
    assert notifications_send_due().done == 0


def test_a_message_to_an_address_whose_consent_was_withdrawn_before_sending_is_not_sent(reachable_migrant, queue_one):
    _email, sms = queue_one(recipient_for_person(reachable_migrant))
    consent_withdraw(actor=None, person=reachable_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT)
    report = notifications_send_due()
    assert (report.sent, report.skipped) == (1, 1)  # the confirmed account address needs no consent
    sms.refresh_from_db()
    assert (sms.status, sms.last_error) == (
        NotificationStatus.SKIPPED,
        "The person withdrew their consent to be contacted there.",
    )
    assert locmem.outbox == [] and len(mail.outbox) == 1


def test_an_sms_queued_before_sms_was_turned_off_is_not_sent(reachable_migrant, queue_one, settings):
    _email, sms = queue_one(recipient_for_person(reachable_migrant))
    settings.SMS_BACKEND = "mekendesh.notifications.sms.backends.disabled.SmsBackend"
    notifications_send_due()
    sms.refresh_from_db()
    assert (sms.status, sms.last_error) == (NotificationStatus.SKIPPED, "Sending SMS is turned off.")


def test_a_message_left_being_sent_by_a_stopped_run_is_tried_again(officer_moscow, queue_one):
    (email,) = queue_one(Recipient(language="en", email=officer_moscow.email, user=officer_moscow))
    stopped_at = timezone.now() - SENDING_STALE - dt.timedelta(minutes=1)
    Notification.objects.filter(pk=email.pk).update(
        status=NotificationStatus.SENDING, attempts=1, claimed_at=stopped_at, claim_token="a" * 32
    )
    assert notifications_send_due().sent == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (NotificationStatus.SENT, 2)
    assert len(mail.outbox) == 1


def test_a_message_being_sent_by_a_run_that_is_still_going_is_left_to_it(officer_moscow, queue_one):
    (email,) = queue_one(Recipient(language="en", email=officer_moscow.email))
    Notification.objects.filter(pk=email.pk).update(
        status=NotificationStatus.SENDING, attempts=1, claimed_at=timezone.now(), claim_token="a" * 32
    )
    assert notifications_send_due().done == 0
    assert mail.outbox == []


def test_the_persons_own_view_lists_the_messages_sent_to_them_newest_first(reachable_migrant, queue_one):
    queue_one(recipient_for_person(reachable_migrant), event_key="first")
    notifications_send_due()
    queue_one(recipient_for_person(reachable_migrant), event_key="second", channels=["email"])
    queue_one(recipient_for_person(reachable_migrant), event_key="not yet sent", channels=["email"])
    second = Notification.objects.get(event_key="second")
    notifications_send_due()
    Notification.objects.filter(event_key="not yet sent").update(status=NotificationStatus.PENDING, sent_at=None)
    listed = list(notifications_for_person(person=reachable_migrant))
    assert listed[0] == second
    assert sorted(row.event_key for row in listed) == ["first", "first", "second"]
    times = [row.sent_at for row in listed if row.sent_at is not None]
    assert len(times) == 3 and times == sorted(times, reverse=True)
