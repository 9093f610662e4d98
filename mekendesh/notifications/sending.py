"""Sending the queued messages (the ``notifications.send`` job's work).

Each run claims the due messages batch by batch with one conditional UPDATE (only rows still
waiting or due for a retry move to "being sent", under the run's own token), so that two workers
never send one message twice; sends each through Django's mail (``MAILERS``) or the SMS backend
(``SMS_BACKEND``); and marks it sent, with an audit row, or failed with the error and a time to
try again (``NOTIFICATION_RETRY_SECONDS``, doubling, at most ``NOTIFICATION_MAX_ATTEMPTS``
attempts). A message whose run stopped while sending it (a killed worker) is tried again after
:data:`SENDING_STALE`: it may then arrive twice, which is better than never.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.notifications.models import Channel, Notification, NotificationStatus, mask_address
from mekendesh.notifications.services import consular_contact_allowed
from mekendesh.notifications.sms import SmsMessage, get_sms_backend, sms_enabled

logger = logging.getLogger("mekendesh.notifications")

SENDING_STALE = dt.timedelta(minutes=15)
ERROR_MAX_LENGTH = 1000


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.skipped


def _due(now: dt.datetime) -> Q:
    return Q(status__in=[NotificationStatus.PENDING, NotificationStatus.FAILED], next_attempt_at__lte=now)


def notifications_due_count(*, now: dt.datetime | None = None) -> int:
    return Notification.objects.filter(_due(now or timezone.now())).count()


def _retry_at(attempts: int, attempted_at: dt.datetime) -> dt.datetime | None:
    """When to try again after ``attempts`` failed attempts, the last begun at ``attempted_at``:
    ``NOTIFICATION_RETRY_SECONDS`` later, doubling with each attempt; ``None`` once they are
    used up."""
    if attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        return None
    return attempted_at + dt.timedelta(seconds=settings.NOTIFICATION_RETRY_SECONDS * 2 ** max(attempts - 1, 0))


def notifications_recover(*, now: dt.datetime | None = None) -> int:
    """Put messages left "being sent" by a run that stopped back in line (or give them up when
    their attempts are used up). Returns how many."""
    now = now or timezone.now()
    stale = Notification.objects.filter(status=NotificationStatus.SENDING, claimed_at__lt=now - SENDING_STALE)
    error = _("The sending was interrupted.")
    retried = stale.filter(attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS).update(
        status=NotificationStatus.FAILED, last_error=error, next_attempt_at=now, claim_token=""
    )
    given_up = stale.update(status=NotificationStatus.FAILED, last_error=error, next_attempt_at=None, claim_token="")
    return retried + given_up


def notifications_claim(*, ids: list[int], now: dt.datetime | None = None) -> tuple[str, list[Notification]]:
    """Claim those of ``ids`` that are still due, in one conditional UPDATE: a row another run
    claimed first no longer matches. Returns the claim's token and the rows it got."""
    now = now or timezone.now()
    token = uuid.uuid4().hex
    Notification.objects.filter(_due(now), pk__in=ids).update(
        status=NotificationStatus.SENDING, claim_token=token, claimed_at=now, attempts=F("attempts") + 1
    )
    rows = Notification.objects.filter(claim_token=token, status=NotificationStatus.SENDING)
    return token, list(rows.select_related("person").order_by("next_attempt_at", "pk"))


def _due_ids(limit: int) -> list[int]:
    rows = Notification.objects.filter(_due(timezone.now())).order_by("next_attempt_at", "pk")
    return list(rows.values_list("pk", flat=True)[:limit])


def _masked(error: str, address: str) -> str:
    if address:
        error = error.replace(address, mask_address(address))
    return error[:ERROR_MAX_LENGTH]


def _deliver(row: Notification) -> int:
    """Hand the message to the mail or SMS backend; returns how many it accepted."""
    if row.channel == Channel.EMAIL:
        message = EmailMultiAlternatives(
            subject=row.subject or "",
            body=row.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[row.address],
            headers={"Auto-Submitted": "auto-generated", "Content-Language": row.language},
        )
        if row.html_body:
            message.attach_alternative(row.html_body, "text/html")
        return mailers.default.send_messages([message]) or 0
    return get_sms_backend().send_messages([SmsMessage(to=row.address, body=row.body)])


def _finish(row: Notification, token: str, **changes: object) -> bool:
    """Store the outcome if the row is still this run's."""
    claimed = Notification.objects.filter(pk=row.pk, claim_token=token, status=NotificationStatus.SENDING)
    return bool(claimed.update(**changes))


def _mark_sent(row: Notification, token: str) -> None:
    with transaction.atomic():
        _finish(row, token, status=NotificationStatus.SENT, sent_at=timezone.now(), last_error="", next_attempt_at=None)
        # It went out whatever the row says now: the audit trail records that it did.
        audit_record(
            actor=None,
            action=AuditEvent.Action.EXPORT,
            obj=row,
            person=row.person,
            fields=["address", "subject", "body"] if row.channel == Channel.EMAIL else ["address", "body"],
        )


def _mark_failed(row: Notification, token: str, error: str) -> None:
    _finish(
        row,
        token,
        status=NotificationStatus.FAILED,
        last_error=_masked(error, row.address),
        next_attempt_at=_retry_at(row.attempts, row.claimed_at or timezone.now()),
    )


def _skip_reason(row: Notification) -> str:
    if row.needs_consent and (
        row.person_id is None or not consular_contact_allowed(row.person_id, purpose=row.consent_purpose or None)
    ):
        return _("The person withdrew their consent to be contacted there.")
    if row.channel == Channel.SMS and not sms_enabled():
        return _("Sending SMS is turned off.")
    return ""


def notification_send(*, row: Notification, token: str) -> str:
    """Send one claimed message and store what happened: ``sent``, ``failed`` or ``skipped``."""
    reason = _skip_reason(row)
    if reason:
        _finish(row, token, status=NotificationStatus.SKIPPED, last_error=reason, next_attempt_at=None)
        return NotificationStatus.SKIPPED
    try:
        accepted = _deliver(row)
    except Exception as exc:
        logger.warning("notification %s (%s) not sent: %s", row.pk, row.channel, type(exc).__name__)
        _mark_failed(row, token, f"{type(exc).__name__}: {exc}")
        return NotificationStatus.FAILED
    if not accepted:
        _mark_failed(row, token, _("The backend accepted no message."))
        return NotificationStatus.FAILED
    _mark_sent(row, token)
    return NotificationStatus.SENT


def notifications_send_due(
    *,
    batch_size: int = 50,
    progress: Callable[[SendReport], None] | None = None,
    stop: Callable[[], None] | None = None,
) -> SendReport:
    """Send every message that is due, batch by batch, until none is left. ``progress`` hears
    of each message handled; ``stop`` is asked before each batch (and may raise to stop)."""
    report = SendReport()
    notifications_recover()
    while True:
        if stop is not None:
            stop()
        ids = _due_ids(batch_size)
        if not ids:
            return report
        token, rows = notifications_claim(ids=ids)
        for row in rows:
            outcome = notification_send(row=row, token=token)
            setattr(report, outcome, getattr(report, outcome) + 1)
            if progress is not None:
                progress(report)
