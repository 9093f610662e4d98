"""The admin site: administrators only, signed in through the one sign-in page.

(Its own module: Django imports the default admin site before the apps' ``admin`` modules.)
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.permissions import can


def is_administrator(user: Any) -> bool:
    return can(user, "admin.site")


class MekendeshAdminSite(admin.AdminSite):
    site_header = _("Mekendesh administration")
    site_title = _("Mekendesh administration")
    index_title = _("Users, reference data and the audit trail")

    def has_permission(self, request: HttpRequest) -> bool:
        """Administrators only: other staff roles and migrants get no admin at all."""
        return is_administrator(request.user)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Everyone signs in on the one sign-in page, with its second factor and lock-out."""
        if request.user.is_authenticated:
            raise PermissionDenied(_("The administration is open to administrators only."))
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"), login_url=reverse("account_login"))
