"""``mekendesh rehash_documents``: move the look-up hashes of stored document numbers to the
current key, after ``SECRET_KEY`` (or ``MEKENDESH_LOOKUP_HASH_KEY``) was rotated.

Until then, look-ups try the current and the earlier keys (``lib.hashing.lookup_hashes``).
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_record_many
from mekendesh.lib.hashing import lookup_hash
from mekendesh.people.models import IdentityDocument


class Command(BaseCommand):
    help = "Recompute the look-up hashes of document numbers under the current key."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        changed = 0
        total = IdentityDocument.objects.count()
        last_id = 0
        with tqdm(total=total, unit=" documents", file=sys.stderr, disable=None) as bar:
            while True:
                with transaction.atomic():
                    batch = list(
                        IdentityDocument.objects.select_for_update()
                        .select_related("person")
                        .filter(pk__gt=last_id)
                        .order_by("pk")[:batch_size]
                    )
                    if not batch:
                        break
                    stale = []
                    for document in batch:
                        current = lookup_hash(document.number)
                        if document.number_hash != current:
                            document.number_hash = current
                            stale.append(document)
                    IdentityDocument.objects.bulk_update(stale, ["number_hash"])
                    audit_record_many(
                        actor=None,
                        entries=[
                            AuditEntry(
                                action=AuditEvent.Action.UPDATE,
                                obj=document,
                                person=document.person,
                                fields=["number_hash"],
                            )
                            for document in stale
                        ],
                    )
                changed += len(stale)
                last_id = batch[-1].pk
                bar.update(len(batch))
        self.stdout.write(
            _("%(changed)d of %(total)d document hashes moved to the current key")
            % {"changed": changed, "total": total}
        )
