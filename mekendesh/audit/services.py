"""Writing the audit trail. Each row carries a keyed hash (HMAC-SHA256) of its content and of the
row before it, so that changing or removing a row breaks the chain at that row, and the sealed head
of the chain notices removed newest rows (``mekendesh audit verify``)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from mekendesh.audit.context import current_origin
from mekendesh.audit.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64


def _digest(key: str, message: str) -> str:
    return hmac.new(key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def _canonical(event: AuditEvent | PendingAuditRow) -> str:
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
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def event_digest(event: AuditEvent, *, key: str | None = None) -> str:
    """The hash of a row: HMAC-SHA256, under the chain key, of its content and the previous hash."""
    return _digest(key or settings.AUDIT_CHAIN_KEYS[0], _canonical(event))


def event_digest_matches(event: AuditEvent) -> bool:
    """Whether the stored hash is the row's digest under the current or an earlier chain key."""
    message = _canonical(event)
    return any(hmac.compare_digest(_digest(key, message), event.hash) for key in settings.AUDIT_CHAIN_KEYS)


def head_seal(*, sequence: int, hash: str, count: int, key: str | None = None) -> str:
    return _digest(key or settings.AUDIT_CHAIN_KEYS[0], f"head:{sequence}:{hash}:{count}")


def head_seal_matches(head: AuditHead) -> bool:
    return any(
        hmac.compare_digest(head_seal(sequence=head.sequence, hash=head.hash, count=head.count, key=key), head.seal)
        for key in settings.AUDIT_CHAIN_KEYS
    )


def _locked_head() -> AuditHead:
    """The chain's head, locked until the caller's transaction ends (appends happen one at a time)."""
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    last = AuditEvent.objects.order_by("-sequence").first()
    head = AuditHead(
        pk=1,
        sequence=last.sequence if last else 0,
        hash=last.hash if last else GENESIS_HASH,
        count=AuditEvent.objects.count(),
    )
    head.seal = head_seal(sequence=head.sequence, hash=head.hash, count=head.count)
    try:
        with transaction.atomic():
            head.save(force_insert=True)
    except IntegrityError:
        pass  # another transaction made it first
    return AuditHead.objects.select_for_update().get(pk=1)


@dataclass(frozen=True)
class AuditEntry:
    """One row to append: what was done to which object (and whose personal data it is)."""

    action: str
    obj: Any | None = None
    object_type: str | None = None
    object_id: str | None = None
    person: Any | None = None
    fields: Iterable[str] = ()


@dataclass
class PendingAuditRow:
    """An audit row before it is stored, with what its hash covers (as :class:`AuditEvent`)."""

    at: Any
    actor_id: Any
    actor_label: str
    actor_role: str
    action: str
    object_type: str
    object_id: str
    person_id: str
    fields: list[str]
    ip_address: Any
    user_agent: str
    path: str
    prev_hash: str
    hash: str = ""


AUDIT_ROW_COLUMNS = tuple(PendingAuditRow.__dataclass_fields__)


def _pending(*, actor: Any | None, entries: Sequence[AuditEntry], previous: str) -> list[PendingAuditRow]:
    """Rows for ``entries``, each hashed with the one before it, the first with ``previous``."""
    origin = current_origin.get()
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    now = timezone.now()
    key = settings.AUDIT_CHAIN_KEYS[0]
    rows = []
    for entry in entries:
        object_type, object_id = entry.object_type, entry.object_id
        if entry.obj is not None:
            object_type = object_type or entry.obj._meta.label_lower
            object_id = object_id or str(getattr(entry.obj, "public_id", None) or entry.obj.pk)
        row = PendingAuditRow(
            at=now,
            actor_id=getattr(actor, "pk", None) if is_user else None,
            actor_label=(str(getattr(actor, "email", "")) if is_user else "anonymous")[:254],
            actor_role=getattr(actor, "role", "") if is_user else "",
            action=entry.action,
            object_type=object_type or "",
            object_id=object_id or "",
            person_id=str(entry.person.public_id) if entry.person is not None else "",
            fields=sorted(set(entry.fields)),
            ip_address=origin.ip_address,
            user_agent=origin.user_agent,
            path=origin.path,
            prev_hash=previous,
        )
        row.hash = previous = _digest(key, _canonical(row))
        rows.append(row)
    return rows


