"""The register of citizens abroad: people, their names in every script, identity documents,
stays abroad and consents."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedTextField


class Sex(models.TextChoices):
    FEMALE = "F", _("female")
    MALE = "M", _("male")


class Person(models.Model):
    public_id = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("date of birth"))
    origin_region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region of origin")
    )
    origin_district = models.ForeignKey(
        "reference.District", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district of origin")
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("account"),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Possible duplicates are looked up by date of birth.
        indexes = [models.Index(fields=["birth_date"], name="person_birth_date")]

    def __str__(self) -> str:
        primary = self.primary_name
        return primary.full_name if primary else str(self.public_id)

    @property
    def primary_name(self) -> NameForm | None:
        names = list(self.names.all())
        for name in names:
            if name.is_primary:
                return name
        return names[0] if names else None


class Script(models.TextChoices):
    KYRGYZ_CYRILLIC = "ky-Cyrl", _("Kyrgyz Cyrillic")
    RUSSIAN_CYRILLIC = "ru-Cyrl", _("Russian Cyrillic")
    PASSPORT_LATIN = "Latn-ICAO", _("passport Latin (ICAO 9303)")
    TURKMEN_LATIN = "tk-Latn", _("Turkmen Latin")
    UZBEK_LATIN = "uz-Latn", _("Uzbek Latin")
    KAZAKH_CYRILLIC = "kk-Cyrl", _("Kazakh Cyrillic")
    TAJIK_CYRILLIC = "tg-Cyrl", _("Tajik Cyrillic")
    OTHER_LATIN = "Latn", _("other Latin")


class NameSource(models.TextChoices):
    SELF_DECLARED = "self", _("declared by the person")
    OFFICER = "officer", _("entered by an officer")
    PASSPORT = "passport", _("from the passport")
    HOST_LIST = "host_list", _("from a host-country list")
    DERIVED = "derived", _("derived spelling")
    IMPORT = "import", _("bulk import")


class NameForm(models.Model):
    """One way a person's name is written: a script and where the spelling comes from."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    script = models.CharField(_("script"), max_length=16, choices=Script.choices)
    source = models.CharField(_("source"), max_length=16, choices=NameSource.choices)
    surname = models.CharField(_("surname"), max_length=100)
    given_names = models.CharField(_("given names"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    is_primary = models.BooleanField(_("primary"), default=False)
    # Transliteration-insensitive key of the whole name (mekendesh.names.name_key) for search.
    search_key = models.CharField(max_length=400, db_index=True, editable=False)

    class Meta:
        ordering = ["-is_primary", "id"]
        verbose_name = _("name form")
        verbose_name_plural = _("name forms")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(is_primary=True), name="one_primary_name_per_person"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.surname, self.given_names, self.patronymic) if part)


class NameToken(models.Model):
    """One word of a name form's search key, so that name search looks words up in an index (on
    SQLite and PostgreSQL alike) instead of scanning every name. Written with the name form
    (:func:`mekendesh.people.search_index.name_tokens_write`), never edited by hand."""

    token = models.CharField(max_length=400)
    name_form = models.ForeignKey(NameForm, on_delete=models.CASCADE, related_name="tokens")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name_form", "token"], name="one_token_per_name_form"),
        ]
        indexes = [models.Index(fields=["token", "person"], name="name_token_lookup")]

    def __str__(self) -> str:
        return self.token


class DocumentKind(models.TextChoices):
    PASSPORT = "passport", _("passport")
    ID_CARD = "id_card", _("identity card")
    OTHER = "other", _("other document")


class DocumentData(models.Model):
    """What an identity document holds. The number is encrypted (Fernet: AES-CBC with HMAC) and a
    keyed hash (HMAC-SHA256) beside it allows exact look-up without decrypting every row."""

    kind = models.CharField(_("document"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.PASSPORT)
    issuing_country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("issuing country")
    )
    number = EncryptedCharField(_("document number"), max_length=20)
    number_hash = models.CharField(max_length=64, db_index=True, editable=False)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    mrz = EncryptedTextField(_("machine-readable zone"), blank=True, null=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.masked_number}"

    @property
    def masked_number(self) -> str:
        number = self.number or ""
        return "•" * max(len(number) - 3, 0) + number[-3:]


