"""Screening: host-country lists (a register of controlled persons, entry bans, deportations …),
their versions and entries, the runs that link them against the register, and the candidate
matches an analyst reviews.

A list arrives as a file through the import pipeline (target ``host_list``). Each file that is
imported becomes a :class:`ListVersion`; once applied, its rows become or keep
:class:`ListEntry` rows, each with a stable key (the list's own id, or one made from the row's
content) and a hash of its content. An entry's row stays while the list keeps naming it unchanged;
a changed row is a new entry (the old one is kept as evidence, marked gone), so that a decision on
an entry holds exactly as long as the entry says the same thing.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField


class ListKind(models.TextChoices):
    CONTROLLED_PERSONS = "controlled_persons", _("register of controlled persons")
    ENTRY_BAN = "entry_ban", _("entry bans")
    DEPORTATION = "deportation", _("deportations and expulsions")
    WANTED = "wanted", _("wanted persons")
    OTHER = "other", _("other list")


# The assistance case a confirmed match opens, by the kind of list.
KIND_CASE_TYPES = {
    ListKind.CONTROLLED_PERSONS: "register_removal",
    ListKind.ENTRY_BAN: "entry_ban",
    ListKind.DEPORTATION: "deportation",
    ListKind.WANTED: "detention",
    ListKind.OTHER: "other",
}


class ListSource(models.Model):
    """A host country's list, as the ministry knows it: who keeps it, what it is and what being
    on it means for a person (told to the person by the status check and their case)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    authority = models.CharField(_("authority that keeps it"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=ListKind.choices)
    consequence = models.TextField(
        _("what it means for a person"),
        help_text=_("Shown to the person: what being on this list means for them."),
    )
    advice = models.TextField(
        _("what to do"), blank=True, help_text=_("Shown to the person: what they should do next.")
    )
    # The import pipeline's source of this list's files (the mapping of its columns is kept there).
    import_source = models.OneToOneField(
        "imports.ImportSource", on_delete=models.PROTECT, related_name="host_list", verbose_name=_("import source")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("host-country list")
        verbose_name_plural = _("host-country lists")

    def __str__(self) -> str:
        return self.name

    @property
    def case_type(self) -> str:
        return KIND_CASE_TYPES[ListKind(self.kind)]


class VersionStatus(models.TextChoices):
    PENDING = "pending", _("awaiting confirmation")
    APPLIED = "applied", _("applied")
    REJECTED = "rejected", _("rejected")


class ListVersion(models.Model):
    """One file of a list, imported: what it adds, changes and removes against the list as it
    stood. A version that would remove more than ``SCREENING_CONFIRM_REMOVAL_SHARE`` of the list
    waits for an analyst's confirmation before it is applied."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.ForeignKey(ListSource, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    batch = models.OneToOneField(
        "imports.ImportBatch", on_delete=models.PROTECT, null=True, blank=True, related_name="list_version"
    )
    status = models.CharField(_("status"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.PENDING)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    added = models.PositiveIntegerField(_("added"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    removed = models.PositiveIntegerField(_("removed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    without_birth_date = models.PositiveIntegerField(_("without a date of birth"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["source", "-number"]
        verbose_name = _("list version")
        verbose_name_plural = _("list versions")
        constraints = [
            models.UniqueConstraint(fields=["source", "number"], name="one_list_version_number"),
            models.UniqueConstraint(
                fields=["source"], condition=Q(status="pending"), name="one_pending_version_per_list"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} #{self.number}"


class VersionRow(models.Model):
    """A row of an imported version, as checked (its key, content hash and values), until the
    version is applied or rejected."""

    version = models.ForeignKey(ListVersion, on_delete=models.CASCADE, related_name="rows_staged")
    key = models.CharField(max_length=80)
    content_hash = models.CharField(max_length=64)
    payload = models.JSONField()

    class Meta:
        indexes = [models.Index(fields=["version", "key"], name="version_row_key")]

    def __str__(self) -> str:
        return f"{self.version_id}:{self.key}"


class GoneReason(models.TextChoices):
    REMOVED = "removed", _("no longer on the list")
    CHANGED = "changed", _("changed on the list")


class ListEntry(models.Model):
    """A person as a list names them: the row as read (evidence), the values the linkage reads,
    and the versions that named it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.ForeignKey(ListSource, on_delete=models.PROTECT, related_name="entries")
    key = models.CharField(_("key on the list"), max_length=80)
    content_hash = models.CharField(max_length=64)
    full_name = models.CharField(_("name on the list"), max_length=300)
    surname = models.CharField(max_length=100, blank=True)
    given_names = models.CharField(max_length=100, blank=True)
    patronymic = models.CharField(max_length=100, blank=True)
    # As the list gives it: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known; empty if none.
    birth_date = models.CharField(_("date of birth on the list"), max_length=10, blank=True)
    sex = models.CharField(max_length=1, blank=True)
    citizenship = models.CharField(_("citizenship on the list"), max_length=100, blank=True)
    document_number = EncryptedCharField(_("document on the list"), max_length=40, null=True, blank=True)
    document_hash = models.CharField(max_length=64, blank=True, db_index=True)
    listed_on = models.DateField(_("on the list since"), null=True, blank=True)
    reason = models.TextField(_("ground given by the list"), blank=True)
    raw = models.JSONField(_("row as read"), default=dict)
    first_version = models.ForeignKey(ListVersion, on_delete=models.PROTECT, related_name="+")
    last_version = models.ForeignKey(ListVersion, on_delete=models.PROTECT, related_name="+")
    gone_in = models.ForeignKey(ListVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    gone_reason = models.CharField(max_length=16, choices=GoneReason.choices, blank=True)

    class Meta:
        ordering = ["source", "key"]
        verbose_name = _("list entry")
        verbose_name_plural = _("list entries")
        constraints = [
            models.UniqueConstraint(fields=["source", "key", "content_hash"], name="one_entry_per_content"),
            models.UniqueConstraint(
                fields=["source", "key"], condition=Q(gone_in__isnull=True), name="one_current_entry_per_key"
            ),
            models.CheckConstraint(
                condition=Q(gone_in__isnull=True, gone_reason="")
                | Q(gone_in__isnull=False, gone_reason__in=["removed", "changed"]),
                name="gone_entries_say_why",
            ),
        ]
        indexes = [models.Index(fields=["source", "first_version"], name="list_entry_added_in")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_current(self) -> bool:
        return self.gone_in_id is None


class RunKind(models.TextChoices):
    VERSION = "version", _("a new list version")
    PEOPLE = "people", _("new and changed registrations")
    FULL = "full", _("the whole register against the whole list")


class ScreeningRun(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("what was screened"), max_length=16, choices=RunKind.choices)
    source = models.ForeignKey(ListSource, on_delete=models.PROTECT, null=True, blank=True, related_name="runs")
    version = models.ForeignKey(ListVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="runs")
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    engine = models.CharField(_("engine"), max_length=16, default="duckdb")
    # The registrations screened by a PEOPLE run: those changed after this moment.
    people_since = models.DateTimeField(null=True, blank=True)
    entries = models.PositiveIntegerField(_("list entries"), default=0)
    people = models.PositiveIntegerField(_("people"), default=0)
    matches = models.PositiveIntegerField(_("likely matches"), default=0)
    reviews = models.PositiveIntegerField(_("to review"), default=0)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("screening run")
        verbose_name_plural = _("screening runs")

    def __str__(self) -> str:
        return f"{self.kind} {self.started_at:%Y-%m-%d %H:%M}"


class CandidateStatus(models.TextChoices):
    OPEN = "open", _("to review")
    UNSURE = "unsure", _("unsure")
    PROPOSED = "proposed", _("same person: awaiting a second reviewer")
    CONFIRMED = "confirmed", _("same person: confirmed")
    REJECTED = "rejected", _("not the same person")


class Candidate(models.Model):
    """A person on the register the linkage found alike to a list entry, with its score and
    the explanation of every part of it; reviewed by analysts (see ``screening.workflows``)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    entry = models.ForeignKey(ListEntry, on_delete=models.PROTECT, related_name="candidates")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="screening_candidates")
    run = models.ForeignKey(ScreeningRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="candidates")
    probability = models.FloatField(_("match probability"))
    weight = models.FloatField(_("match weight"))
    decision = models.CharField(_("engine's decision"), max_length=8)  # match or review
    # comparison → [level label, match weight in bits], in the engine's order.
    explanation = models.JSONField(default=dict)
    status = models.CharField(_("review"), max_length=16, choices=CandidateStatus.choices, default=CandidateStatus.OPEN)
    version = models.PositiveIntegerField(default=1)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-probability", "id"]
        verbose_name = _("candidate match")
        verbose_name_plural = _("candidate matches")
        constraints = [
            models.UniqueConstraint(fields=["entry", "person"], name="one_candidate_per_pair"),
            models.CheckConstraint(
                condition=Q(probability__gte=0) & Q(probability__lte=1), name="candidate_probability_range"
            ),
            models.CheckConstraint(
                condition=~Q(status="proposed") | Q(proposed_by__isnull=False), name="proposal_has_its_reviewer"
            ),
        ]
        indexes = [models.Index(fields=["status", "probability"], name="candidate_queue")]

    def __str__(self) -> str:
        return f"{self.entry_id} ~ {self.person_id}"


class Verdict(models.TextChoices):
    SAME = "same", _("same person")
    NOT_SAME = "not_same", _("not the same person")
    UNSURE = "unsure", _("unsure")
    CONFIRM = "confirm", _("confirmed as the same person")
    UNDO = "undo", _("judgement undone")


class Judgement(models.Model):
    """One reviewer's word on a candidate, kept for good (undoing adds a row): who, what, with
    which note, and whether they judged without seeing the score first."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="judgements")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(_("verdict"), max_length=16, choices=Verdict.choices)
    note = models.TextField(_("note"), blank=True)
    blind = models.BooleanField(_("judged without the score"), default=False)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("judgement")
        verbose_name_plural = _("judgements")

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.verdict}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("judgements are only ever added")
        super().save(*args, **kwargs)


# The public status check's own records (mekendesh.screening.status).
from mekendesh.screening.status_models import StatusCheck, StatusCounter  # noqa: E402, F401
