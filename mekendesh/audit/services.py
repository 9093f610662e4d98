"""Writing the audit trail. Each row carries the SHA-256 of its content and of the row before it,
so that changing or removing a row breaks the chain at that row (``mekendesh audit verify``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from mekendesh.audit.context import current_origin
from mekendesh.audit.models import AuditEvent

GENESIS_HASH = "0" * 64
# Any constant: the key of the PostgreSQL advisory lock that serialises appends to the chain.
_CHAIN_LOCK_KEY = 7_204_519_331


def event_digest(event: AuditEvent) -> str:
    """The hash of a row: its content and the hash of the row before it."""
    content = {
        "prev": event.prev_hash,
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "actor_role": event.actor_role,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "person_id": event.person_id,
        "fields": event.fields,
        "ip": event.ip_address,
        "ua": event.user_agent,
        "path": event.path,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def audit_record(
    *,
    actor: Any | None,
    action: str,
    obj: Any | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    person: Any | None = None,
    fields: Iterable[str] = (),
) -> AuditEvent:
    """Append one row to the audit trail, inside the caller's transaction.

    It must run in the same transaction as the change it records: if the change rolls back, so
    does its audit row, and no change is stored without one.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must run inside transaction.atomic()")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(getattr(obj, "public_id", None) or obj.pk)
    origin = current_origin.get()
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    last = AuditEvent.objects.order_by("-sequence").values_list("hash", flat=True).first()
    event = AuditEvent(
        at=timezone.now(),
        actor=actor if is_user else None,
        actor_label=(str(actor.email) if is_user else "anonymous")[:254],
        actor_role=getattr(actor, "role", "") if is_user else "",
        action=action,
        object_type=object_type or "",
        object_id=object_id or "",
        person_id=str(person.public_id) if person is not None else "",
        fields=sorted(set(fields)),
        ip_address=origin.ip_address,
        user_agent=origin.user_agent,
        path=origin.path,
        prev_hash=last or GENESIS_HASH,
    )
    event.hash = event_digest(event)
    event.save(force_insert=True)
    return event


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Names of the fields whose values differ between two snapshots."""
    return sorted(name for name in after if before.get(name) != after.get(name))


@transaction.atomic
def audit_read(*, actor: Any, obj: Any, person: Any | None = None, action: str = AuditEvent.Action.READ) -> AuditEvent:
    """Record that a staff user read (or exported) personal data."""
    return audit_record(actor=actor, action=action, obj=obj, person=person)
