from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "site_name": "Mekendesh",
        "is_staff_user": bool(user and user.is_authenticated and getattr(user, "is_staff_role", False)),
        "demo": settings.ENV == "development",
    }
