"""The import's background jobs: the check of every row (read, check, stage, compare with the
register) and the promotion of the valid rows (one transaction).

The check commits chunk by chunk with its checkpoint, so a worker killed mid-way goes on from the
last committed chunk; the promotion is all or nothing, so a worker killed mid-way leaves the
register as it was and the job starts the promotion again.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.imports.bulk import rows_insert
from mekendesh.imports.models import BatchStatus, ImportBatch, ImportRowError, StagedRow, StagedStatus
from mekendesh.imports.services import (
    ImportRefused,
    batch_counts,
    batch_guess,
    batch_mark_checked,
    batch_path,
    file_drop,
    import_refuse,
    refusal_of,
    source_rows,
)
from mekendesh.imports.targets import Checked, RowError, SourceRow, target_get
from mekendesh.imports.workflows import IMPORT
from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.registry import job_kind
from mekendesh.lib import tabular
from mekendesh.workflows.services import transition

# What a worker process checks with: set in the parent before the pool forks.
_WORKER_STATE: dict[str, Any] = {}


def _check_in_worker(rows: Sequence[SourceRow]) -> list[Checked]:
    return target_get(_WORKER_STATE["target"]).check(rows, _WORKER_STATE["context"])


def _chunks(rows: Iterator[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def _batch(job: JobContext) -> ImportBatch:
    try:
        return ImportBatch.objects.select_related("source", "created_by").get(pk=job.params["batch"])
    except (KeyError, ImportBatch.DoesNotExist):
        raise JobFailed(_("The import this job was for no longer exists.")) from None


def _source_rows(batch: ImportBatch, *, after: int) -> Iterator[SourceRow]:
    mapping = {int(position): name for position, name in batch.mapping.items() if name and name != "-"}
    for row in source_rows(batch, after=after):
        values = [str(value) for value in row.values]
        yield SourceRow(
            row=row.number,
            values={name: values[position] if position < len(values) else "" for position, name in mapping.items()},
            raw=values,
        )


def _row_shape_errors(row: SourceRow, headers: list[str], header_key: tuple[str, ...]) -> Checked | None:
    """A row that is the header again, or that has more values than the header has columns."""
    values = [value.strip() for value in row.raw]
    while values and not values[-1]:
        values.pop()
    if tuple(value.casefold() for value in values) == header_key:
        return Checked(
            row=row.row,
            raw=row.raw,
            errors=[RowError(field="", value="", message=gettext_noop("The header row is repeated here."))],
        )
    if len(values) > len(headers):
        return Checked(
            row=row.row,
            raw=row.raw,
            errors=[
                RowError(
                    field="",
                    value=values[len(headers)][:200],
                    message=gettext_noop("This row has %(count)s values; the header has %(columns)s columns."),
                    params={"count": len(values), "columns": len(headers)},
                )
            ],
        )
    return None


def _workers() -> int:
    configured = int(settings.IMPORT_WORKERS)
    return configured if configured > 0 else max(1, os.cpu_count() or 1)


@job_kind(
    "imports.check",
    label=gettext_lazy("Import: check of the rows"),
    permission="import.view",
    resumable=True,
    max_attempts=5,
)
def import_check(job: JobContext) -> None:
    batch = _batch(job)
    if batch.status != BatchStatus.VALIDATING:
        job.message(
            _("This import is not waiting for its check (it is %(status)s).") % {"status": batch.get_status_display()}
        )
        return
    actor = batch.created_by
    target = target_get(batch.target)
    after = int((job.resume_from or {}).get("row", 0))
    total = (job.resume_from or {}).get("total")
    with transaction.atomic():
        # What an interrupted run stored after its last checkpoint is stored again.
        StagedRow.objects.filter(batch=batch, row__gt=after).delete()
        ImportRowError.objects.filter(batch=batch, row__gt=after).delete()
    seen: dict[str, int] = dict(
        StagedRow.objects.filter(batch=batch).exclude(key_hash="").values_list("key_hash", "row").order_by("-row")
    )
    done = StagedRow.objects.filter(batch=batch).count()
    if after:
        job.message(_("Going on after row %(row)d.") % {"row": after})
    started = time.monotonic()
    context = target.context(batch, actor)
    header_key = tuple(value.strip().casefold() for value in batch.headers)
    chunk_size = int(settings.IMPORT_CHUNK_ROWS)
    try:
        if total is None:
            job.progress(done, total=None, stage=_("Counting the rows"))
            # One quick pass, so that the progress bar knows where it stands.
            total = max(tabular.count_rows(batch_path(batch), batch_guess(batch)) - 1, 0)
        job.progress(done, total=total, stage=_("Reading and checking the rows"))
        rows = _source_rows(batch, after=after)
        first = list(islice(rows, chunk_size))
        if not first and not done:
            raise ImportRefused(gettext_noop("The file has a header row but no data rows."))
        chunks = _chunks(iter_with_first(first, rows), chunk_size)
        parallel = total >= settings.IMPORT_PARALLEL_FROM_ROWS
        for checked in _checked_chunks(target.name, context, chunks, parallel=parallel):
            job.stop_if_cancelled()
            done += _stage(batch, checked, seen, headers=batch.headers, header_key=header_key)
            with transaction.atomic():
                job.checkpoint({"row": checked[-1].row, "total": total})
            job.progress(done, total=max(done, total))
    except tabular.FileRefused as exc:
        import_refuse(actor=actor, batch=batch, refusal=refusal_of(exc))
        raise JobFailed(str(refusal_of(exc))) from exc
    except ImportRefused as exc:
        import_refuse(actor=actor, batch=batch, refusal=exc)
        raise JobFailed(str(exc)) from exc
    job.message(_("Rows read and checked in %(seconds).1f s.") % {"seconds": time.monotonic() - started})
    compared = time.monotonic()
    job.progress(done, total=done, stage=_("Comparing with the register"))
    if target.find_registered is not None:
        target.find_registered(batch)
    if target.find_possible_duplicates is not None:
        target.find_possible_duplicates(batch)
    counts = batch_counts(batch)
    batch_mark_checked(actor=actor, batch=batch, counts=counts)
    job.message(_("Compared with the register in %(seconds).1f s.") % {"seconds": time.monotonic() - compared})
    job.progress(done, total=done, stage=_("Checked"))
    job.message(
        _(
            "%(rows)d rows: %(valid)d valid, %(invalid)d with errors, %(duplicates_in_file)d duplicates within the "
            "file, %(already_registered)d already registered, %(possible_duplicates)d possibly registered."
        )
        % counts
    )


def iter_with_first(first: list[SourceRow], rest: Iterator[SourceRow]) -> Iterator[SourceRow]:
    yield from first
    yield from rest


def _checked_chunks(
    target: str, context: Any, chunks: Iterator[list[SourceRow]], *, parallel: bool
) -> Iterator[list[Checked]]:
    check = target_get(target).check
    if not parallel or _workers() < 2:
        for chunk in chunks:
            yield check(chunk, context)
        return
    # Checking is pure work on plain values: worker processes share it out over the cores.
    _WORKER_STATE.update(target=target, context=context)
    with multiprocessing.get_context("fork").Pool(_workers()) as pool:
        yield from pool.imap(_check_in_worker, chunks)


def _staged(batch: ImportBatch, item: Checked, status: str) -> dict[str, Any]:
    # Every row keeps its values as read: a valid row found already registered afterwards goes
    # to the error report too.
    valid = status == StagedStatus.VALID
    return {
        "batch_id": batch.pk,
        "row": item.row,
        "status": status,
        "payload": item.payload if valid else {},
        "raw": item.raw,
        "key_hash": item.key_hash if valid else "",
    }


def _stage(
    batch: ImportBatch, checked: list[Checked], seen: dict[str, int], *, headers: list[str], header_key: tuple[str, ...]
) -> int:
    """Store one chunk's rows in the staging table and its errors, in one transaction."""
    staged: list[dict[str, Any]] = []
    errors: list[ImportRowError] = []
    for item in checked:
        shape = _row_shape_errors(SourceRow(row=item.row, values={}, raw=item.raw), headers, header_key)
        if shape is not None:
            item = shape
        if item.errors:
            staged.append(_staged(batch, item, StagedStatus.INVALID))
            errors += [
                ImportRowError(
                    batch_id=batch.pk,
                    row=item.row,
                    column=error.field,
                    value=str(error.value)[:200],
                    message=error.message,
                    params=error.params,
                )
                for error in item.errors
            ]
            continue
        first = seen.get(item.key_hash) if item.key_hash else None
        if first is not None:
            staged.append(_staged(batch, item, StagedStatus.DUPLICATE_IN_FILE))
            errors.append(
                ImportRowError(
                    batch_id=batch.pk,
                    row=item.row,
                    column="document_number",
                    value="",
                    message=gettext_noop("The same document number as row %(row)s: the person is in the file twice."),
                    params={"row": first},
                )
            )
            continue
        if item.key_hash:
            seen[item.key_hash] = item.row
        staged.append(_staged(batch, item, StagedStatus.VALID))
    with transaction.atomic():
        rows_insert(StagedRow, staged)
        ImportRowError.objects.bulk_create(errors, batch_size=2000)
    return len(staged)


