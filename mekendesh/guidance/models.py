"""Guidance for people working abroad: articles per destination and topic, a version of each per
language with its own editorial state, the history of their texts, and the rules of stay as data
(the deadlines the articles state, per citizenship and destination, with the dates they apply)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Every language an article may be written in, named in itself; an installation writes in the
# interface languages of its country of origin (installation_languages).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("ky", "Кыргызча"),
    ("ru", "Русский"),
    ("tk", "Türkmençe"),
    ("tg", "Тоҷикӣ"),
    ("uz", "Oʻzbekcha"),
    ("en", "English"),
)
LANGUAGE_CODES = tuple(code for code, _name in LANGUAGES)


def installation_languages() -> tuple[str, ...]:
    """The languages this installation's articles are written in: its interface languages
    (``settings.LANGUAGES``), in the order of :data:`LANGUAGES`."""
    offered = {code for code, _name in settings.LANGUAGES}
    return tuple(code for code in LANGUAGE_CODES if code in offered)


class Topic(models.TextChoices):
    """The topics of guidance; the value is the topic's part of the page's address."""

    ENTRY = "entry", _("Entry")
    REGISTRATION = "registration", _("Migration registration")
    WORK = "work", _("Work")
    RESTRICTION_REGISTERS = "restriction-registers", _("Restriction registers")
    DEPORTATION = "deportation-and-bans", _("Deportation and entry bans")
    RIGHTS_AT_WORK = "rights-at-work", _("Rights at work and unpaid wages")
    HEALTH = "health-and-insurance", _("Health and insurance")
    EMERGENCY = "emergency-contacts", _("Emergency contacts")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEW = "review", _("in review")
    PUBLISHED = "published", _("published")


class Article(models.Model):
    """One topic for one destination country (or for every destination)."""

    destination = models.ForeignKey(
        "reference.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("destination country"),
        help_text=_("Empty: the article applies to every destination."),
    )
    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices)
    source_language = models.CharField(
        _("source language"),
        max_length=8,
        choices=LANGUAGES,
        default="ru",
        help_text=_("Translations are made from the version in this language."),
    )
    review_interval_days = models.PositiveIntegerField(
        _("review interval (days)"), default=180, help_text=_("An article not reviewed for this long is stale.")
    )
    example = models.BooleanField(
        _("example content"), default=False, help_text=_("Example content, to be reviewed by the ministry.")
    )
    rules_changed_at = models.DateTimeField(
        _("a cited rule changed"), null=True, blank=True, help_text=_("Set when a rule the article cites changes.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["destination__name_en", "topic"]
        verbose_name = _("guidance article")
        verbose_name_plural = _("guidance articles")
        constraints = [
            models.UniqueConstraint(
                fields=["destination", "topic"],
                condition=models.Q(destination__isnull=False),
                name="guidance_article_one_per_destination_topic",
            ),
            models.UniqueConstraint(
                fields=["topic"],
                condition=models.Q(destination__isnull=True),
                name="guidance_article_one_general_per_topic",
            ),
            models.CheckConstraint(condition=models.Q(review_interval_days__gte=1), name="guidance_interval_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.country_slug}/{self.topic}"

    @property
    def country_slug(self) -> str:
        return self.destination_id.lower() if self.destination_id else "all"


class ArticleVersion(models.Model):
    """An article in one language. The editable text (``title``, ``body``, ``legal_basis``) goes
    through draft → review → published; the public reads the ``published_*`` copy, which stays
    online while a new text is written and reviewed."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)  # optimistic locking, moved by every write
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Simple formatting only; {{rule:registration_days}} shows a rule."))
    legal_basis = models.TextField(_("legal basis"), help_text=_("The laws or treaties the article rests on."))
    revision = models.PositiveIntegerField(_("revision"), default=1)  # the number of the text's latest save
    translated_from_revision = models.PositiveIntegerField(
        _("translated from revision"),
        null=True,
        blank=True,
        help_text=_("The revision of the source-language version this translation was made from."),
    )
    last_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_title = models.CharField(max_length=200, blank=True)
    published_body = models.TextField(blank=True)
    published_legal_basis = models.TextField(blank=True)
    published_revision = models.PositiveIntegerField(null=True, blank=True)
    published_translated_from = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    last_reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    # The text the search index holds (the normaliser's folded and Latin forms of the published text).
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["article", "language"]
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="guidance_one_version_per_language"),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="guidance_version_known_language"
            ),
        ]
        indexes = [models.Index(fields=["status", "language"], name="guidance_version_status")]

    def __str__(self) -> str:
        return f"{self.article} [{self.language}]"

    @property
    def is_online(self) -> bool:
        return self.published_at is not None

    def is_stale(self, *, today: dt.date) -> bool:
        """Published and not reviewed within the article's interval, or a cited rule changed since."""
        if self.last_reviewed_at is None:
            return self.is_online
        if self.article.rules_changed_at is not None and self.article.rules_changed_at > self.last_reviewed_at:
            return True
        return self.last_reviewed_at.date() + dt.timedelta(days=self.article.review_interval_days) < today


