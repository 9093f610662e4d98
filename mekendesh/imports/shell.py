"""What the import adds to the staff shell: its navigation entry."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from mekendesh.web.navigation import nav_register


def register() -> None:
    nav_register(label=_("Import a file"), url_name="staff:imports", permission="import.view", order=40)
