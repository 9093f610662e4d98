"""Two sending runs at once never send one message twice: a message is claimed by one
conditional UPDATE, and a run that looked at it first but claimed it second gets nothing."""

from __future__ import annotations

import threading

import pytest
from django.core import mail
from django.db import connection, transaction

from mekendesh.notifications import sending
from mekendesh.notifications.models import Notification, NotificationStatus
from mekendesh.notifications.sending import notifications_claim, notifications_send_due
from mekendesh.notifications.services import Recipient, notification_queue


def _queue_many(count: int) -> None:
    with transaction.atomic():
        for number in range(count):
            notification_queue(
                recipient=Recipient(language="en", email=f"officer{number}@mfa.example"),
                event_key=f"case:{number}",
                template="email_only",
                context={"number": number},
            )


def test_a_message_claimed_by_one_run_is_not_claimed_by_another(db):
    _queue_many(3)
    ids = list(Notification.objects.values_list("pk", flat=True))
    _first_token, first = notifications_claim(ids=ids)
    _second_token, second = notifications_claim(ids=ids)
    assert len(first) == 3 and second == []


def test_a_run_that_found_the_messages_first_but_claimed_them_second_sends_nothing(db, monkeypatch):
    """Run A reads the due messages; before it claims them, run B reads, claims and sends them
    all; then A's claim finds nothing left to take."""
    _queue_many(4)
    found_by_a: list[int] = []
    real_due_ids = sending._due_ids

    def due_ids_then_b_runs(limit: int) -> list[int]:
        ids = real_due_ids(limit)
        if not found_by_a:
            found_by_a.extend(ids)
            monkeypatch.setattr(sending, "_due_ids", real_due_ids)
            assert notifications_send_due().sent == 4  # run B
        return ids

    monkeypatch.setattr(sending, "_due_ids", due_ids_then_b_runs)
    report_a = notifications_send_due()
    assert len(found_by_a) == 4 and report_a.done == 0
    assert sorted(message.to[0] for message in mail.outbox) == [f"officer{n}@mfa.example" for n in range(4)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_send_runs_at_the_same_time_send_every_message_exactly_once():
    _queue_many(30)
    start = threading.Barrier(2)
    reports: list[object] = []

    def run() -> None:
        try:
            start.wait()
            reports.append(notifications_send_due(batch_size=3))
        except Exception as exc:  # reported below
            reports.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(report, sending.SendReport) for report in reports), reports
    assert sum(report.sent for report in reports) == 30  # type: ignore[attr-defined]
    addresses = [message.to[0] for message in mail.outbox]
    assert sorted(addresses) == sorted(f"officer{n}@mfa.example" for n in range(30))
    assert set(Notification.objects.values_list("status", flat=True)) == {NotificationStatus.SENT}
