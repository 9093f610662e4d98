"""``mekendesh import FILE --source NAME --as EMAIL [--target registrations] [--dry-run] …``

The same pipeline as the import pages, with a progress bar: the file is taken, read, mapped
(the source's remembered mapping, else the column headers), every row checked and the valid rows
imported in one transaction. Exit code 2 when the file is refused — it cannot be read, its
columns do not fit, or it has bad rows and ``--all-or-nothing`` was asked — and then nothing is
stored in the register.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import IO, Any, cast

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mekendesh.audit.context import RequestOrigin, current_origin
from mekendesh.imports.models import BatchStatus, ImportBatch, ImportMode, ImportRowError, StagedRow, StagedStatus
from mekendesh.imports.services import (
    IGNORED,
    import_check_start,
    import_configure,
    import_discard,
    import_promote_start,
    import_upload,
    mapping_problems,
)
from mekendesh.imports.targets import header_key, target_get
from mekendesh.jobs.terminal import TerminalProgress

REFUSED = 2
ERRORS_SHOWN = 50


class Refused(Exception):
    pass


class Command(BaseCommand):
    help = "Import a CSV or XLSX file (registrations, host-country lists, official tables) with a progress bar."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--source", required=True, help="who sent the file; its column mapping is remembered")
        parser.add_argument("--target", default="registrations", help="the kind of data (default: registrations)")
        parser.add_argument("--as", dest="actor", required=True, metavar="EMAIL", help="the staff user importing")
        parser.add_argument("--dry-run", action="store_true", help="check every row, store nothing")
        parser.add_argument(
            "--all-or-nothing", action="store_true", help="import nothing if any row is bad (default: skip bad rows)"
        )
        parser.add_argument(
            "--import-possible-duplicates",
            action="store_true",
            help="also import rows that may already be registered (by name and date of birth) as new people",
        )
        parser.add_argument("--encoding", help="read the file in this encoding instead of the one recognised")
        parser.add_argument("--delimiter", help="the CSV delimiter instead of the one recognised (use \\t for tab)")
        parser.add_argument("--sheet", help="the workbook sheet to read (default: the first)")
        parser.add_argument(
            "--map", action="append", default=[], metavar="COLUMN=FIELD", help="map a column to a field ('-': skip it)"
        )
        parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="a value for every row")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._import(**options)
        except Refused as exc:
            self.stderr.write(str(exc))
            sys.exit(REFUSED)
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc) or _("Not allowed.")]
            self.stderr.write("\n".join(messages))
            sys.exit(REFUSED)

    def _actor(self, email: str) -> Any:
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None or not user.is_active:
            raise CommandError(_("No active staff user has the e-mail address %(email)s.") % {"email": email})
        return user

    def _import(self, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        actor = self._actor(options["actor"])
        target = target_get(options["target"]) if options["target"] else None
        if target is None:
            raise CommandError(_("Unknown kind of data."))
        token = current_origin.set(RequestOrigin(user_agent="mekendesh import", path="command-line"))
        try:
            with path.open("rb") as upload:
                result = import_upload(
                    actor=actor, target=target.name, source=options["source"], upload=upload, name=path.name
                )
            batch = result.batch
            if batch.status == BatchStatus.REFUSED:
                raise Refused(_("%(file)s is refused: %(reason)s") % {"file": path.name, "reason": batch.refusal_text})
            if batch.status == BatchStatus.PROMOTED:
                self.stdout.write(
                    _("This file was already imported on %(date)s (%(count)d rows): nothing changed.")
                    % {"date": f"{batch.promoted_at:%Y-%m-%d %H:%M}", "count": batch.promoted}
                )
                return
            if batch.status in (BatchStatus.VALIDATING, BatchStatus.PROMOTING):
                raise Refused(_("This file is being imported already (import %(id)s).") % {"id": batch.public_id})
            if batch.status == BatchStatus.UPLOADED:
                batch = self._configure(batch, target, actor, options)
                self._check(batch, actor, options)
                batch.refresh_from_db()
            self._report(batch)
            if options["dry_run"]:
                import_discard(actor=actor, batch=batch)
                self.stdout.write(_("Dry run: nothing was stored."))
                if options["all_or_nothing"] and (batch.invalid or batch.duplicates_in_file):
                    sys.exit(REFUSED)
                return
            mode = ImportMode.ALL_OR_NOTHING if options["all_or_nothing"] else ImportMode.SKIP_BAD
            try:
                self._promote(batch, actor, mode, options)
            except ValidationError as exc:
                raise Refused("\n".join(exc.messages)) from exc
            batch.refresh_from_db()
            self.stdout.write(_("%(count)d rows imported.") % {"count": batch.promoted})
            for line in target.summary(batch) if target.summary is not None else []:
                self.stdout.write(line)
        finally:
            current_origin.reset(token)

    def _configure(self, batch: ImportBatch, target: Any, actor: Any, options: dict[str, Any]) -> ImportBatch:
        delimiter = options["delimiter"]
        if delimiter in ("\\t", "tab", "TAB"):
            delimiter = "\t"
        batch = import_configure(
            actor=actor, batch=batch, encoding=options["encoding"], delimiter=delimiter, sheet=options["sheet"]
        )
        mapping = dict(batch.mapping)
        by_header = {header_key(header): str(position) for position, header in enumerate(batch.headers)}
        for text in options["map"]:
            column, sep, field = text.partition("=")
            if not sep or header_key(column) not in by_header:
                raise Refused(_("--map takes COLUMN=FIELD with a column of the file: %(text)s") % {"text": text})
            if field not in (*target.field_names, IGNORED):
                raise Refused(_("Unknown field: %(field)s.") % {"field": field})
            mapping[by_header[header_key(column)]] = field
        defaults = dict(batch.defaults)
        for text in options["set"]:
            field, sep, value = text.partition("=")
            if not sep:
                raise Refused(_("--set takes FIELD=VALUE: %(text)s") % {"text": text})
            defaults[field] = value
        batch = import_configure(actor=actor, batch=batch, mapping=mapping, defaults=defaults)
        problems = mapping_problems(target, batch.headers, batch.mapping, batch.defaults)
        if problems:
            raise Refused(
                "\n".join(
                    [_("The columns of %(file)s do not fit:") % {"file": batch.original_name}, *problems.values()]
                )
            )
        return batch

    def _bar(self, options: dict[str, Any]) -> TerminalProgress:
        stream = cast(IO[str], self.stderr._out)
        return TerminalProgress(stream=stream, disable=True if options["no_progress"] else None)

    def _check(self, batch: ImportBatch, actor: Any, options: dict[str, Any]) -> None:
        with self._bar(options) as bar:
            job = import_check_start(actor=actor, batch=batch, listeners=[bar])
        self._job_lines(job)
        batch.refresh_from_db()
        if batch.status == BatchStatus.REFUSED:
            raise Refused(
                _("%(file)s is refused: %(reason)s") % {"file": batch.original_name, "reason": batch.refusal_text}
            )
        if batch.status != BatchStatus.VALIDATED:
            raise CommandError(_("The check did not finish (%(status)s).") % {"status": batch.get_status_display()})

    def _promote(self, batch: ImportBatch, actor: Any, mode: str, options: dict[str, Any]) -> None:
        with self._bar(options) as bar:
            job = import_promote_start(
                actor=actor,
                batch=batch,
                mode=mode,
                import_possible_duplicates=options["import_possible_duplicates"],
                listeners=[bar],
            )
        self._job_lines(job)
        batch.refresh_from_db()
        if batch.status != BatchStatus.PROMOTED:
            raise CommandError(_("The import did not finish (%(status)s).") % {"status": batch.get_status_display()})

    def _job_lines(self, job: Any) -> None:
        """The job's own lines (what it did and how long it took), when it ran here."""
        if job.pk is None:
            return
        job.refresh_from_db()
        for line in job.messages or []:
            self.stderr.write(line["text"])

    def _report(self, batch: ImportBatch) -> None:
        self.stdout.write(
            _(
                "rows %(rows)d, valid %(valid)d, invalid %(invalid)d, duplicates in file %(duplicates_in_file)d, "
                "already registered %(already_registered)d, possibly registered %(possible_duplicates)d"
            )
            % {
                "rows": batch.rows,
                "valid": batch.valid,
                "invalid": batch.invalid,
                "duplicates_in_file": batch.duplicates_in_file,
                "already_registered": batch.already_registered,
                "possible_duplicates": batch.possible_duplicates,
            }
        )
        headers = {name: batch.headers[int(position)] for position, name in batch.mapping.items() if name}
        for error in ImportRowError.objects.filter(batch=batch).order_by("row", "id")[:ERRORS_SHOWN]:
            column = headers.get(error.column, error.column)
            where = _("row %(row)d") % {"row": error.row}
            self.stdout.write(f"{where}, {column}: {error.text}" if column else f"{where}: {error.text}")
        shown = ImportRowError.objects.filter(batch=batch).count()
        if shown > ERRORS_SHOWN:
            self.stdout.write(_("… and %(count)d more in the error report.") % {"count": shown - ERRORS_SHOWN})
        registered = StagedRow.objects.filter(
            batch=batch, status__in=[StagedStatus.REGISTERED, StagedStatus.POSSIBLE_DUPLICATE]
        ).order_by("row")[:ERRORS_SHOWN]
        for staged in registered:
            where = _("row %(row)d") % {"row": staged.row}
            if staged.status == StagedStatus.REGISTERED:
                self.stdout.write(_("%(where)s: already registered (same document number).") % {"where": where})
            else:
                self.stdout.write(
                    _("%(where)s: possibly already registered (same name and date of birth).") % {"where": where}
                )
