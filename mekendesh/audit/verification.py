"""Checking the audit trail's hash chain.

Rows are read in sequence order, in batches (keyset pagination: constant memory and constant cost
per batch, however long the chain). Each row's hash is computed again from its content; it must
equal the stored hash, and the row's ``prev_hash`` must equal the stored hash of the row before it
(the first row's, a string of zeros).

Sequence numbers may have gaps (PostgreSQL does not give back numbers of rolled-back inserts), so a
gap alone proves nothing; a missing row shows as a ``prev_hash`` that no longer matches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import GENESIS_HASH, event_digest

DEFAULT_BATCH_SIZE = 5000


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None = None
    problem: str = ""  # "changed" or "missing"

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    @property
    def message(self) -> str:
        if self.intact:
            return _("audit trail intact: %(count)d records") % {"count": self.checked}
        if self.problem == "changed":
            return _("record #%(sequence)d was changed") % {"sequence": self.broken_at}
        return _("a record before #%(sequence)d is missing") % {"sequence": self.broken_at}


def chain_verify(
    *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Callable[[int], None] | None = None
) -> ChainReport:
    """Walk the whole chain; stop at the first row that was changed or follows a missing one.

    ``progress`` is called with the number of rows of each batch checked.
    """
    previous_hash = GENESIS_HASH
    last_sequence = 0
    checked = 0
    while True:
        batch = list(
            AuditEvent.objects.filter(sequence__gt=last_sequence).order_by("sequence")[:batch_size]
        )
        if not batch:
            return ChainReport(checked=checked)
        for event in batch:
            if event_digest(event) != event.hash:
                return ChainReport(checked=checked, broken_at=event.sequence, problem="changed")
            if event.prev_hash != previous_hash:
                return ChainReport(checked=checked, broken_at=event.sequence, problem="missing")
            previous_hash = event.hash
            checked += 1
        last_sequence = batch[-1].sequence
        if progress is not None:
            progress(len(batch))
