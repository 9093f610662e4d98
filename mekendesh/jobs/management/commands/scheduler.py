"""``mekendesh scheduler``: start periodic jobs when they fall due (see mekendesh.jobs.scheduler)."""

from __future__ import annotations

import signal
import sys
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils.translation import gettext as _

from mekendesh.jobs.registry import schedules_all
from mekendesh.jobs.scheduler import scheduler_tick


class Command(BaseCommand):
    help = "Start periodic background jobs when they are due; resume or fail interrupted jobs."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=float, default=30.0, help="seconds between ticks (default 30)")
        parser.add_argument("--once", action="store_true", help="one tick, then exit")

    def handle(self, *args: Any, interval: float, once: bool, **options: Any) -> None:
        if interval <= 0:
            raise CommandError(_("--interval must be more than 0."))
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        if options["verbosity"] > 0:
            for schedule in schedules_all():
                self.stdout.write(
                    _("Schedule %(name)s: %(kind)s every %(every)s")
                    % {"name": schedule.name, "kind": schedule.kind, "every": schedule.every}
                )
        while True:
            for job in scheduler_tick():
                if options["verbosity"] > 0:
                    self.stdout.write(_("Started job #%(id)d (%(kind)s).") % {"id": job.pk, "kind": job.kind})
            if once:
                return
            close_old_connections()
            time.sleep(interval)
            close_old_connections()

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        sys.exit(0)
