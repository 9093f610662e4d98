"""``flush`` that may empty the append-only audit table on SQLite.

On PostgreSQL ``flush`` empties tables with TRUNCATE, which the row triggers do not stop. On SQLite
it deletes rows, which they do: the triggers are lifted for the flush and put back after it, in
the same transaction. (The test runner flushes the database after each transactional test.)
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections, transaction

from mekendesh.audit.append_only import guard_install, guard_remove


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        with transaction.atomic(using=connection.alias):
            guard_remove(connection)
            super().handle(**options)
            guard_install(connection)
