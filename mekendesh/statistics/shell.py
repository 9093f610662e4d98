"""What statistics adds to the permission table, the workflows (a release's review), the import
targets (official tables), the jobs and the staff shell."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mekendesh.web.navigation import home_panel_register, nav_register


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.statistics.selectors import datasets_visible_to, release_counts

    return {"counts": release_counts(user), "latest": datasets_visible_to(user).first()}


def register() -> None:
    from mekendesh.imports.targets import target_register
    from mekendesh.statistics import official, workflows  # noqa: F401  (the release workflow)

    target_register(official.OFFICIAL_TABLES)
    nav_register(label=_("Statistics"), url_name="staff:statistics_releases", permission="statistics.view", order=60)
    nav_register(
        label=_("Statistical data sets"), url_name="staff:statistics_datasets", permission="statistics.view", order=61
    )
    nav_register(
        label=_("Official tables"), url_name="staff:statistics_official", permission="statistics.view", order=62
    )
    home_panel_register(
        template="statistics/staff/_home_panel.html", permission="statistics.view", context=_home_panel, order=30
    )
