"""What the staff shell shows: navigation entries and panels of the staff home page, contributed
by each app (usually from its ``AppConfig.ready()``), each shown only to users who may take its
permission (``accounts.permissions.can``)::

    nav_register(label=_("Cases"), url_name="staff:case_list", permission="case.view", order=40)
    home_panel_register(template="cases/_home_panel.html", permission="case.view",
                        context=lambda user: {"open_cases": open_case_count(user)}, order=40)
    person_panel_register(template="cases/_person_panel.html", permission="case.view",
                          context=lambda user, person: {"cases": person_cases_for(user, person)})

The staff URLs themselves come from each app's ``staff_urls.py`` (see ``web.namespaces``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse

from mekendesh.accounts.permissions import can


@dataclass(frozen=True)
class NavEntry:
    label: Any  # a lazy translated string
    url_name: str
    permission: str
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class HomePanel:
    template: str
    permission: str
    context: Callable[[Any], dict[str, Any]] = field(default=lambda user: {})
    order: int = 100


@dataclass(frozen=True)
class PersonPanel:
    """A section another app adds to the staff person page (the person's cases, say)."""

    template: str
    permission: str
    context: Callable[[Any, Any], dict[str, Any]] = field(default=lambda user, person: {})
    order: int = 100


NAV: dict[str, NavEntry] = {}
HOME_PANELS: dict[str, HomePanel] = {}
PERSON_PANELS: dict[str, PersonPanel] = {}


def nav_register(*, label: Any, url_name: str, permission: str, order: int = 100) -> NavEntry:
    """Add (or replace, keyed by ``url_name``) an entry of the staff navigation."""
    entry = NavEntry(label=label, url_name=url_name, permission=permission, order=order)
    NAV[url_name] = entry
    return entry


def home_panel_register(
    *, template: str, permission: str, context: Callable[[Any], dict[str, Any]] | None = None, order: int = 100
) -> HomePanel:
    """Add (or replace, keyed by ``template``) a panel of the staff home page; ``context(user)``
    gives the template its variables."""
    panel = HomePanel(template=template, permission=permission, context=context or (lambda user: {}), order=order)
    HOME_PANELS[template] = panel
    return panel


def nav_for(user: Any) -> list[NavEntry]:
    """The entries ``user`` may follow, in order."""
    entries = []
    for entry in sorted(NAV.values(), key=lambda item: (item.order, item.url_name)):
        if not can(user, entry.permission):
            continue
        try:
            entry.url  # noqa: B018  (an entry whose page is not mounted is left out)
        except NoReverseMatch:
            continue
        entries.append(entry)
    return entries


def home_panels_for(user: Any) -> list[tuple[str, dict[str, Any]]]:
    """The panels of the staff home page ``user`` may see: (template, context) in order."""
    return [
        (panel.template, panel.context(user))
        for panel in sorted(HOME_PANELS.values(), key=lambda item: (item.order, item.template))
        if can(user, panel.permission)
    ]


def person_panel_register(
    *,
    template: str,
    permission: str,
    context: Callable[[Any, Any], dict[str, Any]] | None = None,
    order: int = 100,
) -> PersonPanel:
    """Add (or replace, keyed by ``template``) a section of the staff person page;
    ``context(user, person)`` gives the template its variables (the page already decided that the
    user may see the person)."""
    panel = PersonPanel(
        template=template, permission=permission, context=context or (lambda user, person: {}), order=order
    )
    PERSON_PANELS[template] = panel
    return panel


def person_panels_for(user: Any, person: Any) -> list[tuple[str, dict[str, Any]]]:
    """The sections of the staff person page ``user`` may see: (template, context) in order."""
    return [
        (panel.template, panel.context(user, person))
        for panel in sorted(PERSON_PANELS.values(), key=lambda item: (item.order, item.template))
        if can(user, panel.permission)
    ]
