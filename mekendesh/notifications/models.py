"""Messages to people and users: one row per event, channel and address, rendered when queued in
the recipient's language and sent by the ``notifications.send`` job.

The address, subject and text are personal data and are stored encrypted (Fernet, as the
register's document numbers); a keyed hash (HMAC-SHA256) of the address beside it lets the
database refuse a second message for the same event to the same address."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedTextField


class Channel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("SMS")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("not sent")


class Notification(models.Model):
    event_key = models.CharField(_("event"), max_length=200)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    address = EncryptedCharField(_("address"), max_length=254)
    address_hash = models.CharField(max_length=64, editable=False)
    language = models.CharField(_("language"), max_length=8)
    template = models.CharField(_("template"), max_length=100)
    subject = EncryptedTextField(_("subject"), blank=True, null=True)
    body = EncryptedTextField(_("text"))
    html_body = EncryptedTextField(_("HTML text"), blank=True, null=True)
    about_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("about")
    )
    about_id = models.CharField(_("about record"), max_length=64, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("person"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    # The address is the person's own, given with their consent to consular contact: checked
    # again before sending, so that a withdrawal stops messages already queued.
    needs_consent = models.BooleanField(_("needs consent"), default=False)
    # The purpose of that consent (``people.ConsentPurpose``); empty: consular contact.
    consent_purpose = models.CharField(_("consent purpose"), max_length=24, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # When it is due: queued rows at once, failed ones after a back-off; empty once given up.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "channel", "address_hash"], name="notification_once_per_event_and_address"
            ),
            models.CheckConstraint(
                condition=~Q(status=NotificationStatus.SENT) | Q(sent_at__isnull=False),
                name="notification_sent_has_time",
            ),
        ]
        indexes = [
            # The sending job's question: what is due now?
            models.Index(fields=["status", "next_attempt_at"], name="notification_due"),
            # A person's own page: the messages sent to them, newest first.
            models.Index(fields=["person", "status", "-sent_at"], name="notification_person_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.event_key} ({self.channel})"

    @property
    def masked_address(self) -> str:
        return mask_address(self.address or "")


def mask_address(address: str) -> str:
    """An address shown without giving it away: ``a•••@example.org``, ``+99655•••456``."""
    if "@" in address:
        local, _at, domain = address.rpartition("@")
        return f"{local[:1]}•••@{domain}"
    if len(address) > 8:
        return f"{address[:6]}•••{address[-3:]}"
    return "•••"
