"""What screening adds to the permission table (the object rule of ``screening.view``), the
workflows (the review of a candidate) and the staff shell (its navigation entries, the analysts'
home panel and the section of the staff person page)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.permissions import register_object_rule, sees_every_district
from mekendesh.web.navigation import home_panel_register, nav_register, person_panel_register


def _sees_candidate(user: Any, candidate: Any) -> bool:
    if candidate is None or sees_every_district(user):
        return True
    from mekendesh.people.selectors import people_visible_to

    return people_visible_to(user).filter(pk=candidate.person_id).exists()


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.screening.models import ListVersion, VersionStatus
    from mekendesh.screening.selectors import lists_visible_to, queue_counts

    pending = ListVersion.objects.filter(status=VersionStatus.PENDING, source__in=lists_visible_to(user))
    return {"counts": queue_counts(user), "pending": list(pending.select_related("source").order_by("created_at"))}


def _person_panel(user: Any, person: Any) -> dict[str, Any]:
    from mekendesh.screening.selectors import entries_naming, person_candidates

    return {"candidates": person_candidates(user, person), "entries": list(entries_naming(person=person))}


def register() -> None:
    register_object_rule("screening.view", _sees_candidate)
    from mekendesh.screening import lists, workflows  # noqa: F401  (the import target and the review workflow)

    nav_register(label=_("Screening matches"), url_name="staff:screening_queue", permission="screening.view", order=31)
    nav_register(
        label=_("Host-country lists"), url_name="staff:screening_lists", permission="screening.lists", order=32
    )
    home_panel_register(
        template="screening/staff/_home_panel.html", permission="screening.review", context=_home_panel, order=15
    )
    person_panel_register(
        template="screening/staff/_person_panel.html", permission="screening.view", context=_person_panel, order=30
    )
