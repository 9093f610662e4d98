"""What statistics adds to the permission table, the workflows (a release's review), the import
targets (official tables), the jobs and the staff shell."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from mekendesh.web.navigation import nav_register


def register() -> None:
    from mekendesh.imports.targets import target_register
    from mekendesh.statistics import official

    target_register(official.OFFICIAL_TABLES)
    nav_register(
        label=_("Official tables"), url_name="staff:statistics_official", permission="statistics.view", order=41
    )
