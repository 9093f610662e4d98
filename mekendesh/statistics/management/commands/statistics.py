"""``mekendesh statistics compute [--date YYYY-MM-DD]``: compute the register's indicators at a
reference date (today by default) in this process, printing each stage, as the
``statistics.compute`` job does for the pages."""

from __future__ import annotations

import datetime as dt
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.services import job_run_inline
from mekendesh.jobs.terminal import TerminalProgress


class Command(BaseCommand):
    help = "Compute the register's statistical indicators."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="{compute}")
        compute = subcommands.add_parser("compute", help="A new data set of the register at a reference date.")
        compute.add_argument("--date", help="the reference date, YYYY-MM-DD (default: today)")
        compute.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        params: dict[str, Any] = {}
        if options["date"]:
            try:
                params["date"] = dt.date.fromisoformat(options["date"]).isoformat()
            except ValueError:
                raise CommandError(_("--date takes a day as YYYY-MM-DD.")) from None
        stages: list[str] = []

        def print_stage(done: int, total: int | None, stage: str) -> None:
            if stage and (not stages or stages[-1] != stage):
                stages.append(stage)
                self.stdout.write(f"[{done}/{total or '?'}] {stage}")

        stream = cast(IO[str], self.stderr._out)
        with TerminalProgress(unit=" steps", stream=stream, disable=True if options["no_progress"] else None) as bar:
            job = job_run_inline(kind="statistics.compute", params=params, listeners=[bar, print_stage])
        if job.status != JobStatus.SUCCEEDED:
            raise CommandError(job.error or job.get_status_display())
        self.stdout.write(job.messages[-1]["text"] if job.messages else "")
