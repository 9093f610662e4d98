from typing import Any

from django.conf import settings
from django.http import HttpRequest

from mekendesh.accounts.permissions import can, is_staff


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    staff = is_staff(user)
    context: dict[str, Any] = {
        "site_name": "Mekendesh",
        "is_staff_user": staff,
        "can_admin": staff and can(user, "admin.site"),
        "demo": settings.ENV == "development",
    }
    if staff:
        from mekendesh.web.navigation import nav_for

        context["staff_nav"] = nav_for(user)
    return context