class Revision(models.Model):
    """Every saved text of a version (append-only): the history, and the diff a reviewer reads."""

    article_version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    legal_basis = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article_version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article_version", "number"], name="guidance_revision_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.article_version} r{self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("revisions are append-only")
        super().save(*args, **kwargs)


class RuleKind(models.TextChoices):
    """What a rule says (a number of calendar days); the value is the name of its placeholder.

    The first six are the terms of a stay that the articles state and the reminders count with
    (a migration registration runs out ``registration_days`` after arrival). The last three are
    the host country's terms that assistance cases run on, each named by the step of a case type
    whose deadline it sets (``Deadline(rule=...)`` in :mod:`mekendesh.cases.workflows`), where a
    rule for the case's host country is known; elsewhere the step keeps the workflow's own number:

    * ``departure_days``: the days a person given an expulsion or deportation decision has to leave
      the country on their own (in Russia, five days after a court's decision of expulsion by
      controlled self-departure takes effect: Code of Administrative Offences, art. 32.10(6)); the
      deportation case's step "travel document issued" runs on it;
    * ``authority_answer_days``: the days an authority has to answer a written request (in Russia,
      30: Federal Law No. 59-FZ, art. 12); the steps that wait for the host authority's answer to a
      request to take a person off a register, to lift an entry ban or to order unpaid wages paid;
    * ``court_appeal_days``: the days a person has to appeal the authority's refusal in court (in
      Russia, three months: Code of Administrative Procedure, art. 219); the person's step after a
      removal refused or a ban upheld, of which the reminders remind them.
    """

    REGISTRATION_DAYS = "registration_days", _("days to register after arrival")
    STAY_DAYS = "stay_days", _("days of stay allowed in a period")
    STAY_PERIOD_DAYS = "stay_period_days", _("length of that period (days)")
    VISA_FREE_DAYS = "visa_free_days", _("days of visa-free stay")
    PERMIT_VALIDITY_DAYS = "permit_validity_days", _("validity of a work permit (days)")
    CONTRACT_NOTICE_DAYS = "contract_notice_days", _("days to report a labour contract")
    DEPARTURE_DAYS = "departure_days", _("days to leave after an expulsion or deportation decision")
    AUTHORITY_ANSWER_DAYS = "authority_answer_days", _("days an authority has to answer a written request")
    COURT_APPEAL_DAYS = "court_appeal_days", _("days to appeal an authority's decision in court")


class Rule(models.Model):
    """A rule of stay for citizens of one country in another, from a date (to a date), with the
    law it rests on. The rule in force on a day is the one whose dates hold it."""

    citizenship = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("citizenship")
    )
    destination = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("destination")
    )
    kind = models.CharField(_("rule"), max_length=32, choices=RuleKind.choices)
    value = models.PositiveIntegerField(_("value (days)"))
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=500)
    note = models.CharField(_("note"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["destination", "citizenship", "kind", "effective_from"]
        verbose_name = _("rule of stay")
        verbose_name_plural = _("rules of stay")
        constraints = [
            models.UniqueConstraint(
                fields=["citizenship", "destination", "kind", "effective_from"], name="guidance_rule_once_per_start"
            ),
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True) | models.Q(effective_to__gte=models.F("effective_from")),
                name="guidance_rule_dates_in_order",
            ),
        ]
        indexes = [models.Index(fields=["citizenship", "destination", "kind"], name="guidance_rule_lookup")]

    def __str__(self) -> str:
        return f"{self.citizenship_id}→{self.destination_id} {self.kind}={self.value} ({self.effective_from})"


class ReminderSubject(models.TextChoices):
    """What a reminder is about."""

    PERMIT = "permit", _("work or residence permit")
    REGISTRATION = "registration", _("migration registration")
    PASSPORT = "passport", _("passport")
    RULE = "rule", _("a rule of stay changed")
    CASE = "case", _("time to act in a case")


class Reminder(models.Model):
    """A reminder told to a person: one row per person, subject, record, date and interval,
    written in the same transaction as its messages, so that a job run twice (or again after a
    crash) finds it and sends nothing more."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="guidance_reminders", verbose_name=_("person")
    )
    subject = models.CharField(_("about"), max_length=16, choices=ReminderSubject.choices)
    # The record it is about: "stay:12", "document:3", "rule:5@2" (a rule at its version),
    # "case:7:refused" (a case at its step).
    reference = models.CharField(_("record"), max_length=64)
    due_date = models.DateField(
        _("runs out on"), help_text=_("The expiry date, or the day a changed rule applies from.")
    )
    days_before = models.PositiveSmallIntegerField(_("days before"), default=0)
    language = models.CharField(_("language"), max_length=8)
    channels = models.CharField(_("channels"), max_length=32, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "subject", "reference", "due_date", "days_before"], name="guidance_reminder_once"
            ),
        ]
        indexes = [models.Index(fields=["person", "-created_at"], name="guidance_reminder_person")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.subject} {self.due_date} -{self.days_before}"
