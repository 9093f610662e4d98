"""The Django admin: open to administrators only, every change written to the audit trail."""

from __future__ import annotations

from typing import Any

from allauth.account.admin import EmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mekendesh.accounts.admin_site import is_administrator
from mekendesh.accounts.models import Role, User
from mekendesh.accounts.services import sign_in_unlock
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record


class AdministratorOnly(admin.ModelAdmin):
    """Administrators may do everything here, whatever their Django permissions say."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_administrator(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_administrator(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_administrator(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_administrator(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_administrator(request.user)


def _audited_fields(changed: list[str]) -> list[str]:
    """Field names for the audit row; the password fields of the user forms count as one."""
    password_fields = {"password", "password1", "password2", "usable_password"}
    return sorted({"password" if name in password_fields else name for name in changed})


class AuditedAdmin(AdministratorOnly):
    """Writes an audit row, in the admin's transaction, for every add, change and delete."""

    def save_model(self, request: HttpRequest, obj: models.Model, form: forms.ModelForm, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=AuditEvent.Action.UPDATE if change else AuditEvent.Action.CREATE,
                obj=obj,
                fields=_audited_fields(form.changed_data),
            )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with transaction.atomic():
            self._audit_delete(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        with transaction.atomic():
            for obj in queryset:
                self._audit_delete(request, obj)
            super().delete_queryset(request, queryset)

    def _audit_delete(self, request: HttpRequest, obj: models.Model) -> None:
        audit_record(actor=request.user, action=AuditEvent.Action.DELETE, obj=obj)


class ReadAuditedAdmin(AuditedAdmin):
    """Also writes an audit read row when an administrator opens a record's page or its history:
    for models holding personal data (accounts, their e-mail addresses and authenticators)."""

    def _audit_read(self, request: HttpRequest, object_id: str | None) -> None:
        obj = self.get_object(request, object_id) if object_id else None
        if obj is not None:
            with transaction.atomic():
                audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=obj)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            self._audit_read(request, object_id)
        return response

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().history_view(request, object_id, extra_context)
        if response.status_code == 200:
            self._audit_read(request, object_id)
        return response


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "role")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The admin makes staff accounts; migrants open their own.
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = [(value, label) for value, label in Role.choices if value != Role.MIGRANT]


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        assert cleaned is not None
        if cleaned.get("role") == Role.CONSULAR_OFFICER and not cleaned.get("consular_districts"):
            self.add_error("consular_districts", _("A consular officer needs at least one consular district."))
        if cleaned.get("heads_consulate") and cleaned.get("role") != Role.CONSULAR_OFFICER:
            self.add_error("heads_consulate", _("Only a consular officer heads a consulate."))
        return cleaned


@admin.register(User)
class UserAdmin(ReadAuditedAdmin, DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "phone", "preferred_language")}),
        (_("Role"), {"fields": ("role", "consular_districts", "heads_consulate", "is_active", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "role", "usable_password", "password1", "password2")}),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = ("email", "full_name", "role", "is_active", "last_login")
    list_filter = ("role", "is_active", "consular_districts")
    search_fields = ("email", "full_name", "phone")
    ordering = ("email",)
    filter_horizontal = ("consular_districts",)
    actions = ("unlock_sign_in",)

    @admin.action(description=_("Unlock sign-in (clear the failed attempts)"))
    def unlock_sign_in(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        users = list(queryset)
        for user in users:
            sign_in_unlock(actor=request.user, user=user, request=request)
        self.message_user(
            request,
            ngettext(
                "Sign-in unlocked for %(count)d account.",
                "Sign-in unlocked for %(count)d accounts.",
                len(users),
            )
            % {"count": len(users)},
            messages.SUCCESS,
        )

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        """Staff accounts only: migrants manage their own accounts, and their e-mail addresses
        and phone numbers are not for an unaudited list."""
        return super().get_queryset(request).exclude(role=Role.MIGRANT)

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                user = self.get_object(request, id)
                audit_record(actor=request.user, action=AuditEvent.Action.UPDATE, obj=user, fields=["password"])
        return response


# allauth's own admins list every account's e-mail address and show authenticators' secrets; they
# are replaced by administrator-only ones that show staff addresses only and no secret.
for _model in (EmailAddress, Authenticator):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(EmailAddress)
class StaffEmailAddressAdmin(ReadAuditedAdmin, EmailAddressAdmin):
    """The e-mail addresses of staff accounts (migrants' are theirs to manage, and not for a list)."""

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return super().get_queryset(request).exclude(user__role=Role.MIGRANT)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Authenticator)
class AuthenticatorAdmin(ReadAuditedAdmin):
    """Which second factors a staff member has; never their secret. An administrator deletes a
    lost one (audited), after which the staff member sets up a new one at the next sign-in."""

    list_display = ("user", "type", "created_at", "last_used_at")
    list_filter = ("type",)
    search_fields = ("user__email",)
    fields = ("user", "type", "created_at", "last_used_at")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return super().get_queryset(request).select_related("user")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
