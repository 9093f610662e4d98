"""``mekendesh origin``: the country of origin the database holds the register of; ``--set XX``
changes it on a register that holds no one yet (see :mod:`mekendesh.reference.installed`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mekendesh.reference.installed import installed_origin
from mekendesh.reference.services import installed_origin_set


class Command(BaseCommand):
    help = "Show the country of origin this database is for, or set it on an empty register."
    requires_system_checks: list[str] = []  # the origin check would stop the command that resolves it

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--set", dest="country", metavar="XX", help="record this country (KG, TM, TJ or UZ)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["country"]:
            try:
                record = installed_origin_set(country=options["country"])
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(f"The database is now the register of {record.country}.")
            if record.country != settings.ORIGIN_COUNTRY:
                self.stdout.write(f"Set MEKENDESH_ORIGIN_COUNTRY={record.country} before the next start.")
            return
        recorded = installed_origin()
        self.stdout.write(f"settings: MEKENDESH_ORIGIN_COUNTRY={settings.ORIGIN_COUNTRY}")
        self.stdout.write(f"database: {recorded or 'not recorded yet (run mekendesh migrate)'}")
