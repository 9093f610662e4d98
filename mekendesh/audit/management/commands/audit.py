"""``mekendesh audit verify``: check that no audit record was changed or removed."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.verification import DEFAULT_BATCH_SIZE, chain_verify

# Below this many records the check takes a moment and needs no progress bar.
PROGRESS_FROM = 20_000


class Command(BaseCommand):
    help = "Work with the audit trail."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="{verify}")
        verify = subcommands.add_parser(
            "verify",
            help="Check the hash chain: report the first changed or missing record; exit 1 if there is one.",
        )
        verify.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="Rows read per query.")
        verify.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "verify":
            self.verify(batch_size=options["batch_size"], show_progress=not options["no_progress"])

    def verify(self, *, batch_size: int, show_progress: bool) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        total = AuditEvent.objects.count() if show_progress else 0
        # disable=None: tqdm shows the bar only when stderr is a terminal.
        with tqdm(
            total=total, unit=" records", file=sys.stderr, disable=True if total < PROGRESS_FROM else None
        ) as bar:
            report = chain_verify(batch_size=batch_size, progress=bar.update)
        if not report.intact:
            raise CommandError(report.message)
        self.stdout.write(report.message)
