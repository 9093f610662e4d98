"""``mekendesh jobs list`` / ``mekendesh jobs kinds`` / ``mekendesh jobs run KIND [--param k=v]``."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import IO, Any, cast

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.registry import kinds_all, schedules_all
from mekendesh.jobs.services import job_run_inline
from mekendesh.jobs.terminal import TerminalProgress


def _param(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise CommandError(_("--param takes NAME=VALUE, not %(text)s") % {"text": text})
    return key, value


class Command(BaseCommand):
    help = "List background jobs and their kinds; run a job here, with a progress bar."

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True, metavar="{list,kinds,run}")
        listing = commands.add_parser("list", help="the latest jobs")
        listing.add_argument("--limit", type=int, default=20)
        commands.add_parser("kinds", help="the job kinds and schedules")
        run = commands.add_parser("run", help="run a job in this process")
        run.add_argument("kind")
        run.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
        run.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['subcommand']}")(**options)

    def _list(self, *, limit: int, **options: Any) -> None:
        for job in Job.objects.order_by("-created_at", "-pk")[:limit]:
            progress = f"{job.done}/{job.total}" if job.total else str(job.done)
            self.stdout.write(
                f"#{job.pk:<6} {job.kind:<24} {job.get_status_display():<12} {progress:<16} "
                f"{timezone.localtime(job.created_at):%Y-%m-%d %H:%M}"
            )

    def _kinds(self, **options: Any) -> None:
        for kind in kinds_all():
            self.stdout.write(f"{kind.name:<24} {kind.label}")
        for schedule in schedules_all():
            self.stdout.write(
                _("Schedule %(name)s: %(kind)s every %(every)s")
                % {"name": schedule.name, "kind": schedule.kind, "every": schedule.every}
            )

    def _run(self, *, kind: str, param: list[str], no_progress: bool, **options: Any) -> None:
        params = dict(_param(text) for text in param)
        # The stubs do not declare OutputWrapper's wrapped stream.
        stream = cast(IO[str], self.stderr._out)
        bar = TerminalProgress(stream=stream, disable=True if no_progress else None)
        try:
            with bar:
                job = job_run_inline(kind=kind, params=params, listeners=[bar], heartbeat_thread=True)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for line in job.messages or []:
            self.stdout.write(line["text"])
        if job.status != JobStatus.SUCCEEDED:
            raise CommandError(job.error or job.get_status_display())
        self.stdout.write(_("Job #%(id)d: %(status)s.") % {"id": job.pk, "status": job.get_status_display()})
