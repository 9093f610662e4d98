"""Reference data in the admin (administrators only, changes audited)."""

from __future__ import annotations

from django.contrib import admin

from mekendesh.accounts.admin import AuditedAdmin
from mekendesh.reference.models import ConsularDistrict, Country, District, HostRegion, Language, Region

NAME_FIELDS = ("name_en", "name_ru", "name_ky", "name_tk")


@admin.register(Country)
class CountryAdmin(AuditedAdmin):
    list_display = ("code", "alpha3", "numeric", "name_en", "name_ru")
    search_fields = ("code", "alpha3", "numeric", *NAME_FIELDS)


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ky", "kind", "country")
    list_filter = ("kind", "country")
    search_fields = ("code", *NAME_FIELDS)
    autocomplete_fields = ("country",)


@admin.register(District)
class DistrictAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ky", "region")
    list_filter = ("region",)
    search_fields = ("code", *NAME_FIELDS)
    autocomplete_fields = ("region",)


@admin.register(HostRegion)
class HostRegionAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ru", "country")
    list_filter = ("country",)
    search_fields = ("code", *NAME_FIELDS)
    autocomplete_fields = ("country",)


@admin.register(ConsularDistrict)
class ConsularDistrictAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "city")
    search_fields = ("code", "city", *NAME_FIELDS)
    filter_horizontal = ("countries", "host_regions")


@admin.register(Language)
class LanguageAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ru", "name_ky", "name_tk")
    search_fields = ("code", *NAME_FIELDS)
