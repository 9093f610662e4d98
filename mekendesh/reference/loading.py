"""Loading the shipped reference data (:mod:`mekendesh.reference.data`) into the database.

Idempotent: every row is matched by its code and updated in place, so running it again (a new
release with corrected names, or ``mekendesh migrate`` on an existing database) changes only
what changed. The data migrations call it with their historical models.
"""

from __future__ import annotations

from typing import Any

from mekendesh.reference.data.abroad import CONSULAR_DISTRICTS, HOST_REGIONS
from mekendesh.reference.data.countries import country_rows
from mekendesh.reference.data.kyrgyzstan import COUNTRY as KYRGYZSTAN
from mekendesh.reference.data.kyrgyzstan import REGIONS, district_rows
from mekendesh.reference.data.languages import LANGUAGES


def _names(row: Any) -> dict[str, str]:
    return {f"name_{lang}": getattr(row, f"name_{lang}") for lang in ("en", "ru", "ky", "tk")}


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
            code=row.code, defaults={"alpha3": row.alpha3, "numeric": row.numeric, **_names(row)}
        )

    regions = {}
    for region_row in REGIONS:
        regions[region_row.code], _ = Region.objects.update_or_create(
            code=region_row.code,
            defaults={"country": countries[KYRGYZSTAN], "kind": region_row.kind, **_names(region_row)},
        )
    for district_row in district_rows():
        District.objects.update_or_create(
            code=district_row.code, defaults={"region": regions[district_row.region], **_names(district_row)}
        )

    host_regions = {}
    for host_row in HOST_REGIONS:
        host_regions[host_row.code], _ = HostRegion.objects.update_or_create(
            code=host_row.code, defaults={"country": countries[host_row.country], **_names(host_row)}
        )
    for consular_row in CONSULAR_DISTRICTS:
        district, _ = ConsularDistrict.objects.update_or_create(
            code=consular_row.code, defaults={"city": consular_row.city, **_names(consular_row)}
        )
        district.countries.set([countries[code] for code in consular_row.countries])
        district.host_regions.set([host_regions[code] for code in consular_row.host_regions])

    for code, en, ru, ky, tk in LANGUAGES:
        Language.objects.update_or_create(
            code=code, defaults={"name_en": en, "name_ru": ru, "name_ky": ky, "name_tk": tk}
        )
