"""``mekendesh worker``: run background jobs (django-tasks-db's ``db_worker``), after putting back
in the queue — or marking failed — the jobs a stopped worker left running."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.utils.translation import gettext as _
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from mekendesh.jobs.services import jobs_recover


class Command(DBWorkerCommand):
    help = "Run background jobs; first resume or fail the jobs a stopped worker left running."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # Reloading on code changes would stop jobs midway; off unless asked for.
        parser.set_defaults(reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        for job in jobs_recover():
            self.stdout.write(
                _("Job #%(id)d (%(kind)s) was interrupted: now %(status)s.")
                % {"id": job.pk, "kind": job.kind, "status": job.get_status_display()}
            )
        super().handle(*args, **options)
