"""The import pipeline: upload and sniff, column mapping, the check of every row (a background
job), and the promotion of the valid rows in one transaction (another job).

Each step is a service here; the pages, the API and ``mekendesh import`` call the same ones. A
refused file, a file with bad rows imported "all or nothing", a worker killed mid-way: the
register is left exactly as it was, because nothing reaches it before the promotion and the
promotion is one transaction.
"""

from __future__ import annotations

import csv
import hashlib
import io
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.imports.models import (
    LIVE_STATUSES,
    BatchStatus,
    ImportBatch,
    ImportMode,
    ImportRowError,
    ImportSource,
    StagedRow,
    StagedStatus,
)
from mekendesh.imports.targets import ImportTarget, header_key, mapping_guess, target_get
from mekendesh.imports.workflows import IMPORT
from mekendesh.jobs.models import Job
from mekendesh.jobs.services import job_run_inline, job_start
from mekendesh.lib import tabular
from mekendesh.lib.export import neutralise_formula
from mekendesh.workflows.services import transition

IGNORED = "-"  # a column the officer chose not to import
# The error column of the pipeline's own error report, in each interface language: a corrected
# report sent back is read without it.
ERROR_COLUMN_HEADERS = ("Errors", "Ошибки", "Каталар", "Ýalňyşlar")

REFUSALS = {
    "empty": gettext_noop("The file is empty."),
    "no_records": gettext_noop("The file has a header row but no data rows."),
    "headers_only": gettext_noop("The file has a header row but no data rows."),
    "no_header": gettext_noop("The file has no header row."),
    "too_large": gettext_noop("The file is larger than %(limit)s bytes."),
    "executable": gettext_noop("This file is a program (%(format)s), not a table. Send a CSV or XLSX file."),
    "pdf": gettext_noop("This file is a PDF document, not a table. Send a CSV or XLSX file."),
    "html": gettext_noop("This file is a web page (%(format)s), not a table. Send a CSV or XLSX file."),
    "image": gettext_noop("This file is a picture (%(format)s), not a table. Send a CSV or XLSX file."),
    "archive": gettext_noop("This file is an archive (%(format)s): unpack it and send the CSV or XLSX file itself."),
    "binary": gettext_noop("This file is not a table (it holds binary data). Send a CSV or XLSX file."),
    "legacy_office": gettext_noop("This is an old Excel (XLS) or Word file: save it as XLSX or CSV and send it again."),
    "encrypted": gettext_noop(
        "The workbook is protected by a password: save it without the password and send it again."
    ),
    "zip_not_workbook": gettext_noop("This ZIP file is not an Excel workbook. Send a CSV or XLSX file."),
    "too_many_entries": gettext_noop("The workbook holds more than %(limit)s parts; it is refused as unsafe."),
    "zip_bomb": gettext_noop("The workbook unpacks to more than %(limit)s bytes; it is refused as unsafe."),
    "corrupt_workbook": gettext_noop("The workbook is damaged and cannot be read: %(reason)s."),
    "unsafe_xml": gettext_noop("The workbook holds XML entities or external references; it is refused as unsafe."),
    "unknown_sheet": gettext_noop("The workbook has no sheet “%(sheet)s”; its sheets are: %(sheets)s."),
    "unknown_encoding": gettext_noop(
        "The file's text encoding could not be recognised. Save it as UTF-8 and send it again."
    ),
    "undecodable": gettext_noop("The file cannot be read as %(encoding)s: a wrong byte at offset %(offset)s."),
    "undecodable_row": gettext_noop(
        "The file cannot be read as %(encoding)s: a wrong byte at row %(row)s or just after it."
    ),
    "malformed_csv": gettext_noop("Row %(row)s cannot be read as CSV: %(reason)s."),
}


