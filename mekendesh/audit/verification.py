"""Checking the audit trail's hash chain.

Rows are read in sequence order, in batches (keyset pagination: constant memory and constant cost
per batch, however long the chain). Each row's hash is computed again from its content; it must
equal the stored hash, and the row's ``prev_hash`` must equal the stored hash of the row before it
(the first row's, a string of zeros).

Sequence numbers may have gaps (PostgreSQL does not give back numbers of rolled-back inserts), so a
gap alone proves nothing; a missing row shows as a ``prev_hash`` that no longer matches. Removed
newest rows leave the sealed head of the chain pointing past the last row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from mekendesh.audit.models import AuditEvent, AuditHead
from mekendesh.audit.services import (
    GENESIS_HASH,
    event_digest_matches,
    head_seal_matches,
)

DEFAULT_BATCH_SIZE = 5000


@dataclass(frozen=True)
class ChainPosition:
    """How far a walk got: the last row checked, its hash and how many rows were checked. A walk
    started from a position goes on from there (a job resumed after an interruption)."""

    sequence: int = 0
    hash: str = GENESIS_HASH
    checked: int = 0


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None = None
    problem: str = ""  # "changed", "missing", "tail_missing" or "head_changed"

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    @property
    def message(self) -> str:
        if self.intact:
            return _("audit trail intact: %(count)d records") % {"count": self.checked}
        if self.problem == "changed":
            return _("record #%(sequence)d was changed") % {"sequence": self.broken_at}
        if self.problem == "tail_missing":
            return _("records after #%(sequence)d are missing") % {"sequence": self.broken_at}
        if self.problem == "head_changed":
            return _("the end of the audit trail was changed after record #%(sequence)d") % {"sequence": self.broken_at}
        return _("a record before #%(sequence)d is missing") % {"sequence": self.broken_at}


def chain_verify(
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    start: ChainPosition | None = None,
    on_batch: Callable[[ChainPosition], None] | None = None,
) -> ChainReport:
    """Walk the whole chain (or the rest of it after ``start``); stop at the first row that was
    changed or follows a missing one.

    ``progress`` is called with the number of rows of each batch checked, ``on_batch`` with the
    position reached after each batch.
    """
    start = start or ChainPosition()
    previous_hash = start.hash
    last_sequence = start.sequence
    checked = start.checked
    while True:
        batch = list(AuditEvent.objects.filter(sequence__gt=last_sequence).order_by("sequence")[:batch_size])
        if not batch:
            return _head_check(checked=checked, last_sequence=last_sequence, last_hash=previous_hash)
        for event in batch:
            if not event_digest_matches(event):
                return ChainReport(checked=checked, broken_at=event.sequence, problem="changed")
            if event.prev_hash != previous_hash:
                return ChainReport(checked=checked, broken_at=event.sequence, problem="missing")
            previous_hash = event.hash
            checked += 1
        last_sequence = batch[-1].sequence
        if progress is not None:
            progress(len(batch))
        if on_batch is not None:
            on_batch(ChainPosition(sequence=last_sequence, hash=previous_hash, checked=checked))


def _head_check(*, checked: int, last_sequence: int, last_hash: str) -> ChainReport:
    """The walk ended at the last row: the sealed head must point at that very row."""
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        if checked:
            return ChainReport(checked=checked, broken_at=last_sequence, problem="head_changed")
        return ChainReport(checked=checked)
    if not head_seal_matches(head):
        return ChainReport(checked=checked, broken_at=last_sequence, problem="head_changed")
    if (head.sequence, head.hash, head.count) != (last_sequence, last_hash, checked):
        return ChainReport(checked=checked, broken_at=last_sequence, problem="tail_missing")
    return ChainReport(checked=checked)
