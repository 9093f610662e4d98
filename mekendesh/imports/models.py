"""Imports of files: where a file comes from, each file sent (a batch), its staged rows and the
errors of its bad rows."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ImportSource(models.Model):
    """Who sends files of one kind (a consulate's spreadsheet, a host country's list): the
    column mapping confirmed for its last file is remembered for the next one."""

    target = models.CharField(_("kind of data"), max_length=64)
    name = models.CharField(_("source"), max_length=200)
    # Normalised header → field name ("" = the column is not imported).
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    # Field name → value used for every row when the file has no such column.
    defaults = models.JSONField(_("values for every row"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["target", "name"]
        verbose_name = _("import source")
        verbose_name_plural = _("import sources")
        constraints = [models.UniqueConstraint(fields=["target", "name"], name="one_import_source_per_name")]

    def __str__(self) -> str:
        return self.name


class BatchStatus(models.TextChoices):
    UPLOADED = "uploaded", _("uploaded")
    VALIDATING = "validating", _("checking")
    VALIDATED = "validated", _("checked")
    PROMOTING = "promoting", _("importing")
    PROMOTED = "promoted", _("imported")
    REFUSED = "refused", _("refused")
    DISCARDED = "discarded", _("discarded")


# A file in one of these states holds its place: the same file sent again (a second tab, a
# second click) finds it instead of starting a second import.
LIVE_STATUSES = (
    BatchStatus.UPLOADED,
    BatchStatus.VALIDATING,
    BatchStatus.VALIDATED,
    BatchStatus.PROMOTING,
    BatchStatus.PROMOTED,
)


class ImportMode(models.TextChoices):
    SKIP_BAD = "skip_bad", _("import the valid rows and skip the bad ones")
    ALL_OR_NOTHING = "all_or_nothing", _("import nothing until the whole file is clean")


class ImportBatch(models.Model):
    """One file sent for import, from upload to promotion."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    target = models.CharField(_("kind of data"), max_length=64)
    source = models.ForeignKey(ImportSource, on_delete=models.PROTECT, related_name="batches", verbose_name=_("source"))
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.BigIntegerField(_("size in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    # What the file was read as (guessed from its content, corrected by the officer).
    file_kind = models.CharField(_("file type"), max_length=8)
    encoding = models.CharField(_("encoding"), max_length=32, blank=True)
    delimiter = models.CharField(_("delimiter"), max_length=4, blank=True)
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    sheets = models.JSONField(default=list, blank=True)
    headers = models.JSONField(_("columns"), default=list, blank=True)
    # Column position (as text) → field name; "" = not imported.
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    defaults = models.JSONField(_("values for every row"), default=dict, blank=True)
    mode = models.CharField(_("bad rows"), max_length=16, choices=ImportMode.choices, default=ImportMode.SKIP_BAD)
    # Rows proposed as already registered (by name and date of birth) are imported as new people
    # only when the officer says so.
    import_possible_duplicates = models.BooleanField(default=False)
    status = models.CharField(_("status"), max_length=16, choices=BatchStatus.choices, default=BatchStatus.UPLOADED)
    version = models.PositiveIntegerField(default=1)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    valid = models.PositiveIntegerField(_("valid"), default=0)
    invalid = models.PositiveIntegerField(_("with errors"), default=0)
    duplicates_in_file = models.PositiveIntegerField(_("duplicates within the file"), default=0)
    already_registered = models.PositiveIntegerField(_("already registered"), default=0)
    possible_duplicates = models.PositiveIntegerField(_("possibly registered"), default=0)
    promoted = models.PositiveIntegerField(_("imported"), default=0)
    # Why the file was refused: a message (its English source) and its parameters, translated
    # when shown, so that each reader sees it in their own language.
    refusal = models.TextField(blank=True)
    refusal_params = models.JSONField(default=dict, blank=True)
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    report_csv = models.FileField(upload_to="imports/reports/%Y/%m/", blank=True)
    report_xlsx = models.FileField(upload_to="imports/reports/%Y/%m/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    validated_at = models.DateTimeField(_("checked"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("imported"), null=True, blank=True)
    promoted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            models.UniqueConstraint(
                fields=["target", "sha256"], condition=Q(status__in=LIVE_STATUSES), name="one_live_import_per_file"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def refusal_text(self) -> str:
        if not self.refusal:
            return ""
        message = gettext(self.refusal)
        return message % self.refusal_params if self.refusal_params else message


class StagedStatus(models.TextChoices):
    VALID = "valid", _("valid")
    INVALID = "invalid", _("with errors")
    DUPLICATE_IN_FILE = "duplicate", _("duplicate within the file")
    REGISTERED = "registered", _("already registered")
    POSSIBLE_DUPLICATE = "possible", _("possibly registered")


class StagedRow(models.Model):
    """A row of a file between its check and its promotion. A valid row holds what will be
    stored (document numbers already encrypted); a bad row holds the row as it was read, for the
    error report. Deleted when the batch is imported or discarded."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="staged")
    row = models.PositiveIntegerField(_("row"))
    status = models.CharField(max_length=16, choices=StagedStatus.choices)
    payload = models.JSONField(default=dict)
    raw = models.JSONField(default=list)
    # The keyed hash of the row's document number: duplicates are found by joining on it.
    key_hash = models.CharField(max_length=64, blank=True)
    # The registered person the row is, or may be (public identifier), and how sure that is.
    existing_person = models.UUIDField(null=True, blank=True)
    match_probability = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "row"]
        indexes = [models.Index(fields=["batch", "status", "row"], name="staged_row_batch")]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.row}"


class ImportRowError(models.Model):
    """One problem of one row: the row's number in the file, the column, the value and the
    message (its English source with parameters, translated for whoever reads it)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="errors")
    row = models.PositiveIntegerField(_("row"))
    column = models.CharField(_("column"), max_length=200, blank=True)
    value = models.CharField(_("value"), max_length=200, blank=True)
    message = models.TextField(_("message"))
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["batch", "row", "id"]
        indexes = [models.Index(fields=["batch", "row"], name="import_error_batch_row")]

    def __str__(self) -> str:
        return f"{self.row} {self.column}"

    @property
    def text(self) -> str:
        message = gettext(self.message)
        try:
            return message % self.params if self.params else message
        except (KeyError, TypeError, ValueError):
            return message
