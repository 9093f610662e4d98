"""What guidance adds to the staff shell: the editorial workflow, the navigation entries and the
editor's home panel."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mekendesh.web.navigation import home_panel_register, nav_register


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.guidance.selectors import board

    return {"board": board()}


def register() -> None:
    from mekendesh.guidance import workflows  # noqa: F401  (the editorial workflow)

    nav_register(label=_("Guidance"), url_name="staff:guidance_board", permission="guidance.write", order=60)
    nav_register(label=_("Rules of stay"), url_name="staff:guidance_rules", permission="guidance.rules", order=61)
    home_panel_register(
        template="guidance/staff/_home_panel.html", permission="guidance.write", context=_home_panel, order=60
    )
