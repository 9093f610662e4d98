"""Assistance cases: a person's problem abroad (a host-country register, an entry ban, deportation,
detention, unpaid wages, an accident, a death, lost documents …) that a consulate or the ministry
works through the steps of its type, each with the party that acts and a deadline.

A case moves only through its type's workflow (:mod:`mekendesh.cases.workflows`); everything
else that happens to it — assignment, transfer, pause, escalation — is a :class:`CaseEvent`, and
notes and documents are rows of their own. All four are only ever added, never edited: together
with the workflow's actions they are the case's timeline.
"""

from __future__ import annotations

import os
import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedEmailField


class CaseType(models.TextChoices):
    REGISTER_REMOVAL = "register_removal", _("removal from a host-country register")
    ENTRY_BAN = "entry_ban", _("entry ban")
    DEPORTATION = "deportation", _("deportation or expulsion")
    DETENTION = "detention", _("detention")
    UNPAID_WAGES = "unpaid_wages", _("unpaid wages or labour dispute")
    HEALTH = "health", _("accident or health")
    DEATH = "death", _("death and repatriation of remains")
    LOST_DOCUMENTS = "lost_documents", _("lost documents")
    OTHER = "other", _("other")


class Party(models.TextChoices):
    """Who acts next in a step of a case."""

    CONSULATE = "consulate", _("the consulate")
    MINISTRY = "ministry", _("the ministry")
    PERSON = "person", _("the person")
    HOST_AUTHORITY = "host_authority", _("the host authority")


class CaseOrigin(models.TextChoices):
    OFFICER = "officer", _("opened by an officer")
    REQUEST = "request", _("asked for by the person")
    REPRESENTATIVE = "representative", _("asked for by a relative or representative")
    SCREENING = "screening", _("a confirmed match on a host-country list")


class Escalation(models.IntegerChoices):
    NONE = 0, _("not escalated")
    HEAD_OF_CONSULATE = 1, _("escalated to the head of the consulate")
    MINISTRY = 2, _("escalated to the ministry")


# The states every type shares; the rest are the type's own (mekendesh.cases.workflows).
REQUESTED = "requested"
OPEN = "open"
CLOSED = "closed"
DECLINED = "declined"
FINISHED_STATES = (CLOSED, DECLINED)


