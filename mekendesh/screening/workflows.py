"""The review of a candidate match, as a workflow of the platform (``screening.candidate``).

A reviewer says "same person", "not the same" or "unsure"; "same person" is only a proposal
until a second reviewer confirms it (four eyes: the proposer cannot). Any judgement can be undone,
which sends the candidate back to review; the history keeps every step.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.screening.models import CandidateStatus
from mekendesh.workflows.engine import Transition, Workflow, workflow_register

OPEN, UNSURE, PROPOSED, CONFIRMED, REJECTED = (
    CandidateStatus.OPEN,
    CandidateStatus.UNSURE,
    CandidateStatus.PROPOSED,
    CandidateStatus.CONFIRMED,
    CandidateStatus.REJECTED,
)


def _propose(candidate: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    return {"proposed_by": actor}


def _confirm(candidate: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    if candidate.proposed_by_id == getattr(actor, "pk", None):
        raise ValidationError(
            _("You proposed this match yourself: another reviewer confirms it (four eyes)."), code="own_proposal"
        )
    return {}


def _reopen(candidate: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    return {"proposed_by": None}


CANDIDATE = workflow_register(
    Workflow(
        name="screening.candidate",
        model="screening.Candidate",
        states=dict(CandidateStatus.choices),
        transitions=[
            Transition(OPEN, "same", PROPOSED, permission="screening.review", label=gettext_lazy("Same person")),
            Transition(UNSURE, "same", PROPOSED, permission="screening.review", label=gettext_lazy("Same person")),
            Transition(OPEN, "not_same", REJECTED, permission="screening.review", label=gettext_lazy("Not the same")),
            Transition(UNSURE, "not_same", REJECTED, permission="screening.review", label=gettext_lazy("Not the same")),
            Transition(
                PROPOSED, "not_same", REJECTED, permission="screening.review", label=gettext_lazy("Not the same")
            ),
            Transition(OPEN, "unsure", UNSURE, permission="screening.review", label=gettext_lazy("Unsure")),
            Transition(
                PROPOSED,
                "confirm",
                CONFIRMED,
                permission="screening.review",
                label=gettext_lazy("Confirm: same person"),
            ),
            *(
                Transition(state, "undo", OPEN, permission="screening.review", label=gettext_lazy("Undo"))
                for state in (UNSURE, PROPOSED, CONFIRMED, REJECTED)
            ),
        ],
        prepare={"same": _propose, "confirm": _confirm, "undo": _reopen, "not_same": _reopen},
        refusals={
            "confirm": gettext_lazy("Only a proposed match can be confirmed."),
            "undo": gettext_lazy("There is no judgement to undo."),
        },
        audit_person=lambda candidate: candidate.person,
    )
)
