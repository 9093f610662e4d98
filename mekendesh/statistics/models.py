"""The statistics app's records.

* **Register indicators.** A :class:`DataSet` of kind ``register`` is one computation of the
  register's indicators at a reference date; its :class:`Aggregate` rows hold the counts of the
  finest cells of each indicator (and, for cell-key perturbation, the sum of the persons' record
  keys in each cell). Each person has a :class:`RecordKey`, drawn once and never regenerated.
* **Official tables.** A :class:`DataSet` of kind ``official`` is one imported official table
  (through the import pipeline, target ``official_table``): its :class:`OfficialFigure` rows, each
  with its indicator, geography, period, value, unit and source. Two sources for one figure are two
  rows, both kept.
* **Releases.** A :class:`Release` (draft → review → published, the platform's workflow) holds
  :class:`ReleaseTable` rows: the table's definition (indicator, dimensions, filters, period,
  method) and, once protected, the cells as they go out. A published release never changes; a
  correction is a new release that names the one it corrects and says what changed. The published
  cells of every published release of a data set are that data set's release ledger.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mekendesh.statistics.titles import table_title_computed, text_in, texts_of


class RecordKey(models.Model):
    """A person's record key for cell-key perturbation: a whole number 0–255 drawn at random once,
    never regenerated, so that the same cell gets the same noise in every table and release."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, primary_key=True, related_name="record_key"
    )
    key = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.person_id}"


class DataSetKind(models.TextChoices):
    REGISTER = "register", _("the register")
    OFFICIAL = "official", _("official table")