@job_kind(
    "imports.promote",
    label=gettext_lazy("Import: storing the rows"),
    permission="import.view",
    resumable=True,
    max_attempts=3,
)
def import_promote(job: JobContext) -> None:
    batch = _batch(job)
    actor = batch.created_by
    target = target_get(batch.target)
    statuses = [StagedStatus.VALID]
    if batch.import_possible_duplicates:
        statuses.append(StagedStatus.POSSIBLE_DUPLICATE)
    total = StagedRow.objects.filter(batch=batch, status__in=statuses).count()
    started = time.monotonic()
    job.progress(0, total=total, stage=_("Storing the rows in the register"))
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != BatchStatus.PROMOTING:
            job.message(
                _("This import is not waiting to be stored (it is %(status)s).")
                % {"status": batch.get_status_display()}
            )
            return
        done = 0

        def rows() -> Iterator[tuple[int, dict[str, Any]]]:
            nonlocal done
            staged = StagedRow.objects.filter(batch=batch, status__in=statuses).order_by("row")
            for item in staged.values_list("row", "payload").iterator(chunk_size=5000):
                done += 1
                if done % 5000 == 0:
                    job.progress(done)
                yield item

        stored = target.promote(batch, actor, rows())
        ImportBatch.objects.filter(pk=batch.pk).update(promoted=stored, promoted_by=actor, promoted_at=timezone.now())
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=batch, fields=["promoted"])
        transition(actor=actor, obj=ImportBatch.objects.get(pk=batch.pk), workflow=IMPORT, action="promoted")
        StagedRow.objects.filter(batch=batch, status__in=statuses).delete()
        StagedRow.objects.filter(batch=batch).update(payload={})
    file_drop(batch)
    job.progress(stored, total=stored, stage=_("Imported"))
    job.message(
        _("%(count)d rows imported in %(seconds).1f s.") % {"count": stored, "seconds": time.monotonic() - started}
    )