class Case(models.Model):
    public_id = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    case_type = models.CharField(_("type"), max_length=32, choices=CaseType.choices)
    status = models.CharField(_("step"), max_length=32, default=OPEN)
    version = models.PositiveIntegerField(default=1)
    # The person on the register the case is about; a request filed by a relative for someone
    # not (yet) found on the register names them in ``subject_name`` until an officer links them.
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="cases", verbose_name=_("person")
    )
    subject_name = models.CharField(_("name as given"), max_length=200, blank=True)
    subject_birth_date = models.DateField(_("date of birth as given"), null=True, blank=True)
    # The consulate that works the case; none: the ministry itself.
    consular_district = models.ForeignKey(
        "reference.ConsularDistrict",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("consular district"),
    )
    # Where it happens: its public holidays count in the deadlines of the host authority.
    host_country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host country"),
    )
    origin = models.CharField(_("how it began"), max_length=16, choices=CaseOrigin.choices, default=CaseOrigin.OFFICER)
    summary = models.TextField(_("what happened"), blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    # The current step: since when, and by when its party must act (working days, see deadlines).
    step_started_at = models.DateTimeField(_("step began"), default=timezone.now)
    due_date = models.DateField(_("due"), null=True, blank=True)
    paused_since = models.DateField(_("paused since"), null=True, blank=True)
    pause_reason = models.CharField(_("why paused"), max_length=300, blank=True)
    escalation = models.PositiveSmallIntegerField(_("escalation"), choices=Escalation.choices, default=Escalation.NONE)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    # What a screening match or another system knows the case by (a list entry), for its replays.
    source_reference = models.CharField(_("source reference"), max_length=200, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("assistance case")
        verbose_name_plural = _("assistance cases")
        indexes = [
            # A consulate's case list by step, and the deadline scan of open cases.
            models.Index(fields=["consular_district", "status", "due_date"], name="case_district_status_due"),
            models.Index(fields=["assignee", "status"], name="case_assignee_status"),
            models.Index(fields=["due_date"], condition=Q(closed_at__isnull=True), name="case_open_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(subject_name=""), name="case_names_its_subject"
            ),
            models.CheckConstraint(
                condition=Q(status__in=FINISHED_STATES, closed_at__isnull=False)
                | (~Q(status__in=FINISHED_STATES) & Q(closed_at__isnull=True)),
                name="case_closed_when_finished",
            ),
            models.CheckConstraint(condition=Q(escalation__lte=2), name="case_escalation_level"),
            models.CheckConstraint(
                condition=Q(paused_since__isnull=True) | Q(closed_at__isnull=True), name="case_finished_not_paused"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The case's reference as people quote it: year of opening and a serial."""
        return f"{self.opened_at:%Y}-{self.pk or 0:06d}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATES

    @property
    def display_name(self) -> str:
        if self.person_id is not None:
            primary = self.person.primary_name  # type: ignore[union-attr]
            if primary is not None:
                return primary.full_name
        return self.subject_name

    @property
    def workflow_name(self) -> str:
        return f"case.{self.case_type}"


class Relationship(models.TextChoices):
    PARENT = "parent", _("parent")
    SPOUSE = "spouse", _("husband or wife")
    CHILD = "child", _("son or daughter")
    SIBLING = "sibling", _("brother or sister")
    RELATIVE = "relative", _("other relative")
    LAWYER = "lawyer", _("lawyer")
    DIASPORA = "diaspora", _("diaspora representative")
    OTHER = "other", _("other")


class ConsentBasis(models.TextChoices):
    AGREED = "agreed", _("the person asked me to, or agreed that I ask for help on their behalf")
    CANNOT_AGREE = (
        "cannot_agree",
        _("the person cannot agree now: detained, in hospital, missing or deceased, and I am their close relative"),
    )


class CaseRepresentative(models.Model):
    """Who asked for help on the person's behalf, and the consent they recorded for it."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="representative")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="represented_cases",
        verbose_name=_("account"),
    )
    full_name = EncryptedCharField(_("full name"), max_length=200)
    relationship = models.CharField(_("relationship to the person"), max_length=16, choices=Relationship.choices)
    # Empty contacts are stored as NULL (the encrypted fields keep no empty ciphertext).
    phone = EncryptedCharField(_("phone number"), max_length=20, blank=True, null=True)
    email = EncryptedEmailField(_("e-mail address"), blank=True, null=True)
    consent_basis = models.CharField(_("consent"), max_length=16, choices=ConsentBasis.choices)
    consent_wording_version = models.CharField(_("wording version"), max_length=16)
    consent_given_at = models.DateTimeField(_("consent recorded"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return self.full_name


class AppendOnly(models.Model):
    """A row of a case's history: added, never changed."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("update_fields"):
            raise ValueError(f"{type(self).__name__} rows are only ever added")
        super().save(*args, **kwargs)


class CaseEvent(AppendOnly):
    """Something that happened to a case besides a move of its workflow."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("opened")
        REQUESTED = "requested", _("asked for help")
        ASSIGNED = "assigned", _("assigned")
        TRANSFERRED = "transferred", _("transferred")
        PAUSED = "paused", _("paused")
        RESUMED = "resumed", _("resumed")
        ESCALATED = "escalated", _("escalated")
        PERSON_LINKED = "person_linked", _("linked to the register")
        REMINDED = "reminded", _("reminded")
        DELISTED = "delisted", _("no longer on the host-country list")
        MATCH_WITHDRAWN = "match_withdrawn", _("list match withdrawn")
        DEADLINE_MOVED = "deadline_moved", _("deadline moved by a changed rule of stay")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    # What changed (ids and labels of districts, officers, levels) and the reason given.
    details = models.JSONField(default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    visible_to_person = models.BooleanField(default=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        indexes = [models.Index(fields=["case", "at"], name="case_event_timeline")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


class CaseNote(AppendOnly):
    """A note on a case: internal to the staff, or shared with the person (and their
    representative). Notes the person or their representative write are always shared."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_person = models.BooleanField(_("written by the person's side"), default=False)
    body = models.TextField(_("note"))
    visible_to_person = models.BooleanField(_("shown to the person"), default=False)
    at = models.DateTimeField(_("when"), default=timezone.now)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")
        indexes = [models.Index(fields=["case", "at"], name="case_note_timeline")]
        constraints = [
            models.CheckConstraint(condition=Q(by_person=False) | Q(visible_to_person=True), name="person_notes_shared")
        ]

    def __str__(self) -> str:
        return f"{self.case_id} note {self.pk}"


class CaseDocumentStorage(FileSystemStorage):
    """Case documents live outside the web root, in ``CASE_DOCUMENTS_DIR`` (read when used, so a
    changed setting applies at once), and have no URL: only the case pages serve them, to those
    who may see the case."""

    @property
    def base_location(self) -> str:
        return str(settings.CASE_DOCUMENTS_DIR)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("case documents have no URL: the case pages serve them")


def case_document_storage() -> FileSystemStorage:
    return CaseDocumentStorage()


def _document_path(instance: CaseDocument, filename: str) -> str:
    # The stored name is never the uploaded one: the case's id and a random name with the
    # extension of the type found in the content.
    return f"{instance.case.public_id}/{uuid.uuid4().hex}{instance.extension}"


class CaseDocument(AppendOnly):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_person = models.BooleanField(_("sent by the person's side"), default=False)
    name = models.CharField(_("file name"), max_length=160)
    content_type = models.CharField(_("type"), max_length=100)
    extension = models.CharField(max_length=8)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    file = models.FileField(storage=case_document_storage, upload_to=_document_path, max_length=200)
    visible_to_person = models.BooleanField(_("shown to the person"), default=False)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")
        constraints = [
            # The same file sent twice to a case is one document.
            models.UniqueConstraint(fields=["case", "sha256"], name="one_copy_of_a_file_per_case"),
            models.CheckConstraint(
                condition=Q(by_person=False) | Q(visible_to_person=True), name="person_files_shared"
            ),
            models.CheckConstraint(condition=Q(size__gt=0), name="case_document_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name
