"""The import's background jobs: the check of every row (read, check, stage, compare with the
register) and the promotion of the valid rows (one transaction).

The check commits chunk by chunk with its checkpoint, so a worker killed mid-way goes on from the
last committed chunk; the promotion is all or nothing, so a worker killed mid-way leaves the
register as it was and the job starts the promotion again.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
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
from mekendesh.imports.targets import RowError, SourceRow, target_get
from mekendesh.imports.workflows import IMPORT
from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.registry import job_kind
from mekendesh.lib import tabular
from mekendesh.workflows.services import transition

# What a worker process checks with: set in the parent before the pool forks.
_WORKER_STATE: dict[str, Any] = {}

# A row as read: its number and its values. A checked row, as the check hands it to the staging:
# (number, payload as JSON text or "", key hash, errors as (column, value, message, params), the
# values as read — only for a bad row; a row found a duplicate afterwards has them read again).
RawRow = tuple[int, list[str]]
CheckedRow = tuple[int, str, str, list[tuple[str, str, str, dict[str, Any]]], list[str] | None]


def _check_rows(rows: Sequence[RawRow]) -> list[CheckedRow]:
    """Check a chunk of rows as read (in a worker process, or here): the shape of each row, then
    the target's rules. Returns compact results, so that little crosses between processes."""
    state = _WORKER_STATE
    mapping, headers, header_key = state["mapping"], state["headers"], state["header_key"]
    results: list[CheckedRow] = []
    sources: list[SourceRow] = []
    for number, values in rows:
        shape = _row_shape_errors(number, values, headers, header_key)
        if shape is not None:
            results.append((number, "", "", [(e.field, e.value, e.message, e.params) for e in shape], values))
            continue
        sources.append(
            SourceRow(
                row=number,
                values={name: values[position] if position < len(values) else "" for position, name in mapping.items()},
                raw=values,
            )
        )
    for item in target_get(state["target"]).check(sources, state["context"]):
        if item.errors:
            errors = [(e.field, str(e.value)[:200], e.message, e.params) for e in item.errors]
            results.append((item.row, "", "", errors, item.raw))
        else:
            payload = json.dumps(item.payload, ensure_ascii=False, separators=(",", ":"))
            results.append((item.row, payload, item.key_hash, [], None))
    results.sort(key=lambda result: result[0])
    return results


