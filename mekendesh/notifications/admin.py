"""Notifications in the admin: administrators see what was sent to which (masked) address, when,
and why one failed; nobody adds, changes or deletes one here, and the text is not shown (the
person's own pages show it to them). Opening one is written to the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.admin import AdministratorOnly
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(AdministratorOnly):
    list_display = ("created_at", "channel", "status", "language", "event_key", "recipient", "attempts", "sent_at")
    list_filter = ("status", "channel", "language")
    search_fields = ("event_key",)
    date_hierarchy = "created_at"
    show_full_result_count = False
    fields = (
        "event_key",
        "channel",
        "recipient",
        "language",
        "template",
        "text",
        "about_type",
        "about_id",
        "person",
        "user",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    )
    readonly_fields = fields
    list_select_related = ("about_type",)

    @admin.display(description=_("address"))
    def recipient(self, obj: Notification) -> str:
        return obj.masked_address

    @admin.display(description=_("text"))
    def text(self, obj: Notification) -> str:
        return _("%(count)d characters, not shown") % {"count": len(obj.body or "")}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, object_id) if response.status_code == 200 else None
        if obj is not None:
            with transaction.atomic():
                audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=obj, person=obj.person)
        return response
