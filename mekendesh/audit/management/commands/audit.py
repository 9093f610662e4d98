"""``mekendesh audit verify``: check that no audit record was changed or removed.

The check runs as the ``audit.verify`` background job, in this process: the job's page shows it
like any other, and the terminal shows its progress bar.
"""

from __future__ import annotations

from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mekendesh.audit.verification import DEFAULT_BATCH_SIZE
from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.services import job_run_inline
from mekendesh.jobs.terminal import TerminalProgress


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
        # disable=None: the bar shows only when stderr is a terminal.
        # The stubs do not declare OutputWrapper's wrapped stream.
        stream = cast(IO[str], self.stderr._out)
        with TerminalProgress(unit=" records", stream=stream, disable=None if show_progress else True) as bar:
            job = job_run_inline(
                kind="audit.verify", params={"batch_size": batch_size}, listeners=[bar], heartbeat_thread=True
            )
        if job.status != JobStatus.SUCCEEDED:
            raise CommandError(job.error or job.get_status_display())
        self.stdout.write(job.messages[-1]["text"] if job.messages else "")
