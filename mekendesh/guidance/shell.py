"""What guidance adds to the staff shell: the editorial workflow, the navigation entries, the
editor's home panel and the section of the staff person page listing the reminders sent."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mekendesh.web.navigation import home_panel_register, nav_register, person_panel_register


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.guidance.selectors import board

    return {"board": board()}


def _person_panel(user: Any, person: Any) -> dict[str, Any]:
    from mekendesh.guidance.reminders import reminders_active
    from mekendesh.guidance.selectors import reminders_for_person

    return {"rows": reminders_for_person(person), "active": reminders_active(person)}


def register() -> None:
    from mekendesh.guidance import workflows  # noqa: F401  (the editorial workflow)

    nav_register(label=_("Guidance"), url_name="staff:guidance_board", permission="guidance.write", order=60)
    nav_register(label=_("Rules of stay"), url_name="staff:guidance_rules", permission="guidance.rules", order=61)
    home_panel_register(
        template="guidance/staff/_home_panel.html", permission="guidance.write", context=_home_panel, order=60
    )
    person_panel_register(
        template="guidance/staff/_person_panel.html", permission="person.view", context=_person_panel, order=60
    )
