"""Administrators see the notifications in the admin, read-only, with the address masked and the
text not shown; opening one is written to the audit trail."""

from __future__ import annotations

from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.notifications.services import recipient_for_person


def test_an_administrator_sees_a_notification_without_its_address_or_text(
    reachable_migrant, queue_one, staff_client, administrator
):
    email, _sms = queue_one(recipient_for_person(reachable_migrant))
    client = staff_client(administrator)
    listing = client.get(reverse("admin:notifications_notification_changelist")).content.decode()
    assert "case:42:action:317" in listing and "a•••@example.com" in listing and "+99655•••456" in listing
    assert "aigerim@example.com" not in listing

    page = client.get(reverse("admin:notifications_notification_change", args=[email.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "тастыкталган" not in text and "Стройка" not in text and "aigerim@example.com" not in text
    assert AuditEvent.objects.filter(
        action="read", object_type="notifications.notification", object_id=str(email.pk), actor=administrator
    ).get().person_id == str(reachable_migrant.public_id)


def test_nobody_adds_changes_or_deletes_a_notification_in_the_admin(
    reachable_migrant, queue_one, staff_client, administrator
):
    email, _sms = queue_one(recipient_for_person(reachable_migrant))
    client = staff_client(administrator)
    assert client.get(reverse("admin:notifications_notification_add")).status_code == 403
    assert client.post(reverse("admin:notifications_notification_delete", args=[email.pk])).status_code == 403


def test_other_staff_get_no_admin_for_notifications(staff_client, officer_moscow):
    response = staff_client(officer_moscow).get(reverse("admin:notifications_notification_changelist"), follow=True)
    assert response.status_code == 403
