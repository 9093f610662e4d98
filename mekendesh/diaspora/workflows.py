"""The statuses of projects (proposed → approved → running → completed, or dropped) and of
recommendations and roadmap items (open → in progress → done, or dropped; reopened if need be),
as workflows of the platform: every move is checked, kept and audited by ``transition``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from mekendesh.diaspora.models import ProjectStatus, RecommendationStatus
from mekendesh.workflows.engine import Transition, Workflow, workflow_register

EDIT = "diaspora.edit"
P = ProjectStatus
R = RecommendationStatus

PROJECT = workflow_register(
    Workflow(
        name="diaspora.project",
        model="diaspora.Project",
        states=dict(ProjectStatus.choices),
        transitions=[
            Transition(P.PROPOSED, "approve", P.APPROVED, permission=EDIT, label=_("Approve")),
            Transition(P.APPROVED, "start", P.RUNNING, permission=EDIT, label=_("Start")),
            Transition(P.RUNNING, "complete", P.COMPLETED, permission=EDIT, label=_("Complete")),
            *(
                Transition(state, "drop", P.DROPPED, permission=EDIT, label=_("Drop"))
                for state in (P.PROPOSED, P.APPROVED, P.RUNNING)
            ),
        ],
        refusals={
            "approve": _("Only a proposed project can be approved."),
            "start": _("Only an approved project can start."),
            "complete": _("Only a running project can be completed."),
            "drop": _("A completed or dropped project cannot be dropped."),
        },
    )
)

RECOMMENDATION = workflow_register(
    Workflow(
        name="diaspora.recommendation",
        model="diaspora.Recommendation",
        states=dict(RecommendationStatus.choices),
        transitions=[
            Transition(R.OPEN, "start", R.IN_PROGRESS, permission=EDIT, label=_("Work has started")),
            Transition(R.OPEN, "done", R.DONE, permission=EDIT, label=_("Done")),
            Transition(R.IN_PROGRESS, "done", R.DONE, permission=EDIT, label=_("Done")),
            Transition(R.OPEN, "drop", R.DROPPED, permission=EDIT, label=_("Drop")),
            Transition(R.IN_PROGRESS, "drop", R.DROPPED, permission=EDIT, label=_("Drop")),
            Transition(R.DONE, "reopen", R.OPEN, permission=EDIT, label=_("Reopen")),
            Transition(R.DROPPED, "reopen", R.OPEN, permission=EDIT, label=_("Reopen")),
        ],
        refusals={
            "start": _("Only an open recommendation can be started."),
            "done": _("Only an open recommendation or one in progress can be done."),
            "drop": _("Only an open recommendation or one in progress can be dropped."),
            "reopen": _("Only a done or dropped recommendation can be reopened."),
        },
    )
)
