"""Loading the shipped reference data (:mod:`mekendesh.reference.data`) into the database.

Idempotent: every row is matched by its code and updated in place, so running it again (a new
release with corrected names, or ``mekendesh migrate`` on an existing database) changes only
what changed. The data migrations call it with their historical models, which may predate some
name fields (the Tajik and Uzbek ones came in migration 0005): only the fields a model has are
written.

Every database gets the countries, the host regions, the languages and the regions and districts
of all four countries of origin (KG, TM, TJ, UZ); the consular districts are those of the
installation's own country of origin (``settings.ORIGIN_COUNTRY``) only. Consular districts of
the database that are not in that list (another origin's, or ones the ministry added) are left
as they are: officers and records may refer to them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from mekendesh.reference.data.abroad import CONSULAR_DISTRICTS, HOST_REGIONS
from mekendesh.reference.data.countries import country_rows
from mekendesh.reference.data.languages import LANGUAGES
from mekendesh.reference.data.origins import DIVISIONS

NAME_FIELDS = ("name_en", "name_ru", "name_ky", "name_tk", "name_tg", "name_uz")


def _names(row: Any, model: Any) -> dict[str, str]:
    """``row``'s names, for the name fields ``model`` has."""
    fields = {field.name for field in model._meta.get_fields()}
    return {name: getattr(row, name) for name in NAME_FIELDS if name in fields}


def reference_load(apps: Any = None) -> None:
    """Create or update every shipped country, region, district, host region, consular district
    and language. ``apps`` is a migration's app registry (historical models), or None."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Country = apps.get_model("reference", "Country")
    Region = apps.get_model("reference", "Region")
    District = apps.get_model("reference", "District")
    HostRegion = apps.get_model("reference", "HostRegion")
    ConsularDistrict = apps.get_model("reference", "ConsularDistrict")
    Language = apps.get_model("reference", "Language")

    countries = {}
    for row in country_rows():
        countries[row.code], _ = Country.objects.update_or_create(
            code=row.code, defaults={"alpha3": row.alpha3, "numeric": row.numeric, **_names(row, Country)}
        )

    for divisions in DIVISIONS.values():
        regions = {}
        for region_row in divisions.regions:
            regions[region_row.code], _ = Region.objects.update_or_create(
                code=region_row.code,
                defaults={
                    "country": countries[divisions.country],
                    "kind": region_row.kind,
                    **_names(region_row, Region),
                },
            )
        for district_row in divisions.districts():
            District.objects.update_or_create(
                code=district_row.code,
                defaults={"region": regions[district_row.region], **_names(district_row, District)},
            )

    host_regions = {}
    for host_row in HOST_REGIONS:
        host_regions[host_row.code], _ = HostRegion.objects.update_or_create(
            code=host_row.code, defaults={"country": countries[host_row.country], **_names(host_row, HostRegion)}
        )
    for consular_row in CONSULAR_DISTRICTS[settings.ORIGIN_COUNTRY]:
        district, _ = ConsularDistrict.objects.update_or_create(
            code=consular_row.code, defaults={"city": consular_row.city, **_names(consular_row, ConsularDistrict)}
        )
        district.countries.set([countries[code] for code in consular_row.countries])
        district.host_regions.set([host_regions[code] for code in consular_row.host_regions])

    for language_row in LANGUAGES:
        Language.objects.update_or_create(code=language_row.code, defaults=_names(language_row, Language))
