"""The diaspora and cooperation records the coordinator keeps: diaspora organisations, the council's
public representatives and their mandates, projects, events, the state bodies that own
recommendations, partners' roadmaps, and recommendations (and roadmap items) with their progress.

Each record the public may read carries ``is_public``; the public pages read nothing else.
The rules that span fields (overlapping mandates, participants by sex, a known currency, an owner)
are the services'; the database keeps the simple ones as constraints too.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from mekendesh.reference.models import Country


class Stamped(models.Model):
    is_public = models.BooleanField(
        _("shown to the public"), default=False, help_text=_("Only records marked public appear on the public pages.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("association of compatriots")
    COUNCIL = "council", _("diaspora council")
    CULTURAL = "cultural", _("cultural centre")
    BUSINESS = "business", _("business association")
    STUDENTS = "students", _("student association")
    RELIGIOUS = "religious", _("religious community")
    OTHER = "other", _("other")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    PENDING = "pending", _("registration pending")
    UNREGISTERED = "unregistered", _("not registered")


class Organisation(Stamped):
    name = models.CharField(_("name"), max_length=300)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    city = models.CharField(_("city"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OrganisationKind.choices)
    contacts = models.TextField(_("contacts"), blank=True, help_text=_("Address, e-mail, phone, web site."))
    registration_status = models.CharField(
        _("registration status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )

    class Meta:
        ordering = ["country", "name"]
        indexes = [models.Index(fields=["country", "is_public"])]
        verbose_name = _("diaspora organisation")
        verbose_name_plural = _("diaspora organisations")

    def __str__(self) -> str:
        return self.name


class Representative(Stamped):
    """A public representative of the parliament's council on migration in a country, for one seat
    and one mandate. Two mandates for the same seat (country and seat) may not overlap."""

    full_name = models.CharField(_("full name"), max_length=300)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    seat = models.CharField(
        _("seat"),
        max_length=100,
        default="1",
        help_text=_("The seat's name or number in the country; two mandates for one seat may not overlap."),
    )
    mandate_from = models.DateField(_("mandate from"))
    mandate_until = models.DateField(_("mandate until"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=300, help_text=_("The decision that gave the mandate."))
    contacts = models.TextField(_("public contacts"), blank=True, help_text=_("Shown on the public page."))
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="representatives", verbose_name=_("organisations")
    )

    class Meta:
        ordering = ["country", "seat", "-mandate_from"]
        indexes = [models.Index(fields=["country", "seat"]), models.Index(fields=["country", "is_public"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(mandate_until__isnull=True) | Q(mandate_until__gte=F("mandate_from")),
                name="diaspora_mandate_ends_after_start",
            )
        ]
        verbose_name = _("public representative")
        verbose_name_plural = _("public representatives")

    def __str__(self) -> str:
        return self.full_name

    def serves_on(self, day: dt.date) -> bool:
        return self.mandate_from <= day and (self.mandate_until is None or day <= self.mandate_until)


class ProjectKind(models.TextChoices):
    SMALL_BUSINESS = "small_business", _("small and medium business")
    RETURNEE_JOBS = "returnee_jobs", _("jobs for returnees")
    EDUCATION = "education", _("education")
    CULTURE = "culture", _("culture")
    OTHER = "other", _("other")


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    RUNNING = "running", _("running")
    COMPLETED = "completed", _("completed")
    DROPPED = "dropped", _("dropped")


class Project(Stamped):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=ProjectKind.choices)
    description = models.TextField(_("description"), blank=True)
    owner = models.CharField(_("owner"), max_length=300, help_text=_("Who carries the project out."))
    representative = models.ForeignKey(
        Representative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("public representative"),
        help_text=_("The council's representative who brought the project, if any."),
    )
    partners = models.TextField(_("partners"), blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    funding_amount = models.DecimalField(_("funding amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    funding_currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD, KGS, RUB.")
    )
    funding_source = models.CharField(_("source of funding"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["country", "title"]
        indexes = [models.Index(fields=["country", "is_public"]), models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                name="diaspora_funding_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="diaspora_project_ends_after_start",
            ),
        ]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.title


class EventKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    ROUNDTABLE = "roundtable", _("roundtable")
    TRAINING = "training", _("training")


class Event(Stamped):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    date = models.DateField(_("date"))
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    place = models.CharField(_("place"), max_length=300)
    organisers = models.TextField(_("organisers"))
    participants_total = models.PositiveIntegerField(_("participants in all"))
    participants_women = models.PositiveIntegerField(_("women"))
    participants_men = models.PositiveIntegerField(_("men"))
    participants_state = models.PositiveIntegerField(_("from state bodies"), default=0)
    participants_civil = models.PositiveIntegerField(_("from civil society"), default=0)
    participants_international = models.PositiveIntegerField(_("from international organisations"), default=0)
    participants_media = models.PositiveIntegerField(_("from the media"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    materials = models.TextField(_("materials"), blank=True, help_text=_("Agenda, reports, presentations, links."))
    source = models.CharField(_("source document"), max_length=500, blank=True)

    class Meta:
        ordering = ["-date", "title"]
        # The coordinator's lists by country and date; the public page's public events.
        indexes = [models.Index(fields=["country", "date"]), models.Index(fields=["is_public", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(participants_total=F("participants_women") + F("participants_men")),
                name="diaspora_participants_add_up",
            )
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title


class StateBody(models.Model):
    """A state body that owns recommendations and roadmap items."""

    name = models.CharField(_("name"), max_length=300, unique=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("state body")
        verbose_name_plural = _("state bodies")

    def __str__(self) -> str:
        return self.name


class Roadmap(Stamped):
    """A partner's roadmap (e.g. IOM's): a set of recommendations, its items."""

    title = models.CharField(_("title"), max_length=300)
    partner = models.CharField(_("partner"), max_length=300)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    requested_on = models.DateField(_("requested on"), null=True, blank=True)
    source = models.CharField(_("source document"), max_length=500, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")

    def __str__(self) -> str:
        return self.title


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


OPEN_STATUSES = (RecommendationStatus.OPEN, RecommendationStatus.IN_PROGRESS)


class Recommendation(Stamped):
    """A recommendation (of an event or a document) or a roadmap item, owned by a state body."""

    text = models.TextField(_("recommendation"))
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("event it came from"),
    )
    source_document = models.CharField(
        _("source document"), max_length=500, blank=True, help_text=_("The document it came from: title, author, date.")
    )
    roadmap = models.ForeignKey(
        Roadmap,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("roadmap"),
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    issued_on = models.DateField(_("issued on"))
    owner = models.ForeignKey(
        StateBody, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("owner (state body)")
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["country", "issued_on"]),
            models.Index(fields=["is_public", "country"]),  # the public board
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(event__isnull=False) | ~Q(source_document=""), name="diaspora_recommendation_has_source"
            )
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self, today: dt.date) -> bool:
        return self.deadline is not None and self.deadline < today and self.status in OPEN_STATUSES


class ProgressReport(models.Model):
    """A progress report of a project or of a recommendation (one of the two)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("report"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(project__isnull=False, recommendation__isnull=True)
                | Q(project__isnull=True, recommendation__isnull=False),
                name="diaspora_report_of_one_record",
            )
        ]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"
