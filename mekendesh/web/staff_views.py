"""The staff workspace's home: the panels the apps contribute (``web.navigation``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mekendesh.accounts.http import AuthenticatedHttpRequest
from mekendesh.accounts.permissions import can
from mekendesh.web.decorators import staff_required
from mekendesh.web.navigation import home_panels_for

# What a role without pages of its own yet will find here, by the action its module will check.
COMING: tuple[tuple[str, Any], ...] = ()


@staff_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "staff/home.html",
        {
            "panels": home_panels_for(user),
            "can_admin": can(user, "admin.site"),
            "coming": [str(text) for action, text in COMING if can(user, action)],
        },
    )
