"""The audit trail in the admin: administrators read it; nobody adds, changes or deletes a row."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mekendesh.accounts.admin import AdministratorOnly
from mekendesh.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(AdministratorOnly):
    list_display = ("sequence", "at", "actor_label", "actor_role", "action", "object_type", "object_id", "ip_address")
    list_filter = ("action", "actor_role", "object_type")
    search_fields = ("actor_label", "object_id", "person_id", "ip_address")
    date_hierarchy = "at"
    show_full_result_count = False  # the trail grows large; counting it on every page is slow
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
