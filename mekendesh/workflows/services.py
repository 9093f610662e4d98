"""The one service that moves a record through its workflow."""

from __future__ import annotations

import functools
import uuid
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.workflows.engine import Workflow, workflow_get
from mekendesh.workflows.errors import StaleObjectError
from mekendesh.workflows.idempotency import submission_record, submission_replay
from mekendesh.workflows.models import WorkflowAction
from mekendesh.workflows.signals import transitioned


def stale_object_error() -> StaleObjectError:
    return StaleObjectError(
        _("Someone else changed this record while you were editing it. Reload the page and try again.")
    )


def transition(
    *,
    actor: Any,
    obj: Any,
    workflow: Workflow | str,
    action: str,
    note: str = "",
    idempotency_key: str | uuid.UUID | None = None,
    expected_version: int | None = None,
    durable: bool = False,
    **changes: Any,
) -> Any:
    """Move ``obj`` by ``action`` in ``workflow``; return the record as stored.

    In one transaction: the row is locked; an actor without the transition's permission
    (``can(actor, permission, obj)``) gets ``PermissionDenied``; a record changed since the caller
    read it (``expected_version``) raises :class:`StaleObjectError`; a move the table does not
    allow from the current state raises ``ValidationError`` with a translated message; the
    workflow's ``prepare`` for the action checks and sets ``changes``; then the state and version
    change, an append-only :class:`WorkflowAction` row and the audit row are written, and the
    workflow's ``on_commit`` effects run after the commit. The same ``idempotency_key`` sent again
    by the same actor returns the record without a second move.

    ``durable=True`` (from a page or API view: the service is the whole transaction) refuses to
    run inside another transaction, so the move and its effects are committed when it returns.
    """
    definition = workflow_get(workflow)
    kind = f"workflow:{definition.name}:{action}"
    if idempotency_key is not None:
        first = submission_replay(key=idempotency_key, actor=actor, kind=kind)
        if first is not None:
            return first
    try:
        with transaction.atomic(durable=durable):
            return _transition(
                definition,
                actor=actor,
                obj=obj,
                action=action,
                note=note,
                kind=kind,
                idempotency_key=idempotency_key,
                expected_version=expected_version,
                changes=changes,
            )
    except IntegrityError:
        if idempotency_key is None:
            raise
        first = submission_replay(key=idempotency_key, actor=actor, kind=kind)
        if first is None:
            raise
        return first


def _transition(
    definition: Workflow,
    *,
    actor: Any,
    obj: Any,
    action: str,
    note: str,
    kind: str,
    idempotency_key: Any,
    expected_version: int | None,
    changes: dict[str, Any],
) -> Any:
    model = type(obj)
    locked = model._default_manager.select_for_update().get(pk=obj.pk)
    if action not in definition.actions:
        raise ValueError(f"{definition.name} has no action {action!r}")
    if not any(can(actor, item.permission, locked) for item in definition.transitions if item.action == action):
        raise PermissionDenied(_("You may not do this."))
    if expected_version is not None and getattr(locked, definition.version_field) != expected_version:
        raise stale_object_error()
    state = getattr(locked, definition.state_field)
    move = definition.move(state, action)
    if move is None:
        raise ValidationError(definition.refusal(state, action), code="illegal_transition")
    if not can(actor, move.permission, locked):
        raise PermissionDenied(_("You may not do this."))
    prepare = definition.prepare.get(action)
    fields = prepare(locked, actor, move, changes) if prepare is not None else {}
    if changes and prepare is None:
        raise ValueError(f"{definition.name}.{action} takes no changes: {sorted(changes)}")
    setattr(locked, definition.state_field, move.target)
    for name, value in fields.items():
        setattr(locked, name, value)
    setattr(locked, definition.version_field, getattr(locked, definition.version_field) + 1)
    locked.save(update_fields=[definition.state_field, *fields, definition.version_field])
    record = WorkflowAction.objects.create(
        workflow=definition.name,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(locked.pk),
        action=action,
        from_state=state,
        to_state=move.target,
        actor=actor if getattr(actor, "pk", None) else None,
        note=note,
        idempotency_key=str(idempotency_key or ""),
    )
    person = definition.audit_person(locked) if definition.audit_person else None
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=locked,
        person=person,
        fields=[definition.state_field, *fields],
    )
    if idempotency_key is not None:
        submission_record(key=idempotency_key, actor=actor, kind=kind, result=locked)
    for effect in definition.on_commit:
        transaction.on_commit(functools.partial(effect, locked, record))
    transaction.on_commit(
        functools.partial(transitioned.send, sender=definition.name, obj=locked, action=record), robust=False
    )
    return locked


def workflow_history(*, obj: Any) -> list[WorkflowAction]:
    """The moves of ``obj``, oldest first."""
    return list(
        WorkflowAction.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        ).select_related("actor")
    )
