"""What the diaspora module adds to the workflows (project and recommendation statuses) and the
staff shell (its navigation entries and the coordinator's home panel). Its action,
``diaspora.edit``, is in ``accounts.permissions``."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendesh.web.navigation import home_panel_register, nav_register


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.diaspora.models import Event, Project, Recommendation, Representative
    from mekendesh.diaspora.selectors import overdue_count

    return {
        "representatives": Representative.objects.count(),
        "projects": Project.objects.count(),
        "events": Event.objects.count(),
        "recommendations": Recommendation.objects.count(),
        "overdue": overdue_count(today=timezone.localdate()),
    }


def register() -> None:
    from mekendesh.diaspora import workflows  # noqa: F401  (the project and recommendation workflows)

    nav_register(label=_("Diaspora"), url_name="staff:diaspora_home", permission="diaspora.view", order=70)
    nav_register(label=_("Roadmap board"), url_name="staff:diaspora_board", permission="diaspora.view", order=71)
    nav_register(label=_("Annual report"), url_name="staff:diaspora_report", permission="diaspora.view", order=72)
    home_panel_register(
        template="diaspora/staff/_home_panel.html", permission="diaspora.view", context=_home_panel, order=50
    )
