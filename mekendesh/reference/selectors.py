"""Reads of reference data for forms, filters and reports."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet

from mekendesh.reference.models import ConsularDistrict, Country, District, HostRegion, Region


def countries_of_destination() -> QuerySet[Country]:
    """Countries where a consular district serves stays (whole or by host region), by name."""
    served = Q(consular_districts__isnull=False) | Q(host_regions__consular_districts__isnull=False)
    return Country.objects.filter(served).distinct().order_by("name_en")


def regions_of_origin(*, country_code: str | None = None) -> QuerySet[Region]:
    """The regions of ``country_code``, by default of the country of origin this installation serves."""
    return Region.objects.filter(country_id=country_code or settings.ORIGIN_COUNTRY).order_by("kind", "name_en")


def districts_of(*, region: Region | str) -> QuerySet[District]:
    code = region if isinstance(region, str) else region.code
    return District.objects.filter(region__code=code).order_by("name_en")


def host_regions_of(*, country: Country | str) -> QuerySet[HostRegion]:
    code = country if isinstance(country, str) else country.code
    return HostRegion.objects.filter(country_id=code).order_by("name_en")


def consular_district_by_code(code: str) -> ConsularDistrict | None:
    return ConsularDistrict.objects.filter(code=code).first()