class ImportRefused(Exception):
    """The file cannot be imported as it is; the batch is refused with this message."""

    def __init__(self, message: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.params = params or {}

    def __str__(self) -> str:
        text = _(self.message)
        return text % self.params if self.params else text


@dataclass(frozen=True)
class UploadResult:
    batch: ImportBatch
    created: bool


def _target(name: str) -> ImportTarget:
    try:
        return target_get(name)
    except KeyError:
        raise ValidationError({"target": _("Unknown kind of data: %(name)s.") % {"name": name}}) from None


def _may_import(actor: Any, target: ImportTarget) -> None:
    if not (can(actor, "import.view") and can(actor, target.permission, None)):
        raise PermissionDenied(_("You may not import this kind of data."))


def batch_path(batch: ImportBatch) -> Path:
    return Path(batch.file.path)


def sniff(path: Path, **corrections: Any) -> tabular.FileGuess:
    """How to read the file (:func:`mekendesh.lib.tabular.sniff`) under this installation's caps."""
    return tabular.sniff(
        path,
        max_file_bytes=settings.IMPORT_MAX_BYTES,
        max_unzipped_bytes=settings.IMPORT_MAX_UNZIPPED_BYTES,
        **corrections,
    )


def batch_guess(batch: ImportBatch) -> tabular.FileGuess:
    return sniff(
        batch_path(batch),
        encoding=batch.encoding or None,
        delimiter=batch.delimiter or None,
        sheet=batch.sheet or None,
    )


def refusal_of(exc: tabular.FileRefused) -> ImportRefused:
    params = {
        key: ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
        for key, value in exc.params.items()
    }
    message = REFUSALS.get(exc.code, gettext_noop("The file cannot be read."))
    # A message names only the parameters it has; a missing one is shown empty.
    for name in ("format", "limit", "reason", "sheet", "sheets", "encoding", "offset", "row"):
        if f"%({name})s" in message:
            params.setdefault(name, "")
    return ImportRefused(message, {key: value for key, value in params.items() if f"%({key})s" in message})


def _header_and_preview(path: Path, guess: tabular.FileGuess, rows: int = 10) -> tuple[list[str], list[tabular.Row]]:
    preview = tabular.preview(path, guess, rows=rows + 1)
    if not preview:
        raise ImportRefused(REFUSALS["empty"])
    header = [str(value).strip() for value in preview[0].values]
    while header and not header[-1]:
        header.pop()
    if not header:
        raise ImportRefused(REFUSALS["no_header"])
    if len(preview) < 2:
        raise ImportRefused(REFUSALS["headers_only"])
    return header, preview[1:]


def _stored_copy(upload: IO[bytes], limit: int) -> tuple[Path, str, int]:
    """Copy the upload to a temporary file, hashing it on the way (SHA-256)."""
    digest = hashlib.sha256()
    size = 0
    handle = tempfile.NamedTemporaryFile(prefix="mekendesh-import-", delete=False)  # noqa: SIM115 (kept)
    with handle:
        while chunk := upload.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                handle.close()
                Path(handle.name).unlink(missing_ok=True)
                raise ImportRefused(REFUSALS["too_large"], {"limit": limit})
            digest.update(chunk)
            handle.write(chunk)
    return Path(handle.name), digest.hexdigest(), size


def import_upload(*, actor: Any, target: str, source: str, upload: IO[bytes], name: str) -> UploadResult:
    """Take a file: store it, recognise it by its SHA-256 (the same file sent again — a second
    tab, a second click, a resend — finds its first import and changes nothing), read its type,
    encoding, delimiter and header from its content, and guess the column mapping (the source's
    remembered one first). A file that cannot be read is kept as a refused import with the reason."""
    kind = _target(target)
    _may_import(actor, kind)
    source_name = " ".join(str(source).split())[:200]
    if not source_name:
        raise ValidationError({"source": _("Name the source of the file (e.g. the consulate or the list).")})
    path, sha256, size = _stored_copy(upload, settings.IMPORT_MAX_BYTES)
    try:
        existing = ImportBatch.objects.filter(target=target, sha256=sha256, status__in=LIVE_STATUSES).first()
        if existing is not None:
            return UploadResult(existing, False)
        refusal: ImportRefused | None = None
        guess = None
        headers: list[str] = []
        try:
            guess = sniff(path)
            headers, _rows = _header_and_preview(path, guess)
        except tabular.FileRefused as exc:
            refusal = refusal_of(exc)
        except ImportRefused as exc:
            refusal = exc
        try:
            with transaction.atomic():
                source_row, _created = ImportSource.objects.get_or_create(
                    target=target, name=source_name, defaults={"created_by": actor}
                )
                batch = ImportBatch(
                    target=target,
                    source=source_row,
                    original_name=Path(str(name)).name[:255] or "upload",
                    size=size,
                    sha256=sha256,
                    file_kind=guess.kind if guess else "",
                    encoding=(guess.encoding or "") if guess else "",
                    delimiter=(guess.delimiter or "") if guess else "",
                    sheet=(guess.sheet or "") if guess else "",
                    sheets=list(guess.sheets) if guess else [],
                    headers=headers,
                    mapping=_with_report_column_ignored(mapping_guess(kind, headers, source_row.mapping), headers),
                    defaults=dict(source_row.defaults),
                    status=BatchStatus.REFUSED if refusal else BatchStatus.UPLOADED,
                    refusal=refusal.message if refusal else "",
                    refusal_params=refusal.params if refusal else {},
                    created_by=actor,
                )
                if refusal is None:
                    with path.open("rb") as stored:
                        batch.file.save(
                            f"{uuid.uuid4().hex}.{guess.kind if guess else 'bin'}", File(stored), save=False
                        )
                batch.save()
                audit_record(
                    actor=actor,
                    action=AuditEvent.Action.CREATE,
                    obj=batch,
                    fields=["target", "source", "original_name", "sha256", "status"],
                )
        except IntegrityError:
            # The same file, sent at the same moment from another tab: its first upload stands.
            existing = ImportBatch.objects.filter(target=target, sha256=sha256, status__in=LIVE_STATUSES).first()
            if existing is None:
                raise
            return UploadResult(existing, False)
        return UploadResult(batch, True)
    finally:
        path.unlink(missing_ok=True)


def _with_report_column_ignored(mapping: dict[str, str], headers: list[str]) -> dict[str, str]:
    report_columns = {header_key(header) for header in ERROR_COLUMN_HEADERS}
    return {
        position: IGNORED if not field and header_key(headers[int(position)]) in report_columns else field
        for position, field in mapping.items()
    }


def mapping_problems(
    target: ImportTarget, headers: list[str], mapping: dict[str, str], defaults: dict[str, str]
) -> dict[str, str]:
    """What keeps a mapping from being used, by column position or field name: a column no field
    matches (choose its field or "do not import"), two columns for one field, a field the target
    needs with no column and no value for every row."""
    problems: dict[str, str] = {}
    names = set(target.field_names)
    by_field: dict[str, list[int]] = {}
    for position, header in enumerate(headers):
        chosen = mapping.get(str(position), "")
        if chosen == IGNORED:
            continue
        if not chosen:
            problems[str(position)] = _(
                "The column “%(column)s” matches no field: choose its field, or “do not import”."
            ) % {"column": header or position + 1}
        elif chosen not in names:
            problems[str(position)] = _("Unknown field: %(field)s.") % {"field": chosen}
        else:
            by_field.setdefault(chosen, []).append(position)
    for field_name, positions in by_field.items():
        if len(positions) > 1:
            columns = ", ".join(f"“{headers[p]}”" for p in positions)
            for position in positions:
                problems[str(position)] = _("The columns %(columns)s are all mapped to “%(field)s”; keep one.") % {
                    "columns": columns,
                    "field": target.field(field_name).label,
                }
    for item in target.fields:
        if item.required and item.name not in by_field and not (item.default_allowed and defaults.get(item.name)):
            problems[item.name] = _("The column “%(field)s” is missing.") % {"field": item.label}
    groups: dict[str, list[str]] = {}
    for item in target.fields:
        if item.one_of:
            groups.setdefault(item.one_of, []).append(item.name)
    for members in groups.values():
        if not any(member in by_field for member in members):
            labels = _(" or ").join(f"“{target.field(member).label}”" for member in members)
            problems[members[0]] = _("The file needs a column for %(fields)s.") % {"fields": labels}
    return problems


def import_configure(
    *,
    actor: Any,
    batch: ImportBatch,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    defaults: dict[str, str] | None = None,
    mode: str | None = None,
    import_possible_duplicates: bool | None = None,
) -> ImportBatch:
    """Correct how the file is read (encoding, delimiter, sheet) and confirm the column mapping.
    A changed reading reads the header again and guesses the mapping again."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if not can(actor, "import.batch", batch):
            raise PermissionDenied
        if batch.status != BatchStatus.UPLOADED:
            raise ValidationError(_("The columns can be changed only before the import."))
        target = _target(batch.target)
        reread = any(
            value is not None and value != current
            for value, current in ((encoding, batch.encoding), (delimiter, batch.delimiter), (sheet, batch.sheet))
        )
        if reread:
            try:
                guess = sniff(
                    batch_path(batch), encoding=encoding or None, delimiter=delimiter or None, sheet=sheet or None
                )
                headers, _rows = _header_and_preview(batch_path(batch), guess)
            except tabular.FileRefused as exc:
                raise ValidationError(str(refusal_of(exc))) from exc
            except ImportRefused as exc:
                raise ValidationError(str(exc)) from exc
            batch.encoding, batch.delimiter, batch.sheet = (
                guess.encoding or "",
                guess.delimiter or "",
                guess.sheet or "",
            )
            batch.headers = headers
            batch.mapping = _with_report_column_ignored(mapping_guess(target, headers, batch.source.mapping), headers)
        if mapping is not None:
            known = set(target.field_names) | {IGNORED, ""}
            batch.mapping = {
                str(position): (mapping.get(str(position), "") if mapping.get(str(position), "") in known else "")
                for position in range(len(batch.headers))
            }
        if defaults is not None:
            allowed = {item.name for item in target.fields if item.default_allowed}
            batch.defaults = {
                key: str(value).strip() for key, value in defaults.items() if key in allowed and str(value).strip()
            }
        if mode is not None:
            if mode not in ImportMode.values:
                raise ValidationError({"mode": _("Choose what to do with bad rows.")})
            batch.mode = mode
        if import_possible_duplicates is not None:
            batch.import_possible_duplicates = import_possible_duplicates
        batch.version += 1
        batch.save()
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=batch,
            fields=["encoding", "delimiter", "sheet", "mapping", "defaults", "mode"],
        )
    return batch


def _job_begin(*, actor: Any, batch: ImportBatch, kind: str, listeners: list[Any] | None) -> Job | None:
    """Queue the batch's job for the worker (inside the transaction that moved the batch), or
    leave it to :func:`_job_run_here` (``listeners`` given: the command line)."""
    if listeners is not None:
        return None
    job = job_start(actor=actor, kind=kind, params={"batch": batch.pk})
    ImportBatch.objects.filter(pk=batch.pk).update(job=job)
    return job


def _job_run_here(*, actor: Any, batch: ImportBatch, kind: str, listeners: list[Any]) -> Job:
    """Run the batch's job in this process, after the move of the batch was committed."""
    job = job_run_inline(
        kind=kind,
        params={"batch": batch.pk},
        actor=actor,
        listeners=listeners,
        heartbeat_thread=settings.IMPORT_INLINE_HEARTBEAT,
    )
    ImportBatch.objects.filter(pk=batch.pk).update(job=job)
    return job


def import_check_start(
    *,
    actor: Any,
    batch: ImportBatch,
    idempotency_key: str | uuid.UUID | None = None,
    listeners: list[Any] | None = None,
) -> Job:
    """Confirm the mapping (remembered for the source's next file) and start checking every row."""
    target = _target(batch.target)
    problems = mapping_problems(target, batch.headers, batch.mapping, batch.defaults)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        batch = transition(actor=actor, obj=batch, workflow=IMPORT, action="check", idempotency_key=idempotency_key)
        if batch.job_id is not None and batch.job is not None and batch.job.kind == "imports.check":
            return batch.job
        source = batch.source
        remembered = dict(source.mapping)
        for position, field_name in batch.mapping.items():
            remembered[header_key(batch.headers[int(position)])] = field_name
        source.mapping = remembered
        source.defaults = dict(batch.defaults)
        source.save(update_fields=["mapping", "defaults", "updated_at"])
        job = _job_begin(actor=actor, batch=batch, kind="imports.check", listeners=listeners)
    if job is None:
        job = _job_run_here(actor=actor, batch=batch, kind="imports.check", listeners=listeners or [])
    return job


def import_refuse(*, actor: Any, batch: ImportBatch, refusal: ImportRefused) -> ImportBatch:
    with transaction.atomic():
        StagedRow.objects.filter(batch=batch).delete()
        ImportBatch.objects.filter(pk=batch.pk).update(refusal=refusal.message, refusal_params=refusal.params)
        batch = transition(actor=actor, obj=batch, workflow=IMPORT, action="refuse")
    file_drop(batch)
    return batch


def bad_rows_count(batch: ImportBatch) -> int:
    return batch.invalid + batch.duplicates_in_file


def import_promote_start(
    *,
    actor: Any,
    batch: ImportBatch,
    mode: str | None = None,
    import_possible_duplicates: bool | None = None,
    idempotency_key: str | uuid.UUID | None = None,
    listeners: list[Any] | None = None,
) -> Job:
    """Start importing a checked file's valid rows. "All or nothing" with bad rows refuses: the
    sender fixes the rows of the error report and sends the file again."""
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status == BatchStatus.VALIDATED:
            if mode is not None:
                locked.mode = mode
            if import_possible_duplicates is not None:
                locked.import_possible_duplicates = import_possible_duplicates
            locked.save(update_fields=["mode", "import_possible_duplicates"])
            whole = locked.mode == ImportMode.ALL_OR_NOTHING or _target(locked.target).whole_file
            if whole and bad_rows_count(locked):
                raise ValidationError(
                    _(
                        "%(count)d rows have errors: with “all or nothing” no row is imported until the file is "
                        "clean. Download the error report, correct those rows and send the file again."
                    )
                    % {"count": bad_rows_count(locked)}
                )
        batch = transition(actor=actor, obj=locked, workflow=IMPORT, action="promote", idempotency_key=idempotency_key)
        if batch.job_id is not None and batch.job is not None and batch.job.kind == "imports.promote":
            return batch.job
        job = _job_begin(actor=actor, batch=batch, kind="imports.promote", listeners=listeners)
    if job is None:
        job = _job_run_here(actor=actor, batch=batch, kind="imports.promote", listeners=listeners or [])
    return job


def job_still_running(batch: ImportBatch) -> bool:
    """Whether the batch's check or import is under way (its job not finished)."""
    if batch.status not in (BatchStatus.VALIDATING, BatchStatus.PROMOTING):
        return False
    # The latest job for the batch (a run from the command line is linked to it only at its end).
    job = Job.objects.filter(kind__startswith="imports.", params__batch=batch.pk).order_by("-pk").first()
    return job is not None and not job.finished


def _not_while_running(batch: ImportBatch) -> None:
    if job_still_running(batch):
        raise ValidationError(_("The import is still running: wait for it to finish, or stop its job first."))


def import_discard(*, actor: Any, batch: ImportBatch) -> ImportBatch:
    """Drop an import before it is stored (its staged rows and its file go): a file just sent, a
    checked one, or one whose check or import stopped. An import being stored holds its row
    locked, so a discard waits for it and is then refused."""
    with transaction.atomic():
        _not_while_running(ImportBatch.objects.select_for_update().get(pk=batch.pk))
        batch = transition(actor=actor, obj=batch, workflow=IMPORT, action="discard")
        StagedRow.objects.filter(batch=batch).delete()
    file_drop(batch)
    return batch


def import_remap(*, actor: Any, batch: ImportBatch) -> ImportBatch:
    """Go back from a checked file (or one whose check stopped) to its mapping; its check is dropped."""
    with transaction.atomic():
        _not_while_running(ImportBatch.objects.select_for_update().get(pk=batch.pk))
        batch = transition(actor=actor, obj=batch, workflow=IMPORT, action="remap")
        StagedRow.objects.filter(batch=batch).delete()
        ImportRowError.objects.filter(batch=batch).delete()
    return batch


def file_drop(batch: ImportBatch) -> None:
    """The uploaded file is kept only while it may still be read: its rows are in the register
    (or refused) afterwards, and a copy of personal data is not kept longer than needed."""
    if batch.file:

        def drop() -> None:
            batch.file.delete(save=False)
            ImportBatch.objects.filter(pk=batch.pk).update(file="")

        transaction.on_commit(drop)


# --- the check (job imports.check) -----------------------------------------------------------


def batch_counts(batch: ImportBatch) -> dict[str, int]:
    by_status = dict(StagedRow.objects.filter(batch=batch).values_list("status").annotate(n=Count("id")))
    return {
        "rows": sum(by_status.values()),
        "valid": by_status.get(StagedStatus.VALID, 0),
        "invalid": by_status.get(StagedStatus.INVALID, 0),
        "duplicates_in_file": by_status.get(StagedStatus.DUPLICATE_IN_FILE, 0),
        "already_registered": by_status.get(StagedStatus.REGISTERED, 0),
        "possible_duplicates": by_status.get(StagedStatus.POSSIBLE_DUPLICATE, 0),
    }


def source_rows(batch: ImportBatch, *, after: int = 0) -> Iterator[tabular.Row]:
    """The data rows of the batch's file (after its header), from row ``after`` on."""
    guess = batch_guess(batch)
    header_seen = False
    for row in tabular.read_rows(batch_path(batch), guess):
        if not header_seen:
            header_seen = True
            continue
        if row.number > after:
            yield row


# --- the error report ----------------------------------------------------------------------


def report_rows(batch: ImportBatch) -> Iterator[list[str]]:
    """The file's bad rows as they were read, each with what is wrong with it, in the reader's
    language; cells a spreadsheet would run as formulas are neutralised."""
    headers = batch.headers
    yield [*headers, _("Errors")]
    errors: dict[int, list[str]] = {}
    for error in ImportRowError.objects.filter(batch=batch).order_by("row", "id").iterator(chunk_size=5000):
        column = error.column
        label = _column_label(batch, column)
        text = _("row %(row)d") % {"row": error.row}
        errors.setdefault(error.row, []).append(f"{text}, {label}: {error.text}" if label else f"{text}: {error.text}")
    staged = (
        StagedRow.objects.filter(batch=batch)
        .exclude(status=StagedStatus.VALID)
        .order_by("row")
        .values_list("row", "status", "raw")
    )
    for row_number, status, raw in staged.iterator(chunk_size=5000):
        reasons = errors.get(row_number, [])
        if status == StagedStatus.REGISTERED:
            reasons = [
                _("row %(row)d: this person is already registered (same document number).") % {"row": row_number}
            ]
        elif status == StagedStatus.POSSIBLE_DUPLICATE:
            reasons = [
                _("row %(row)d: possibly already registered (same name and date of birth).") % {"row": row_number}
            ]
        values = [str(value) for value in raw] + [""] * max(0, len(headers) - len(raw))
        yield [*(neutralise_formula(value) for value in values), neutralise_formula("; ".join(reasons))]


def _column_label(batch: ImportBatch, column: str) -> str:
    """The file's own header of a field's column (what the sender sees), else the field's name."""
    if not column:
        return ""
    for position, field_name in batch.mapping.items():
        if field_name == column:
            return str(batch.headers[int(position)])
    try:
        return str(_target(batch.target).field(column).label)
    except StopIteration:
        return column


def report_csv(rows: Iterable[list[str]], *, delimiter: str = ";") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    # With a byte-order mark, spreadsheets open the UTF-8 file in the right encoding.
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def report_xlsx(rows: Iterable[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append([str(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_report_download(*, actor: Any, batch: ImportBatch, file_format: str) -> tuple[str, bytes, str]:
    """The error report as a file (CSV or XLSX): file name, content and content type. Audited:
    it holds the personal data of the bad rows."""
    if not can(actor, "import.batch", batch):
        raise PermissionDenied
    rows = report_rows(batch)
    stem = Path(batch.original_name).stem or "import"
    if file_format == "xlsx":
        content = report_xlsx(rows)
        name, kind = f"{stem}-errors.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = report_csv(rows, delimiter=batch.delimiter or ";")
        name, kind = f"{stem}-errors.csv", "text/csv; charset=utf-8"
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEvent.Action.EXPORT, obj=batch, fields=["errors"])
    return name, content, kind


def import_batch_read(*, actor: Any, batch: ImportBatch, part: str) -> None:
    """Record that ``actor`` was shown rows of the file (``part``: "preview" or "errors"): they
    hold the personal data of the people in it, registered or not yet."""
    if not can(actor, "import.batch", batch):
        raise PermissionDenied
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEvent.Action.READ, obj=batch, fields=[part])


def batch_mark_checked(*, actor: Any, batch: ImportBatch, counts: dict[str, int]) -> ImportBatch:
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch.pk).update(validated_at=timezone.now(), **counts)
        return transition(actor=actor, obj=ImportBatch.objects.get(pk=batch.pk), workflow=IMPORT, action="checked")