def _chained(*, actor: Any | None, entries: Sequence[AuditEntry], previous: str) -> list[AuditEvent]:
    """Unsaved rows for ``entries``, each hashed with the one before it, the first with ``previous``."""
    return [AuditEvent(**asdict(row)) for row in _pending(actor=actor, entries=entries, previous=previous)]


def _head_advance(head: AuditHead, *, sequence: int, hash: str, added: int) -> None:
    head.sequence = sequence
    head.hash = hash
    head.count += added
    head.seal = head_seal(sequence=head.sequence, hash=head.hash, count=head.count)
    head.save(update_fields=["sequence", "hash", "count", "seal"])


def audit_record_many(*, actor: Any | None, entries: Sequence[AuditEntry]) -> list[AuditEvent]:
    """Append rows to the audit trail, inside the caller's transaction, in one insert.

    It must run in the same transaction as the change it records: if the change rolls back, so
    do its audit rows, and no change is stored without them.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit records must be written inside transaction.atomic()")
    if not entries:
        return []
    head = _locked_head()
    events = _chained(actor=actor, entries=entries, previous=head.hash)
    if connection.features.can_return_rows_from_bulk_insert:
        AuditEvent.objects.bulk_create(events)
    else:
        for event in events:
            event.save(force_insert=True)
    _head_advance(head, sequence=max(event.sequence for event in events), hash=events[-1].hash, added=len(events))
    return events


def audit_record_bulk(
    *, actor: Any | None, entries: Sequence[AuditEntry], insert: Callable[[list[AuditEvent]], None]
) -> int:
    """Append many rows through a fast insert of the caller's (PostgreSQL's COPY, say), with the
    same hash chain as :func:`audit_record_many`. ``insert`` must store the rows in the order
    given, letting the database number them; returns the number of rows appended."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit records must be written inside transaction.atomic()")
    if not entries:
        return 0
    head = _locked_head()
    events = _chained(actor=actor, entries=entries, previous=head.hash)
    insert(events)
    # The head's lock keeps other appends out: the newest row is the last one inserted.
    last = AuditEvent.objects.order_by("-sequence").values_list("sequence", "hash").first()
    if last is None or last[1] != events[-1].hash:
        raise RuntimeError("the audit rows were not inserted in order")
    _head_advance(head, sequence=last[0], hash=events[-1].hash, added=len(events))
    return len(events)


def audit_record_rows(
    *,
    actor: Any | None,
    entries: Sequence[AuditEntry],
    insert_rows: Callable[[Sequence[str], list[tuple[Any, ...]]], None],
) -> int:
    """:func:`audit_record_bulk` for a large load: the rows are plain tuples of
    :data:`AUDIT_ROW_COLUMNS` (no model instance per row, the most expensive part of a million
    audit rows) given to ``insert_rows(columns, rows)``, which stores them in order (COPY).
    Same hash chain, same head, same check that they were stored in order."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit records must be written inside transaction.atomic()")
    if not entries:
        return 0
    head = _locked_head()
    pending = _pending(actor=actor, entries=entries, previous=head.hash)
    previous = pending[-1].hash
    rows = [tuple(getattr(row, name) for name in AUDIT_ROW_COLUMNS) for row in pending]
    insert_rows(AUDIT_ROW_COLUMNS, rows)
    last = AuditEvent.objects.order_by("-sequence").values_list("sequence", "hash").first()
    if last is None or last[1] != previous:
        raise RuntimeError("the audit rows were not inserted in order")
    _head_advance(head, sequence=last[0], hash=previous, added=len(rows))
    return len(rows)


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
    """Append one row to the audit trail, inside the caller's transaction."""
    entry = AuditEntry(
        action=action, obj=obj, object_type=object_type, object_id=object_id, person=person, fields=fields
    )
    return audit_record_many(actor=actor, entries=[entry])[0]


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Names of the fields whose values differ between two snapshots."""
    return sorted(name for name in after if before.get(name) != after.get(name))


@transaction.atomic
def audit_read(*, actor: Any, obj: Any, person: Any | None = None, action: str = AuditEvent.Action.READ) -> AuditEvent:
    """Record that a staff user read (or exported) personal data."""
    return audit_record(actor=actor, action=action, obj=obj, person=person)


@transaction.atomic
def audit_people_read(*, actor: Any, people: Iterable[Any], action: str = AuditEvent.Action.READ) -> list[AuditEvent]:
    """Record that a staff user was shown these people's data (a search result, a list): one row
    per person, written together."""
    entries = [AuditEntry(action=action, obj=person, person=person) for person in people]
    return audit_record_many(actor=actor, entries=entries)
