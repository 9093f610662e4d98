"""The public status check's own records: each check asked (the one-time code that may show
the person's cases is delivered for it by a background job), and the counters that limit checks
per client address and per passport number, kept in the database so that every web process
counts the same."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class StatusCheck(models.Model):
    """One status check, made alike for every query: whether or not the details named a person
    on the register, the check has a token (given to the asker, stored only as its hash), an
    expiry and a count of code attempts. The delivery job (``screening.status_codes``) gives a
    check of a person it can reach a code — stored only as a keyed hash — and sends it; every
    other check keeps no code, so that no code opens it."""

    token_hash = models.CharField(max_length=64, unique=True)
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="status_checks"
    )
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("asked"))
    expires_at = models.DateTimeField(_("code valid until"))
    delivered_at = models.DateTimeField(_("handled by the delivery"), null=True, blank=True)
    code_hash = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("code attempts"), default=0)
    used_at = models.DateTimeField(_("code used"), null=True, blank=True)

    class Meta:
        verbose_name = _("status check")
        verbose_name_plural = _("status checks")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")), name="status_check_expires_later"
            ),
        ]
        indexes = [
            models.Index(fields=["created_at"], name="status_check_age"),
            models.Index(fields=["created_at"], condition=Q(delivered_at__isnull=True), name="status_check_to_deliver"),
        ]

    def __str__(self) -> str:
        return f"status check {self.pk}"


class StatusCounter(models.Model):
    """Checks counted in one window (an hour) for one address or one passport number (``key``
    is a keyed hash of either: no number is stored in the clear): every attempt, those answered,
    and when the last was answered (the wait before the next one grows with each)."""

    scope = models.CharField(max_length=16)
    key = models.CharField(max_length=64)
    window = models.BigIntegerField()
    attempts = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    last_answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("status check counter")
        verbose_name_plural = _("status check counters")
        constraints = [models.UniqueConstraint(fields=["scope", "key", "window"], name="one_status_counter_per_window")]
        indexes = [models.Index(fields=["window"], name="status_counter_window")]

    def __str__(self) -> str:
        return f"{self.scope}:{self.window}"
