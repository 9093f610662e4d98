"""What statistics adds to the permission table, the workflows (a release's review), the import
targets (official tables), the jobs and the staff shell."""

from __future__ import annotations


def register() -> None:
    pass
