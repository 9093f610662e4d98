"""What the register adds to the staff shell, the permissions table and the workflows: its
navigation entries, its home panel, the object rule of ``person.view`` and the stay workflow."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.permissions import register_object_rule
from mekendesh.web.navigation import home_panel_register, nav_register


def _sees_person(user: Any, person: Any) -> bool:
    from mekendesh.people.selectors import people_visible_to

    return person is None or people_visible_to(user).filter(pk=person.pk).exists()


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.people import selectors
    from mekendesh.people.staff_forms import SearchForm

    return {
        "workload": selectors.officer_workload(user),
        "can_search": selectors.can_search_people(user),
        "can_register": selectors.can_register_people(user),
        "search_form": SearchForm(),
    }


def register() -> None:
    register_object_rule("person.view", _sees_person)
    nav_register(label=_("Search for people"), url_name="staff:search", permission="person.search", order=10)
    nav_register(label=_("Work queue"), url_name="staff:queue", permission="stay.queue", order=20)
    nav_register(
        label=_("Register a person and their stay"), url_name="staff:person_new", permission="person.register", order=30
    )
    home_panel_register(template="people/_home_panel.html", permission="person.search", context=_home_panel, order=10)
    from mekendesh.people import workflows  # noqa: F401  (registers the stay workflow)