class IdentityDocument(DocumentData):
    """An identity document of a person, one row per number (per kind and issuing country)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("identity document")
        verbose_name_plural = _("identity documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "issuing_country", "number_hash"], name="one_document_per_number"),
        ]


class StayPurpose(models.TextChoices):
    WORK = "work", _("work")
    STUDY = "study", _("study")
    FAMILY = "family", _("family")
    OTHER = "other", _("other")


class PermitType(models.TextChoices):
    NONE = "none", _("none needed")
    PATENT = "patent", _("patent (Russia)")
    WORK_PERMIT = "work_permit", _("work permit")
    EAEU_CONTRACT = "eaeu_contract", _("employment contract (EAEU citizen)")
    TEMPORARY_RESIDENCE = "temporary_residence", _("temporary residence permit")
    RESIDENCE = "residence", _("residence permit")
    STUDENT_VISA = "student_visa", _("student visa")
    OTHER = "other", _("other")


class StayStatus(models.TextChoices):
    DECLARED = "declared", _("declared")
    VERIFIED = "verified", _("verified")
    ENDED = "ended", _("ended")


class Stay(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="stays")
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    host_region = models.ForeignKey(
        "reference.HostRegion", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    # Where in the country of origin the person last lived before this departure (internal
    # migration before emigration); empty when not stated, never filled in from the origin.
    residence_region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region of last residence"),
    )
    residence_district = models.ForeignKey(
        "reference.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district of last residence"),
    )
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=16, choices=StayPurpose.choices, default=StayPurpose.WORK)
    permit_type = models.CharField(_("permit"), max_length=24, choices=PermitType.choices, default=PermitType.NONE)
    permit_expiry = models.DateField(_("permit expires"), null=True, blank=True)
    arrival_date = models.DateField(_("arrival date"))
    departure_date = models.DateField(_("departure or return date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=StayStatus.choices, default=StayStatus.DECLARED)
    # The consular district the stay falls in, resolved from its host region or country.
    consular_district = models.ForeignKey(
        "reference.ConsularDistrict",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stays",
        verbose_name=_("consular district"),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    # Idempotency key of the form that created the stay: a repeated submission finds it again.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-arrival_date", "-id"]
        verbose_name = _("stay abroad")
        verbose_name_plural = _("stays abroad")
        # An officer's workload and queue: a district's stays by status, oldest arrival first.
        indexes = [
            models.Index(fields=["consular_district", "status", "arrival_date"], name="stay_district_queue"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(departure_date__isnull=True) | Q(departure_date__gte=models.F("arrival_date")),
                name="stay_departs_after_arrival",
            ),
            models.CheckConstraint(
                condition=~Q(status="verified") | Q(verified_at__isnull=False),
                name="verified_stay_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.city} {self.arrival_date}"


class ConsentPurpose(models.TextChoices):
    REGISTER = "register", _("keeping me on the register of citizens abroad")
    CONSULAR_CONTACT = "consular_contact", _("contacting me about my stay, cases and emergencies")
    REMINDERS = "reminders", _("reminders before my permit or registration expires")


class Consent(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=24, choices=ConsentPurpose.choices)
    wording_version = models.CharField(_("wording version"), max_length=16)
    given_at = models.DateTimeField(_("given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["purpose", "-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        # The active consents are indexed by the unique constraint; the withdrawn ones (the few
        # people no longer on the register) by a partial index of their own.
        constraints = [
            models.UniqueConstraint(
                fields=["person", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_purpose",
            ),
        ]
        indexes = [
            models.Index(
                fields=["purpose", "person"], condition=Q(withdrawn_at__isnull=False), name="consent_withdrawn"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.given_at:%Y-%m-%d}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class DocumentClaim(DocumentData):
    """A document number given on the public registration form that is already on the register for
    someone else. The registration is kept without a second document row and the person is flagged
    for the consulate as a possible duplicate; the public form answers exactly as for any other
    number, so that it does not tell anyone which passport numbers are registered."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="document_claims")
    # The person the number is registered to (kept for the consulate, never shown to the claimant).
    holder = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("registered to")
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("document awaiting a check")
        verbose_name_plural = _("documents awaiting a check")


class LinkageFeatures(models.Model):
    """A person's linkage features (:func:`mekendesh.linkage.features.record_features` of their
    primary name, date of birth and sex), kept so that a screening run reads them instead of
    computing them for the whole register (see :mod:`mekendesh.people.linkage_features`).

    The ``src_*`` fields hold what they were computed from, and ``version`` the features' version:
    a row that differs from the person's current values, or of another version, is stale.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, primary_key=True, related_name="+")
    version = models.PositiveIntegerField()
    src_surname = models.CharField(max_length=100)
    src_given_names = models.CharField(max_length=100)
    src_patronymic = models.CharField(max_length=100, blank=True)
    src_birth_date = models.DateField()
    src_sex = models.CharField(max_length=1)
    # the columns of mekendesh.linkage.features.COLUMNS (unique_id is the person's id)
    full_name = models.TextField(null=True)
    sur = models.TextField(null=True)
    giv = models.TextField(null=True)
    pat = models.TextField(null=True)
    sur_sk = models.TextField(null=True)
    giv_sk = models.TextField(null=True)
    pat_sk = models.TextField(null=True)
    toks = models.TextField(null=True)
    name_key = models.TextField(null=True)
    pair4 = models.TextField(null=True)
    sur3 = models.TextField(null=True)
    giv3 = models.TextField(null=True)
    dob = models.TextField(null=True)
    dob_swap = models.TextField(null=True)
    dob_year = models.TextField(null=True)
    sex = models.TextField(null=True)
    surw = models.TextField(null=True)
    givw = models.TextField(null=True)
    patw = models.TextField(null=True)
    surw_srt = models.TextField(null=True)
    givw_srt = models.TextField(null=True)
    patw_srt = models.TextField(null=True)
    giv_init = models.TextField(null=True)
    pat_init = models.TextField(null=True)
    sur_root = models.TextField(null=True)

    class Meta:
        ordering = ["person"]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.full_name}"
