"""``mekendesh screening run``: screen the register against the host-country lists in this
process, with a progress bar, as the ``screening.run`` job does for the pages.

mekendesh screening run [--list NAME] [--engine duckdb|spark]   the whole register against every list (or one)
mekendesh screening run --people-since 2026-12-01                 registrations changed since a day
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.services import job_run_inline
from mekendesh.jobs.terminal import TerminalProgress
from mekendesh.screening.models import ListSource, RunKind, ScreeningRun


class Command(BaseCommand):
    help = "Screen the register against the host-country lists."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="{run}")
        run = subcommands.add_parser("run", help="Link the register with the lists in force; keep the candidates.")
        run.add_argument("--list", dest="list_name", help="only this list (its name)")
        run.add_argument("--engine", choices=["duckdb", "spark"], help="the linkage engine (default: the setting)")
        run.add_argument("--people-since", help="only registrations changed since this day (YYYY-MM-DD)")
        run.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        source = None
        if options["list_name"]:
            source = ListSource.objects.filter(name=options["list_name"]).first()
            if source is None:
                raise CommandError(_("There is no list named “%(name)s”.") % {"name": options["list_name"]})
        since = None
        if options["people_since"]:
            try:
                day = dt.date.fromisoformat(options["people_since"])
            except ValueError:
                raise CommandError(_("--people-since takes a day as YYYY-MM-DD.")) from None
            since = dt.datetime.combine(day, dt.time(0, 0), tzinfo=timezone.get_current_timezone())
        run = ScreeningRun.objects.create(
            kind=RunKind.PEOPLE if since else RunKind.FULL,
            source=source,
            people_since=since,
            engine=options["engine"] or settings.SCREENING_ENGINE,
        )
        stream = cast(IO[str], self.stderr._out)
        with TerminalProgress(unit=" records", stream=stream, disable=True if options["no_progress"] else None) as bar:
            job = job_run_inline(kind="screening.run", params={"run": run.pk}, listeners=[bar], heartbeat_thread=True)
        if job.status != JobStatus.SUCCEEDED:
            raise CommandError(job.error or job.get_status_display())
        self.stdout.write(job.messages[-1]["text"] if job.messages else "")