def _chunks(rows: Iterator[RawRow], size: int) -> Iterator[list[RawRow]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def _batch(job: JobContext) -> ImportBatch:
    try:
        return ImportBatch.objects.select_related("source", "created_by").get(pk=job.params["batch"])
    except (KeyError, ImportBatch.DoesNotExist):
        raise JobFailed(_("The import this job was for no longer exists.")) from None


def _source_rows(batch: ImportBatch, *, after: int) -> Iterator[RawRow]:
    for row in source_rows(batch, after=after):
        yield row.number, [str(value) for value in row.values]


def _row_shape_errors(
    number: int, raw: list[str], headers: list[str], header_key: tuple[str, ...]
) -> list[RowError] | None:
    """A row that is the header again, or that has more values than the header has columns."""
    values = [value.strip() for value in raw]
    while values and not values[-1]:
        values.pop()
    if len(values) == len(header_key) and tuple(value.casefold() for value in values) == header_key:
        return [RowError(field="", value="", message=gettext_noop("The header row is repeated here."))]
    if len(values) > len(headers):
        return [
            RowError(
                field="",
                value=values[len(headers)][:200],
                message=gettext_noop("This row has %(count)s values; the header has %(columns)s columns."),
                params={"count": len(values), "columns": len(headers)},
            )
        ]
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
    chunk_size = int(settings.IMPORT_CHUNK_ROWS)
    try:
        # A target may refuse the whole file from what it knows of it (a list nobody described).
        context = target.context(batch, actor)
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
        for checked in _checked_chunks(batch, target.name, context, chunks, parallel=parallel):
            job.stop_if_cancelled()
            if not ImportBatch.objects.filter(pk=batch.pk, status=BatchStatus.VALIDATING).exists():
                # Discarded (or sent back to its columns) after its job had stopped: this run
                # was resumed for nothing.
                StagedRow.objects.filter(batch=batch).delete()
                ImportRowError.objects.filter(batch=batch).delete()
                job.message(_("The import was discarded or changed: its check stops."))
                return
            done += _stage(batch, checked, seen)
            with transaction.atomic():
                job.checkpoint({"row": checked[-1][0], "total": total})
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
    raw_values_fill(batch)
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


def iter_with_first(first: list[RawRow], rest: Iterator[RawRow]) -> Iterator[RawRow]:
    yield from first
    yield from rest


def _checked_chunks(
    batch: ImportBatch, target: str, context: Any, chunks: Iterator[list[RawRow]], *, parallel: bool
) -> Iterator[list[CheckedRow]]:
    _WORKER_STATE.update(
        target=target,
        context=context,
        mapping={int(position): name for position, name in batch.mapping.items() if name and name != "-"},
        headers=list(batch.headers),
        header_key=tuple(value.strip().casefold() for value in batch.headers),
    )
    if not parallel or _workers() < 2:
        for chunk in chunks:
            yield _check_rows(chunk)
        return
    # Checking is pure work on plain values: worker processes (forked with the state above)
    # share it out over the cores while this one reads the file and stages the results.
    with multiprocessing.get_context("fork").Pool(_workers()) as pool:
        yield from pool.imap(_check_rows, chunks)


def _stage(batch: ImportBatch, checked: list[CheckedRow], seen: dict[str, int]) -> int:
    """Store one chunk's rows in the staging table and its errors, in one transaction."""
    staged: list[tuple[Any, ...]] = []
    errors: list[ImportRowError] = []
    for number, payload, key_hash, row_errors, raw in checked:
        if row_errors:
            staged.append((batch.pk, number, StagedStatus.INVALID, "{}", _json(raw or []), ""))
            errors += [
                ImportRowError(batch_id=batch.pk, row=number, column=field, value=value, message=message, params=params)
                for field, value, message, params in row_errors
            ]
            continue
        first = seen.get(key_hash) if key_hash else None
        if first is not None:
            staged.append((batch.pk, number, StagedStatus.DUPLICATE_IN_FILE, "{}", "[]", ""))
            errors.append(
                ImportRowError(
                    batch_id=batch.pk,
                    row=number,
                    column="document_number",
                    value="",
                    message=gettext_noop("The same document number as row %(row)s: the person is in the file twice."),
                    params={"row": first},
                )
            )
            continue
        if key_hash:
            seen[key_hash] = number
        staged.append((batch.pk, number, StagedStatus.VALID, payload, "[]", key_hash))
    with transaction.atomic():
        staged_rows_write(staged)
        ImportRowError.objects.bulk_create(errors, batch_size=2000)
    return len(staged)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


STAGED_COLUMNS = ("batch_id", "row", "status", "payload", "raw", "key_hash")


def staged_rows_write(rows: list[tuple[Any, ...]]) -> None:
    """Store staged rows whose payload and raw values are JSON text already (made in the worker
    processes): ``COPY`` takes the text as it is on PostgreSQL; elsewhere the rows are inserted
    through the model."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(StagedRow._meta.db_table)
        names = ", ".join(connection.ops.quote_name(name) for name in STAGED_COLUMNS)
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    rows_insert(
        StagedRow,
        [
            {
                "batch_id": batch,
                "row": row,
                "status": status,
                "payload": json.loads(payload),
                "raw": json.loads(raw),
                "key_hash": key,
            }
            for batch, row, status, payload, raw, key in rows
        ],
    )


def raw_values_fill(batch: ImportBatch) -> None:
    """Read again, from the file, the values of the rows found duplicates or already registered
    after their check (a valid row is staged without them): the error report shows them."""
    wanted = set(
        StagedRow.objects.filter(batch=batch, raw=[])
        .exclude(status__in=[StagedStatus.VALID, StagedStatus.INVALID])
        .values_list("row", flat=True)
    )
    if not wanted:
        return
    found: list[StagedRow] = []
    ids = dict(StagedRow.objects.filter(batch=batch, row__in=wanted).values_list("row", "id"))
    for number, values in _source_rows(batch, after=0):
        if number in wanted:
            found.append(StagedRow(id=ids[number], raw=values))
            if len(found) == len(wanted):
                break
    StagedRow.objects.bulk_update(found, ["raw"], batch_size=1000)


PROGRESS_EVERY = 5000  # rows stored between two progress lines of the promotion


class _ProgressBeside:
    """The promotion's progress for the job's page while its one transaction is open.

    Whatever the promotion writes stays invisible until it commits, the job's progress too; on
    PostgreSQL a second connection of its own writes the count of rows stored (and nothing else)
    to the job's row as it goes. Best effort: a row it cannot see (the job of a test's open
    transaction) is left alone; on SQLite, one writer at a time, the page shows the count at the end.
    """

    def __init__(self, job: JobContext) -> None:
        self.job = job
        self.connection: Any = None
        default = connections[DEFAULT_DB_ALIAS]
        if default.vendor == "postgresql":
            try:
                self.connection = type(default.connection).connect(**default.get_connection_params(), autocommit=True)
                # Never wait for the job's row: a progress line is not worth a stall.
                self.connection.execute("SET lock_timeout = '200ms'")
            except Exception:
                self.connection = None

    def __call__(self, done: int, total: int) -> None:
        if self.connection is None:
            return
        table = connections[DEFAULT_DB_ALIAS].ops.quote_name(Job._meta.db_table)
        try:
            self.connection.execute(
                f"UPDATE {table} SET done = %s, total = %s, heartbeat_at = now() WHERE id = %s AND status = %s",  # noqa: S608 (the model's table)
                [done, total, self.job.job.pk, JobStatus.RUNNING],
            )
        except Exception:
            self.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


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
    statuses: list[str] = [StagedStatus.VALID]
    if batch.import_possible_duplicates:
        statuses.append(StagedStatus.POSSIBLE_DUPLICATE)
    total = StagedRow.objects.filter(batch=batch, status__in=statuses).count()
    started = time.monotonic()
    job.progress(0, total=total, stage=_("Storing the rows in the register"))
    beside = _ProgressBeside(job)
    try:
        stored = _promote(job, batch, target, actor, statuses, total, beside)
    finally:
        beside.close()
    if stored is None:
        return
    file_drop(batch)
    job.progress(stored, total=stored, stage=_("Imported"))
    job.message(
        _("%(count)d rows imported in %(seconds).1f s.") % {"count": stored, "seconds": time.monotonic() - started}
    )


def _promote(
    job: JobContext,
    batch: ImportBatch,
    target: Any,
    actor: Any,
    statuses: list[str],
    total: int,
    beside: _ProgressBeside,
) -> int | None:
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != BatchStatus.PROMOTING:
            job.message(
                _("This import is not waiting to be stored (it is %(status)s).")
                % {"status": batch.get_status_display()}
            )
            return None
        done = 0

        def rows() -> Iterator[tuple[int, dict[str, Any]]]:
            nonlocal done
            staged = StagedRow.objects.filter(batch=batch, status__in=statuses).order_by("row")
            for item in staged.values_list("row", "payload").iterator(chunk_size=5000):
                done += 1
                if done % PROGRESS_EVERY == 0:
                    # Not through the job's row on this connection: the transaction would hold
                    # it locked until the end (and the page would see nothing).
                    job.progress(done, write=False)
                    beside(done, total)
                yield item

        stored = target.promote(batch, actor, rows())
        ImportBatch.objects.filter(pk=batch.pk).update(promoted=stored, promoted_by=actor, promoted_at=timezone.now())
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=batch, fields=["promoted"])
        transition(actor=actor, obj=ImportBatch.objects.get(pk=batch.pk), workflow=IMPORT, action="promoted")
        StagedRow.objects.filter(batch=batch, status__in=statuses).delete()
        StagedRow.objects.filter(batch=batch).update(payload={})
    return int(stored)
