"""The review of a release, as a workflow of the platform (``statistics.release``).

draft → review → published, and back from review to draft. A statistician submits a release
whose tables are all protected; another statistician publishes it (four eyes: the one who
submitted cannot), and publishing checks its tables once more against everything published from
the same data set at that moment (the release ledger). A published release never changes.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.statistics.models import ReleaseStatus
from mekendesh.workflows.engine import Transition, Workflow, workflow_register

DRAFT, REVIEW, PUBLISHED = ReleaseStatus.DRAFT, ReleaseStatus.REVIEW, ReleaseStatus.PUBLISHED


def _submit(release: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    tables = list(release.tables.all())
    if not tables:
        raise ValidationError(_("Add at least one table before sending the release to review."), code="no_tables")
    unprotected = [table.title for table in tables if table.protected_at is None]
    if unprotected:
        raise ValidationError(
            _("Protect every table before sending the release to review; not yet protected: %(tables)s.")
            % {"tables": ", ".join(unprotected)},
            code="unprotected",
        )
    return {"submitted_by": actor, "reviewed_by": None}


def _publish(release: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    from mekendesh.statistics.services import release_ledger_check

    if release.submitted_by_id == getattr(actor, "pk", None):
        raise ValidationError(
            _("You sent this release to review yourself: another statistician publishes it (four eyes)."),
            code="own_submission",
        )
    release_ledger_check(release=release)
    return {"reviewed_by": actor, "published_at": timezone.now()}


def _return(release: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    return {"reviewed_by": actor, "submitted_by": None}


RELEASE = workflow_register(
    Workflow(
        name="statistics.release",
        model="statistics.Release",
        states=dict(ReleaseStatus.choices),
        transitions=[
            Transition(DRAFT, "submit", REVIEW, permission="statistics.build", label=gettext_lazy("Send to review")),
            Transition(REVIEW, "publish", PUBLISHED, permission="statistics.review", label=gettext_lazy("Publish")),
            Transition(REVIEW, "return", DRAFT, permission="statistics.review", label=gettext_lazy("Return to draft")),
        ],
        prepare={"submit": _submit, "publish": _publish, "return": _return},
        refusals={
            "submit": gettext_lazy("Only a draft release can be sent to review."),
            "publish": gettext_lazy("Only a release in review can be published."),
            "return": gettext_lazy("Only a release in review can be returned to draft."),
        },
    )
)
