"""The editorial workflow of an article version (``guidance.version``): draft → review →
published, on the platform's workflow engine. The one who wrote the text or sent it to review
cannot publish it (four eyes); a reviewer can send it back, and a published text is revised by
taking it back to draft (the published copy stays online meanwhile)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.guidance.models import Status
from mekendesh.workflows.engine import Transition, Workflow, workflow_register

DRAFT, REVIEW, PUBLISHED = Status.DRAFT, Status.REVIEW, Status.PUBLISHED


def _submit(version: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    return {"submitted_by": actor}


def _publish(version: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    writers = {version.submitted_by_id, version.last_editor_id} - {None}
    if getattr(actor, "pk", None) in writers:
        raise ValidationError(
            _("You wrote this text or sent it to review: another editor reviews and publishes it (four eyes)."),
            code="own_text",
        )
    now = timezone.now()
    return {
        "published_title": version.title,
        "published_body": version.body,
        "published_legal_basis": version.legal_basis,
        "published_revision": version.revision,
        "published_translated_from": version.translated_from_revision,
        "published_at": now,
        "last_reviewed_at": now,
        "reviewed_by": actor,
    }


def _confirm(version: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    return {"last_reviewed_at": timezone.now(), "reviewed_by": actor}


def _back(version: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    return {"submitted_by": None}


VERSION = workflow_register(
    Workflow(
        name="guidance.version",
        model="guidance.ArticleVersion",
        states=dict(Status.choices),
        transitions=[
            Transition(DRAFT, "submit", REVIEW, permission="guidance.write", label=gettext_lazy("Send to review")),
            Transition(REVIEW, "publish", PUBLISHED, permission="guidance.review", label=gettext_lazy("Publish")),
            Transition(REVIEW, "return", DRAFT, permission="guidance.review", label=gettext_lazy("Send back")),
            Transition(PUBLISHED, "revise", DRAFT, permission="guidance.write", label=gettext_lazy("Revise")),
            Transition(
                PUBLISHED,
                "confirm",
                PUBLISHED,
                permission="guidance.review",
                label=gettext_lazy("Still correct: mark reviewed"),
            ),
        ],
        prepare={"submit": _submit, "publish": _publish, "return": _back, "revise": _back, "confirm": _confirm},
        refusals={
            "publish": gettext_lazy("Only a text in review can be published."),
            "submit": gettext_lazy("Only a draft can be sent to review."),
        },
    )
)
