"""Permissions of REST framework views that belong to no single app (the OpenAPI document)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from mekendesh.accounts.permissions import is_staff


class IsStaffMember(BasePermission):
    """A signed-in, active user with a staff role. The second factor is checked before any view:
    ``StaffSecondFactorMiddleware`` signs out a staff session that did not pass it."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_staff(request.user)
