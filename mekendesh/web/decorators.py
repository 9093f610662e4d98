"""The doors of the staff and migrant pages, for every app's views.

``staff_required``: the anonymous are sent to sign in; a signed-in user without a staff role gets
404, the same answer as for a page that does not exist. With ``permission``, a staff user who may
not take that action (``accounts.permissions.can``) gets 404 too::

    @staff_required(permission="case.open")
    def case_new(request: AuthenticatedHttpRequest) -> HttpResponse: ...

``migrant_required``: the migrant's own pages under ``/me/``; the anonymous are sent to sign in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, overload

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from mekendesh.accounts.http import AuthenticatedHttpRequest
from mekendesh.accounts.permissions import can, is_signed_in, is_staff

View = Callable[..., HttpResponseBase]

__all__ = ["AuthenticatedHttpRequest", "migrant_required", "require", "staff_required"]


def require(allowed: bool) -> None:
    """Answer 404 unless ``allowed``: what a user may not do does not exist for them."""
    if not allowed:
        raise Http404


def _staff_door(view: View, permission: str | None) -> View:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require(is_staff(user) and (permission is None or can(user, permission)))
        return view(request, *args, **kwargs)

    return wrapped


@overload
def staff_required(view: View) -> View: ...
@overload
def staff_required(*, permission: str | None = None) -> Callable[[View], View]: ...
def staff_required(view: View | None = None, *, permission: str | None = None) -> View | Callable[[View], View]:
    """Staff pages (see the module's docstring); usable bare or with ``permission=``."""
    if view is not None:
        return _staff_door(view, permission)
    return lambda inner: _staff_door(inner, permission)


def migrant_required(view: View) -> View:
    """A signed-in, active account; the anonymous are sent to sign in."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_signed_in(request.user):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped
