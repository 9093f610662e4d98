"""Queueing a message: rendered at once in the recipient's language, stored encrypted, once per
event, channel and address, inside the caller's transaction and with its audit row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template import TemplateDoesNotExist

from mekendesh.audit.models import AuditEvent
from mekendesh.notifications.models import Notification, NotificationStatus
from mekendesh.notifications.services import Recipient, notification_queue, recipient_for_person

pytestmark = pytest.mark.kyrgyz_data


def test_a_message_is_written_in_kyrgyz_for_a_kyrgyz_reader_and_in_russian_for_a_russian_one(
    reachable_migrant, queue_one
):
    email, sms = queue_one(recipient_for_person(reachable_migrant))
    assert (email.channel, email.language, email.address) == ("email", "ky", "aigerim@example.com")
    assert email.subject == "чет өлкөдө жүрүү №42"
    assert email.body.startswith("тастыкталган: 42")
    assert (sms.channel, sms.address, sms.body, sms.subject) == ("sms", "+996555123456", "тастыкталган 42", None)

    account = reachable_migrant.account
    account.preferred_language = "ru"
    account.save()
    email, sms = queue_one(recipient_for_person(reachable_migrant), event_key="case:42:action:318")
    assert email.subject == "пребывание за рубежом №42"
    assert sms.body == "подтверждено 42"


def test_the_text_parts_are_not_html_escaped_and_the_html_part_is(reachable_migrant, queue_one):
    email, _sms = queue_one(recipient_for_person(reachable_migrant))
    assert email.body.endswith("ООО «Стройка» & Co")
    assert email.html_body.strip() == "<p>ООО «Стройка» &amp; Co</p>"


def test_queueing_the_same_event_again_returns_the_messages_already_queued(reachable_migrant, queue_one):
    first = queue_one(recipient_for_person(reachable_migrant))
    again = queue_one(recipient_for_person(reachable_migrant), context={"number": 43, "employer": ""})
    assert [row.pk for row in again] == [row.pk for row in first]
    assert Notification.objects.count() == 2
    assert Notification.objects.get(channel="email").subject == "чет өлкөдө жүрүү №42"


def test_the_same_event_to_another_address_is_another_message(reachable_migrant, officer_moscow, queue_one):
    queue_one(recipient_for_person(reachable_migrant))
    queue_one(Recipient(language="en", email=officer_moscow.email, user=officer_moscow))
    assert sorted(Notification.objects.values_list("channel", flat=True)) == ["email", "email", "sms"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queueing_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match=r"inside transaction\.atomic\(\)"):
        notification_queue(
            recipient=Recipient(language="en", email="consul@mfa.example"),
            event_key="case:1",
            template="test_message",
            context={},
        )
    assert not Notification.objects.exists()


def test_only_the_channels_asked_for_with_an_address_and_a_template_part_get_a_message(
    reachable_migrant, officer_moscow, queue_one
):
    recipient = recipient_for_person(reachable_migrant)
    assert [row.channel for row in queue_one(recipient, event_key="a", channels=["sms"])] == ["sms"]
    assert [row.channel for row in queue_one(recipient, event_key="b", template="email_only")] == ["email"]
    staff = Recipient(language="en", email=officer_moscow.email)
    assert [row.channel for row in queue_one(staff, event_key="c")] == ["email"]
    assert queue_one(Recipient(language="en"), event_key="d") == []


def test_no_sms_is_queued_while_sms_is_turned_off(reachable_migrant, queue_one, settings):
    settings.SMS_BACKEND = "mekendesh.notifications.sms.backends.disabled.SmsBackend"
    assert [row.channel for row in queue_one(recipient_for_person(reachable_migrant))] == ["email"]


def test_a_template_with_no_part_is_an_error(reachable_migrant, queue_one):
    with pytest.raises(TemplateDoesNotExist):
        queue_one(recipient_for_person(reachable_migrant), template="no_such_message")


def test_an_event_key_is_named(reachable_migrant, queue_one):
    with pytest.raises(ValueError, match="event key"):
        queue_one(recipient_for_person(reachable_migrant), event_key="")
    with pytest.raises(ValueError, match="unknown channels: fax"):
        queue_one(recipient_for_person(reachable_migrant), channels=["fax"])


def test_a_language_the_site_does_not_speak_falls_back_to_its_default(officer_moscow, queue_one, settings):
    settings.LANGUAGE_CODE = "ru"
    (email,) = queue_one(Recipient(language="de", email=officer_moscow.email))
    assert (email.language, email.subject) == ("ru", "пребывание за рубежом №42")


def test_the_address_and_the_text_are_stored_encrypted(reachable_migrant, queue_one):
    email, _sms = queue_one(recipient_for_person(reachable_migrant))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT address, subject, body, html_body FROM notifications_notification WHERE id = %s", [email.pk]
        )
        stored = " ".join(str(value) for value in cursor.fetchone())
    assert "aigerim" not in stored and "Стройка" not in stored and "тастыкталган" not in stored
    assert len(email.address_hash) == 64 and email.address_hash not in stored


def test_each_message_queued_is_written_to_the_audit_trail_with_the_person(reachable_migrant, queue_one):
    rows = queue_one(recipient_for_person(reachable_migrant), about=reachable_migrant)
    events = AuditEvent.objects.filter(object_type="notifications.notification", action="create")
    assert sorted(event.object_id for event in events) == sorted(str(row.pk) for row in rows)
    assert {event.person_id for event in events} == {str(reachable_migrant.public_id)}
    assert {(row.about, row.person, row.status) for row in rows} == {
        (reachable_migrant, reachable_migrant, NotificationStatus.PENDING)
    }
