"""Reference data shipped with the code: countries, regions of origin, host regions, consular
districts and languages. Every name is kept in each interface language (Kyrgyz, Russian,
Turkmen, Tajik, Uzbek, English); a name missing in Tajik or Uzbek is shown in Russian, the
language both countries' migrants read besides their own, and any other gap in English."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

NAME_LANGUAGES = ("ky", "ru", "tk", "tg", "uz", "en")
FALLBACK = {"tg": "ru", "uz": "ru"}


class LocalizedName(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=200, blank=True)
    name_tk = models.CharField(_("name (Turkmen)"), max_length=200, blank=True)
    name_tg = models.CharField(_("name (Tajik)"), max_length=200, blank=True)
    name_uz = models.CharField(_("name (Uzbek)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = (get_language() or "en").split("-")[0]
        return self.name_in(language)

    def name_in(self, language: str) -> str:
        """The name in ``language``; in Russian where a Tajik or Uzbek name is missing, else in English."""
        if language not in NAME_LANGUAGES:
            return self.name_en
        name = getattr(self, f"name_{language}")
        if not name and language in FALLBACK:
            name = getattr(self, f"name_{FALLBACK[language]}")
        return name or self.name_en


class Country(LocalizedName):
    """A country of ISO 3166-1."""

    code = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166-1 numeric code"), max_length=3, unique=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Region(LocalizedName):
    """A first-level division of a country of origin (an oblast, a welayat, a viloyat, or a city of
    national status)."""

    class Kind(models.TextChoices):
        REGION = "region", _("region (oblast, welayat, viloyat)")
        CITY = "city", _("city of national status")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="regions")
    code = models.CharField(_("code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.REGION)

    class Meta:
        ordering = ["country", "name_en"]
        verbose_name = _("region of origin")
        verbose_name_plural = _("regions of origin")


class District(LocalizedName):
    """A second-level division (a raion, an etrap, a tuman, or a city district) of a region of origin."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="districts")
    code = models.CharField(_("code"), max_length=24, unique=True)

    class Meta:
        ordering = ["region", "name_en"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class HostRegion(LocalizedName):
    """A region of a host country (a federal subject of Russia, a city, a province)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="host_regions")
    code = models.CharField(_("code"), max_length=16, unique=True)

    class Meta:
        ordering = ["country", "name_en"]
        verbose_name = _("host region")
        verbose_name_plural = _("host regions")


class ConsularDistrict(LocalizedName):
    """The area a consulate or embassy serves: whole countries and/or named host regions.

    A stay belongs to the district that names its host region; failing that, to the one that
    names its whole country.
    """

    code = models.CharField(_("code"), max_length=32, unique=True)
    city = models.CharField(_("seat of the consulate"), max_length=100)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="consular_districts", verbose_name=_("whole countries")
    )
    host_regions = models.ManyToManyField(
        HostRegion, blank=True, related_name="consular_districts", verbose_name=_("host regions")
    )
    # How people reach the consulate (shown to the person by the public status check); the
    # ministry keeps them current in the administration.
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("consular district")
        verbose_name_plural = _("consular districts")


class Language(LocalizedName):
    code = models.CharField(_("ISO 639 code"), max_length=8, primary_key=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class InstalledOrigin(models.Model):
    """The country of origin this database holds the register of: written by the first
    ``mekendesh migrate``, and compared with ``MEKENDESH_ORIGIN_COUNTRY`` at every start, so that
    one country's data is never shown as another's. One row; ``mekendesh origin`` changes it."""

    country = models.CharField(_("country of origin"), max_length=2)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("country of origin of this installation")
        verbose_name_plural = _("country of origin of this installation")

    def __str__(self) -> str:
        return self.country
