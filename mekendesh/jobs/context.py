"""What a running job sees: its parameters, its checkpoint, and the calls that report progress.

Every write is conditional on the job still being this runner's (status running, this attempt):
a runner that lost its job — because the job was cancelled, or a worker restart requeued it after
this runner went silent — finds no row to update and stops with :class:`JobLost` instead of
running on beside the new attempt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from mekendesh.jobs.models import Job, JobFile, JobRowError, JobStatus

ProgressListener = Callable[[int, "int | None", str], None]

MAX_MESSAGES = 500
ROW_ERROR_BATCH = 500


class JobLost(Exception):
    """The job is no longer this runner's: another attempt owns it, or it was stopped."""


class JobCancelled(Exception):
    """Raised by ``job.stop_if_cancelled()``: the user asked to stop the job."""


class JobFailed(Exception):
    """Raise it from a job with a message for the user: the job ends failed with that message."""


class JobContext:
    def __init__(self, job: Job, *, listeners: list[ProgressListener] | None = None) -> None:
        self.job = job
        self.params: dict[str, Any] = dict(job.params or {})
        self.resume_from: Any = job.checkpoint
        self.attempt = job.attempts
        self._listeners = list(listeners or [])
        self._done = job.done
        self._total = job.total
        self._stage = job.stage
        self._messages: list[dict[str, str]] = list(job.messages or [])
        self._row_errors: list[JobRowError] = []
        self._dirty = False
        self._last_write = 0.0
        self._last_cancel_check = 0.0
        self._cancelled = False
        self._interval = float(getattr(settings, "JOB_PROGRESS_INTERVAL", 0.5))

    # -- reporting --------------------------------------------------------------------------

    def progress(self, done: int, total: int | None = None, stage: str | None = None, *, write: bool = True) -> None:
        """Report ``done`` of ``total`` units (``total`` may be left as it was). Written to the
        database at most every ``JOB_PROGRESS_INTERVAL`` seconds, and at once when the stage
        changes. ``write=False`` tells only the listeners (a terminal bar), for work inside a long
        transaction that must not hold the job's row locked."""
        self._done = int(done)
        if total is not None:
            self._total = int(total)
        stage_changed = stage is not None and str(stage) != self._stage
        if stage is not None:
            self._stage = str(stage)[:200]
        self._dirty = True
        for listener in self._listeners:
            listener(self._done, self._total, self._stage)
        if write and (stage_changed or time.monotonic() - self._last_write >= self._interval):
            self.flush()

    def advance(self, count: int = 1) -> None:
        self.progress(self._done + count)

    def message(self, text: str) -> None:
        """A line for the job's page (kept in the language the job runs in)."""
        self._messages.append({"at": timezone.now().isoformat(), "text": str(text)})
        del self._messages[:-MAX_MESSAGES]
        self._dirty = True
        self.flush()

    def row_error(self, *, row: int | None, column: str = "", message: str) -> None:
        """A problem with one input row; shown on the job's page, page by page."""
        self._row_errors.append(
            JobRowError(job_id=self.job.pk, row=row, column=str(column)[:200], message=str(message))
        )
        if len(self._row_errors) >= ROW_ERROR_BATCH:
            self.flush()

    def checkpoint(self, data: Any) -> None:
        """Store where to go on from (JSON): after an interruption a resumable kind starts again
        with ``job.resume_from`` set to the last ``data``. Written at once, with the progress, in
        the caller's transaction if there is one — so a checkpoint can commit with the work."""
        self._write(checkpoint=data)
        self.resume_from = data

    def add_result_file(self, name: str, content: bytes | str) -> JobFile:
        data = content.encode("utf-8") if isinstance(content, str) else content
        self._check_owned()
        result = JobFile(job_id=self.job.pk, name=name[:200], size=len(data))
        result.file.save(name, ContentFile(data), save=False)
        result.save()
        return result

    # -- cancellation ------------------------------------------------------------------------

    def cancelled(self) -> bool:
        """Whether someone asked to stop the job (read from the database at most once a second)."""
        if not self._cancelled and time.monotonic() - self._last_cancel_check >= 1.0:
            self._last_cancel_check = time.monotonic()
            self._cancelled = Job.objects.filter(pk=self.job.pk, cancel_requested=True).exists()
        return self._cancelled

    def stop_if_cancelled(self) -> None:
        if self.cancelled():
            raise JobCancelled

    # -- writing ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Write what is pending (the runner calls it at the end)."""
        if self._row_errors:
            JobRowError.objects.bulk_create(self._row_errors)
            self._row_errors = []
        if self._dirty:
            self._write()

    def _owned(self) -> Any:
        return Job.objects.filter(pk=self.job.pk, status=JobStatus.RUNNING, attempts=self.attempt)

    def _check_owned(self) -> None:
        if not self._owned().exists():
            raise JobLost

    def _write(self, **extra: Any) -> None:
        fields: dict[str, Any] = {
            "done": self._done,
            "total": self._total,
            "stage": self._stage,
            "messages": self._messages,
            "heartbeat_at": timezone.now(),
            **extra,
        }
        if not self._owned().update(**fields):
            raise JobLost
        self._dirty = False
        self._last_write = time.monotonic()


def heartbeat(job_id: int, attempt: int) -> bool:
    """One sign of life; ``False`` when the job is no longer this attempt's."""
    return bool(
        Job.objects.filter(pk=job_id, status=JobStatus.RUNNING, attempts=attempt).update(heartbeat_at=timezone.now())
    )


__all__ = ["JobCancelled", "JobContext", "JobFailed", "JobLost", "heartbeat"]
