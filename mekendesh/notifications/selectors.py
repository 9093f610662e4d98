"""Reads of the notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from mekendesh.notifications.models import Notification, NotificationStatus

if TYPE_CHECKING:
    from mekendesh.people.models import Person


def notifications_for_person(*, person: Person) -> QuerySet[Notification]:
    """The messages sent to (or about) a person, newest first: for their own pages ("we sent you
    an e-mail on …"). The caller has already checked that the person is theirs to see."""
    return Notification.objects.filter(person=person, status=NotificationStatus.SENT).order_by("-sent_at", "-pk")
