"""What the cases module adds to the staff shell, the permissions table and the workflows: its
object rules, one workflow per type, its navigation entries and its home panel."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.permissions import can
from mekendesh.web.navigation import home_panel_register, nav_register, person_panel_register


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.cases.selectors import case_counts

    return {"counts": case_counts(user)}


def _person_panel(user: Any, person: Any) -> dict[str, Any]:
    from mekendesh.cases.selectors import case_rows, person_cases_for

    return {"rows": case_rows(person_cases_for(user, person)), "person": person, "may_open": can(user, "case.open")}


def register() -> None:
    from mekendesh.cases.rules import rules_register
    from mekendesh.cases.workflows import workflows_register

    rules_register()
    workflows_register()
    nav_register(label=_("Cases"), url_name="staff:cases", permission="case.view", order=35)
    home_panel_register(template="cases/_home_panel.html", permission="case.view", context=_home_panel, order=20)
    person_panel_register(template="cases/_person_panel.html", permission="case.view", context=_person_panel, order=20)