class DataSetStatus(models.TextChoices):
    COMPUTING = "computing", _("being computed")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class DataSet(models.Model):
    """The data a release's tables are made from: one computation of the register's indicators at
    a reference date, or one imported official table."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=DataSetKind.choices)
    title = models.CharField(_("title"), max_length=300)
    reference_date = models.DateField(_("reference date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=DataSetStatus.choices, default=DataSetStatus.READY)
    # Official tables: where the figures come from, as the table states it.
    source = models.CharField(_("source"), max_length=500, blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    batch = models.ForeignKey("imports.ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Aggregate(models.Model):
    """The count of one finest cell of a register indicator: ``cell`` maps each of the indicator's
    dimensions to a leaf code (e.g. ``{"destination": "RU", "sex": "F", "age5": "25-29"}``)."""

    dataset = models.ForeignKey(DataSet, on_delete=models.CASCADE, related_name="aggregates")
    indicator = models.CharField(max_length=64)
    cell = models.JSONField()
    count = models.PositiveIntegerField()
    key_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["dataset", "indicator"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.cell}: {self.count}"


class OfficialFigure(models.Model):
    """One figure of an imported official table, as the table gives it, with its source."""

    dataset = models.ForeignKey(DataSet, on_delete=models.CASCADE, related_name="figures")
    row = models.PositiveIntegerField(_("row"))
    indicator = models.CharField(_("indicator"), max_length=100)
    geography = models.CharField(_("geography"), max_length=200)
    # Internal-migration tables: the geography moved to (``geography`` is then the origin).
    destination = models.CharField(_("destination"), max_length=200, blank=True, default="")
    # The period as written (normalised: 2025, 2025-01, 2024-S1, 2011/2024 …) and the dates it spans.
    period = models.CharField(_("period"), max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    # A figure may be a range ("25-30 percent"): value is then None and low/high hold it.
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4, null=True, blank=True)
    value_low = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    value_high = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=50)
    source = models.CharField(_("source"), max_length=500)
    note = models.TextField(_("note"), blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)

    class Meta:
        ordering = ["indicator", "geography", "period_start", "source"]
        indexes = [models.Index(fields=["indicator", "geography", "period"])]

    def __str__(self) -> str:
        return f"{self.indicator}, {self.geography}, {self.period}: {self.source}"


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEW = "review", _("in review")
    PUBLISHED = "published", _("published")


class Release(models.Model):
    """A set of tables published together. Immutable once published."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The public address: /statistics/<slug>/; a correction gets its own slug.
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    # The title and summary in each interface language given (at least one title).
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_tk = models.CharField(_("title (Turkmen)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ky = models.TextField(_("summary (Kyrgyz)"), blank=True)
    summary_ru = models.TextField(_("summary (Russian)"), blank=True)
    summary_tk = models.TextField(_("summary (Turkmen)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    dataset = models.ForeignKey(DataSet, on_delete=models.PROTECT, related_name="releases")
    status = models.CharField(_("status"), max_length=16, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)  # optimistic locking (the workflow's version field)
    corrects = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections")
    changes = models.TextField(_("what changed"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def titles(self) -> dict[str, str]:
        """The title in every language it was given in."""
        return texts_of(self, "title")

    @property
    def summaries(self) -> dict[str, str]:
        return texts_of(self, "summary")

    @property
    def title(self) -> str:
        """The title in the page's language, else in the first language that has it."""
        return text_in(self.titles)[0]

    @property
    def title_language(self) -> str:
        """The language :attr:`title` is in (for the page's ``lang=``)."""
        return text_in(self.titles)[1]

    @property
    def summary(self) -> str:
        return text_in(self.summaries)[0]

    @property
    def summary_language(self) -> str:
        return text_in(self.summaries)[1]


class Method(models.TextChoices):
    SUPPRESSION = "suppression", _("threshold suppression")
    CELL_KEY = "cell-key", _("cell-key perturbation")
    NONE = "none", _("none (official figures already public)")


class ReleaseTable(models.Model):
    """One table of a release: what it shows and, once protected, what goes out.

    ``cells`` is the list of published cells, each ``{"cell": {dimension: code}, "value": int or
    null, "obs_status": "A", "conf_status": "F"}`` (:class:`mekendesh.disclosure.PublishedCell`);
    ``labels`` gives each dimension's codes their names in every interface language
    (``{"destination": {"RU": {"ru": "Россия", "ky": "Орусия", …}}}``)."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="tables")
    code = models.SlugField(_("code"), max_length=80)
    order = models.PositiveSmallIntegerField(default=0)
    # The title in each language the statistician typed it in; none typed: computed (:attr:`title`).
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_tk = models.CharField(_("title (Turkmen)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    indicator = models.CharField(_("indicator"), max_length=64)
    dimensions = models.JSONField(_("dimensions"), default=list)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    period = models.CharField(_("period"), max_length=40, blank=True)
    unit = models.CharField(_("unit"), max_length=50, default="persons")
    source = models.CharField(_("source"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices, default=Method.SUPPRESSION)
    method_version = models.CharField(max_length=64, blank=True)
    threshold = models.PositiveSmallIntegerField(_("threshold"), default=10)
    protection = models.PositiveSmallIntegerField(_("protection level"), default=4)
    totals = models.JSONField(default=dict, blank=True)  # each dimension's total code
    labels = models.JSONField(default=dict, blank=True)
    # Each dimension's hierarchy, {dimension: {code: parent}}: the public pages show one level at a time.
    parents = models.JSONField(default=dict, blank=True)
    cells = models.JSONField(default=list, blank=True)
    protected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["release", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["release", "code"], name="statistics_table_code_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def titles(self) -> dict[str, str]:
        """The title in every language the statistician typed it in (empty: none typed)."""
        return texts_of(self, "title")

    @property
    def titles_shown(self) -> dict[str, str]:
        """The title by language: as typed (only the languages typed), or, none typed, computed
        in every language."""
        typed = self.titles
        if typed:
            return typed
        return {language: self.title_in(language)[0] for language in ("ky", "ru", "tk", "en")}

    def title_in(self, language: str | None = None) -> tuple[str, str]:
        """The title in ``language`` (the page's by default) and the language it is in: the
        typed title (else a typed one in another language), or, none typed, the title computed
        from the indicator and dimensions in ``language``."""
        typed = self.titles
        if typed:
            return text_in(typed, language)
        shown = text_in({}, language)[1]
        return table_title_computed(self.indicator, self.dimensions, shown), shown

    @property
    def title(self) -> str:
        return self.title_in()[0]

    @property
    def title_language(self) -> str:
        return self.title_in()[1]
