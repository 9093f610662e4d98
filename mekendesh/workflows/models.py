"""The records of the workflow primitive: every move of a workflow (append-only) and every
submission that must not be carried out twice."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkflowAction(models.Model):
    """One move of one object in a workflow: who, when, from which state to which, and why.
    Rows are only ever added (the object's history)."""

    workflow = models.CharField(_("workflow"), max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("record type"))
    object_id = models.CharField(_("record"), max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=64)
    from_state = models.CharField(_("from"), max_length=32)
    to_state = models.CharField(_("to"), max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=64, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("workflow action")
        verbose_name_plural = _("workflow actions")
        indexes = [models.Index(fields=["content_type", "object_id", "id"], name="workflow_action_object")]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="workflow_action_once_per_actor_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workflow}: {self.from_state} → {self.to_state} ({self.action})"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("workflow actions are append-only")
        super().save(*args, **kwargs)


class Submission(models.Model):
    """A form or request carried out once: its key (the form's hidden ``submission_key``, an
    API ``Idempotency-Key``), who sent it, what kind of thing it did and the record it made. The
    same key sent again returns that record; from another account it is refused."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=100)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("record type"))
    object_id = models.CharField(_("record"), max_length=64)
    result = GenericForeignKey("content_type", "object_id")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"
