"""The country of origin a database holds the register of, against the one the settings name.

The first ``mekendesh migrate`` records ``MEKENDESH_ORIGIN_COUNTRY`` in the database
(:class:`~mekendesh.reference.models.InstalledOrigin`). Every start compares the two — a system
check for the ``mekendesh`` commands and the development server, and the WSGI/ASGI application
for production servers — and refuses to go on when they differ, so that one country's register
is never shown as another's. ``mekendesh origin`` shows the record and changes it, explicitly, on a
register that holds no one yet.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register
from django.db import DatabaseError


class OriginMismatch(RuntimeError):
    """The database holds another country's register than the settings name."""


def installed_origin() -> str | None:
    """The country recorded in the database, or None before the first migration."""
    from mekendesh.reference.models import InstalledOrigin

    try:
        record = InstalledOrigin.objects.first()
    except DatabaseError:  # not migrated yet
        return None
    return record.country if record is not None else None


def origin_mismatch_message() -> str | None:
    """Why this database may not be served under the current settings, or None."""
    recorded = installed_origin()
    if recorded is None or recorded == settings.ORIGIN_COUNTRY:
        return None
    return (
        f"This database holds the register of {recorded}, but MEKENDESH_ORIGIN_COUNTRY is {settings.ORIGIN_COUNTRY}. "
        f"Set MEKENDESH_ORIGIN_COUNTRY={recorded} to serve it, point DATABASE_URL (or MEKENDESH_HOME) at the "
        f"database of {settings.ORIGIN_COUNTRY}, or, on a register that holds no one yet, run "
        f"`mekendesh origin --set {settings.ORIGIN_COUNTRY}` with MEKENDESH_ORIGIN_COUNTRY={recorded}."
    )


def origin_check_at_start() -> None:
    """Raise :class:`OriginMismatch` when the database and the settings name different countries."""
    message = origin_mismatch_message()
    if message:
        raise OriginMismatch(message)


@register()
def origin_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    message = origin_mismatch_message()
    if not message:
        return []
    return [Error(message, id="mekendesh.E001")]
