"""Registration credentials: what the ministry signed for a verified stay, so that a consulate, an
employer or a border officer can check it offline (:mod:`mekendesh.lib.credential`).

The signed text holds the person's name and date of birth: it is stored encrypted, like the
register's other personal fields. What the status list and the pages need (the key, the dates,
the status-list index, the revocation) is stored in the clear.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField


class RevocationReason(models.TextChoices):
    STAY_ENDED = "stay_ended", _("the stay ended")
    REPLACED = "replaced", _("replaced by a new credential")
    LOST = "lost", _("lost or stolen")
    DATA_WRONG = "data_wrong", _("the data on it is wrong")
    ISSUED_IN_ERROR = "issued_in_error", _("issued in error")
    KEY_RETIRED = "key_retired", _("its signing key was withdrawn")


# The reasons an officer gives; the others are the system's (the stay ended, a new credential).
OFFICER_REASONS = (
    RevocationReason.LOST,
    RevocationReason.DATA_WRONG,
    RevocationReason.ISSUED_IN_ERROR,
)


class Credential(models.Model):
    public_id = models.UUIDField(_("credential number"), default=uuid.uuid4, unique=True, editable=False)
    stay = models.ForeignKey("people.Stay", on_delete=models.CASCADE, related_name="credentials")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="credentials")
    key_id = models.CharField(_("signing key"), max_length=16)
    issued_at = models.DateTimeField(_("issued"))
    valid_until = models.DateTimeField(_("valid until"))
    # The credential's bit in the public revocation status list (one index per credential, never reused).
    status_index = models.PositiveIntegerField(_("status list index"), unique=True)
    token = EncryptedTextField(_("signed credential"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(
        _("reason for revocation"), max_length=24, choices=RevocationReason.choices, blank=True
    )
    revocation_note = models.CharField(_("note"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("registration credential")
        verbose_name_plural = _("registration credentials")
        constraints = [
            # A stay has one credential in circulation: a new one replaces (revokes) the old.
            models.UniqueConstraint(
                fields=["stay"], condition=Q(revoked_at__isnull=True), name="one_unrevoked_credential_per_stay"
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revocation_reason="")
                | (Q(revoked_at__isnull=False) & ~Q(revocation_reason="")),
                name="credential_revoked_with_a_reason",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("issued_at")), name="credential_valid_after_issue"
            ),
        ]
        # The status list reads the revoked indexes.
        indexes = [
            models.Index(fields=["status_index"], condition=Q(revoked_at__isnull=False), name="credential_revoked"),
        ]

    def __str__(self) -> str:
        return str(self.public_id)
