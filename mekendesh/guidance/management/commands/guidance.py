"""``mekendesh guidance reminders [--date YYYY-MM-DD]``: send the reminders due on a day (today by
default) in this process, as the daily ``guidance.reminders`` job does."""

from __future__ import annotations

import datetime as dt
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.services import job_run_inline
from mekendesh.jobs.terminal import TerminalProgress


class Command(BaseCommand):
    help = "Guidance on the rules of stay: send the reminders due."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="{reminders}")
        reminders = subcommands.add_parser(
            "reminders", help="Remind people of permits, registrations and passports that run out."
        )
        reminders.add_argument("--date", help="the day to remind for, YYYY-MM-DD (default: today)")
        reminders.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        params: dict[str, Any] = {}
        if options["date"]:
            try:
                params["date"] = dt.date.fromisoformat(options["date"]).isoformat()
            except ValueError:
                raise CommandError(_("--date takes a day as YYYY-MM-DD.")) from None
        stream = cast(IO[str], self.stderr._out)
        with TerminalProgress(unit=" people", stream=stream, disable=True if options["no_progress"] else None) as bar:
            job = job_run_inline(kind="guidance.reminders", params=params, listeners=[bar])
        if job.status != JobStatus.SUCCEEDED:
            raise CommandError(job.error or job.get_status_display())
        self.stdout.write(job.messages[-1]["text"] if job.messages else "")
