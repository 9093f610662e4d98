"""What the employment module adds to the staff shell: its navigation entry and the employment
officer's home panel (its actions are in ``accounts.permissions``), and its workflows."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mekendesh.web.navigation import home_panel_register, nav_register


def _home_panel(user: Any) -> dict[str, Any]:
    from mekendesh.employment.models import Offer, OfferStatus
    from mekendesh.employment.selectors import offers_public, questions_unanswered_count

    return {
        "to_vet": Offer.objects.filter(status=OfferStatus.DRAFT).count(),
        "public": offers_public().count(),
        "questions": questions_unanswered_count(),
    }


def register() -> None:
    from mekendesh.employment import workflows  # noqa: F401  (the licence and offer workflows)

    nav_register(label=_("Legal employment"), url_name="staff:employment", permission="employment.view", order=60)
    home_panel_register(
        template="employment/staff/_home_panel.html", permission="employment.view", context=_home_panel, order=60
    )
