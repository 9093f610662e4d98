"""A request whose user is known to be signed in, for the type checker of views behind
``staff_required`` / ``migrant_required`` (``mekendesh.web.decorators``)."""

from __future__ import annotations

from django.http import HttpRequest

from mekendesh.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
