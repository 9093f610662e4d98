"""Legal employment abroad: licensed recruitment agencies and the warnings about illegal ones,
vetted job offers, and pre-departure and skills courses with their enrolments.

A licence's status (valid, suspended, revoked, expired) and an offer's vetting move only through
their workflows (:mod:`mekendesh.employment.workflows`), which keep the history of every move.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mekendesh.employment import isco


class LicenceStatus(models.TextChoices):
    VALID = "valid", pgettext_lazy("licence status", "valid")
    SUSPENDED = "suspended", pgettext_lazy("licence status", "suspended")
    REVOKED = "revoked", pgettext_lazy("licence status", "revoked")
    EXPIRED = "expired", pgettext_lazy("licence status", "expired")


class Agency(models.Model):
    """A recruitment agency and its licence to place workers abroad."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(max_length=400, editable=False, db_index=True)
    holder = models.CharField(_("licence holder"), max_length=200)
    licence_number = models.CharField(_("licence number"), max_length=60)
    licence_key = models.CharField(max_length=60, unique=True, editable=False)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(
        _("licence status"), max_length=16, choices=LicenceStatus.choices, default=LicenceStatus.VALID, db_index=True
    )
    countries = models.ManyToManyField(
        "reference.Country", related_name="+", verbose_name=_("countries served"), blank=True
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("recruitment agency")
        verbose_name_plural = _("recruitment agencies")
        constraints = [
            models.CheckConstraint(condition=Q(valid_until__gte=F("valid_from")), name="employment_licence_dates"),
            models.CheckConstraint(condition=Q(status__in=LicenceStatus.values), name="employment_licence_status"),
        ]

    def __str__(self) -> str:
        return self.name


class AgencyWarning(models.Model):
    """A warning about someone found recruiting without a licence (or beyond it)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name used"), max_length=200)
    name_key = models.CharField(max_length=400, editable=False, db_index=True)
    where_reported = models.CharField(_("where reported"), max_length=200)
    reported_on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=300)
    details = models.TextField(_("what was found"), blank=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="warnings", verbose_name=_("agency")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "name"]
        verbose_name = _("warning about an illegal recruiter")
        verbose_name_plural = _("warnings about illegal recruiters")

    def __str__(self) -> str:
        return self.name


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("awaiting vetting")
    VETTED = "vetted", _("vetted")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Housing(models.TextChoices):
    FREE = "free", _("provided free of charge")
    PAID = "paid", _("provided, paid from the wage")
    NONE = "none", _("not provided")


class Offer(models.Model):
    """A job offer abroad, placed through a licensed agency and vetted by employment staff."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="offers", verbose_name=_("agency"))
    employer = models.CharField(_("employer"), max_length=200)
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    city = models.CharField(_("city"), max_length=120)
    title = models.CharField(_("job title"), max_length=200)
    isco_code = models.CharField(_("occupation (ISCO-08 unit group)"), max_length=4, db_index=True)
    wage = models.DecimalField(_("monthly wage"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    hours_per_week = models.PositiveSmallIntegerField(_("hours a week"))
    housing = models.CharField(_("housing"), max_length=8, choices=Housing.choices)
    contract_months = models.PositiveSmallIntegerField(_("contract length (months)"))
    positions = models.PositiveIntegerField(_("positions"), default=1)
    description = models.TextField(_("conditions"), blank=True)
    expires_on = models.DateField(_("open until"), db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=OfferStatus.choices, default=OfferStatus.DRAFT, db_index=True
    )
    vetted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    vetted_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("job offer")
        verbose_name_plural = _("job offers")
        indexes = [models.Index(fields=["status", "country", "expires_on"], name="employment_offer_public")]
        constraints = [
            models.CheckConstraint(condition=Q(wage__gt=0), name="employment_offer_wage_positive"),
            models.CheckConstraint(condition=Q(hours_per_week__gt=0), name="employment_offer_hours_positive"),
            models.CheckConstraint(condition=Q(contract_months__gt=0), name="employment_offer_contract_positive"),
            models.CheckConstraint(condition=Q(positions__gt=0), name="employment_offer_positions_positive"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(vetted_at__isnull=False), name="employment_offer_vetted_when"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.city}"

    @property
    def occupation(self) -> isco.Group | None:
        return isco.group(self.isco_code)


class SavedOffer(models.Model):
    """An offer a migrant keeps in their account."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="saved")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [models.UniqueConstraint(fields=["user", "offer"], name="employment_offer_saved_once")]

    def __str__(self) -> str:
        return str(self.offer)


class Addressee(models.TextChoices):
    CONSULATE = "consulate", _("the consulate")
    AGENCY = "agency", _("the agency")


class OfferQuestion(models.Model):
    """A migrant's question about an offer, to the consulate or to the agency (employment staff
    read it, pass it on, and answer it; the answer is shown in the migrant's account)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="questions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    addressee = models.CharField(pgettext_lazy("question addressed", "to"), max_length=12, choices=Addressee.choices)
    message = models.TextField(_("your question"), max_length=2000)
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-asked_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, answer="") | (Q(answered_at__isnull=False) & ~Q(answer="")),
                name="employment_question_answered_with_text",
            )
        ]

    def __str__(self) -> str:
        return f"{self.offer}: {self.get_addressee_display()}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


class Topic(models.TextChoices):
    LANGUAGE = "language", _("language")
    TRADE = "trade", _("trade skills")
    RIGHTS = "rights", _("rights and rules of the destination")
    FINANCE = "finance", _("financial literacy")


class Course(models.Model):
    """A pre-departure or skills course."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    topic = models.CharField(_("topic"), max_length=12, choices=Topic.choices)
    destination = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("for work in"),
    )
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    seats = models.PositiveIntegerField(_("seats"))
    description = models.TextField(_("what it teaches"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="employment_course_dates"),
            models.CheckConstraint(condition=Q(seats__gt=0), name="employment_course_seats"),
            models.CheckConstraint(condition=Q(online=True) | ~Q(place=""), name="employment_course_place"),
        ]

    def __str__(self) -> str:
        return self.title


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("enrolled")
    WAITING = "waiting", _("on the waiting list")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")


class Enrolment(models.Model):
    """A migrant's place (or place on the waiting list) in a course, their attendance and its
    completion, with the signed certificate issued on completion (and its revocation, if it is
    withdrawn: the certificate's bit is then set in the certificates' status list)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    participant_name = models.CharField(_("participant"), max_length=200)
    status = models.CharField(_("status"), max_length=12, choices=EnrolmentStatus.choices, db_index=True)
    days_attended = models.PositiveSmallIntegerField(_("days attended"), default=0)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    certificate = models.TextField(_("certificate"), blank=True)
    # The certificate's bit in the certificates' revocation status list (one index per certificate,
    # never reused; none for a certificate issued before the list existed).
    status_index = models.PositiveIntegerField(_("status list index"), null=True, blank=True, unique=True)
    revoked_at = models.DateTimeField(_("certificate revoked"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), max_length=1000, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["enrolled_at", "id"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="employment_enrolment_once"),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(completed_at__isnull=False), name="employment_completed_when"
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revocation_reason="")
                | (Q(revoked_at__isnull=False, status="completed") & ~Q(revocation_reason="")),
                name="employment_certificate_revoked_with_a_reason",
            ),
        ]
        # The status list reads the revoked certificates' indexes.
        indexes = [
            models.Index(
                fields=["status_index"], condition=Q(revoked_at__isnull=False), name="employment_certificate_revoked"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_name}: {self.course}"

    @property
    def certificate_revoked(self) -> bool:
        return self.revoked_at is not None
