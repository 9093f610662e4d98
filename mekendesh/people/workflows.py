"""The stay's workflow: declared → verified → ended (a declared stay may end unverified)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendesh.people.models import StayStatus
from mekendesh.people.validators import validate_stay_dates
from mekendesh.workflows.engine import Transition, Workflow, workflow_register


def _verify(stay: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    return {"verified_by": actor, "verified_at": timezone.now()}


def _end(stay: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    departure_date = changes.get("departure_date")
    validate_stay_dates(stay.arrival_date, departure_date)
    return {"departure_date": departure_date}


STAY = workflow_register(
    Workflow(
        name="stay",
        model="people.Stay",
        states=dict(StayStatus.choices),
        transitions=[
            Transition(StayStatus.DECLARED, "verify", StayStatus.VERIFIED, permission="stay.verify", label=_("Verify")),
            Transition(StayStatus.DECLARED, "end", StayStatus.ENDED, permission="stay.end", label=_("End this stay")),
            Transition(StayStatus.VERIFIED, "end", StayStatus.ENDED, permission="stay.end", label=_("End this stay")),
        ],
        prepare={"verify": _verify, "end": _end},
        refusals={"verify": _("Only a declared stay can be verified."), "end": _("This stay has already ended.")},
        audit_person=lambda stay: stay.person,
    )
)
