"""Starting, running, cancelling and recovering jobs.

A job is queued by :func:`job_start` (one transaction: the job row and its audit row; the task is
enqueued once that commits), claimed by the worker with a conditional UPDATE (only the task that
carries the job's current ``run_token`` can move it from queued to running, so two workers never
run it twice), and kept alive by a heartbeat. :func:`jobs_recover` finds running jobs whose runner
is gone — its process on this host no longer exists, or its heartbeat is older than
``JOB_STALE_SECONDS`` — and requeues a resumable kind from its last checkpoint or marks the job
failed with the reason. It runs when a worker starts and at every scheduler tick.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can, is_signed_in
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.jobs.context import (
    JobCancelled,
    JobContext,
    JobFailed,
    JobLost,
    ProgressListener,
    heartbeat,
)
from mekendesh.jobs.models import Job, JobFile, JobStatus
from mekendesh.jobs.registry import JobKind, kind_get

logger = logging.getLogger("mekendesh.jobs")


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _kind(name: str) -> JobKind:
    try:
        return kind_get(name)
    except KeyError:
        raise ValidationError({"kind": _("There is no job kind %(kind)s.") % {"kind": name}}) from None


def _check_params(params: dict[str, Any] | None) -> dict[str, Any]:
    params = dict(params or {})
    try:
        json.dumps(params)
    except (TypeError, ValueError):
        raise ValidationError({"params": _("Job parameters must be plain values (text, numbers, lists).")}) from None
    return params


def _enqueue(job_id: int, run_token: str) -> None:
    from mekendesh.jobs.tasks import job_task

    result = job_task.enqueue(job_id, run_token)
    Job.objects.filter(pk=job_id, run_token=run_token).update(task_result_id=str(result.id))


def job_start(*, actor: Any | None, kind: str, params: dict[str, Any] | None = None, schedule: str = "") -> Job:
    """Queue a job of ``kind`` for the worker. ``actor`` is the user who asked (checked against the
    kind's permission) or ``None`` for the scheduler."""
    found = _kind(kind)
    if actor is not None and not found.may_start(actor):
        raise PermissionDenied
    params = _check_params(params)
    token = uuid.uuid4().hex
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind, params=params, actor=actor, schedule=schedule, run_token=token, heartbeat_at=timezone.now()
        )
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=job)
        transaction.on_commit(lambda: _enqueue(job.pk, token))
    return job


def job_cancel(*, actor: Any, job: Job) -> Job:
    """Stop a job: a queued one at once, a running one at its next check of ``job.cancelled()``."""
    if not job_may_cancel(actor, job):
        raise PermissionDenied
    with transaction.atomic():
        locked = Job.objects.select_for_update().get(pk=job.pk)
        if locked.status == JobStatus.QUEUED:
            locked.status = JobStatus.CANCELLED
            locked.finished_at = timezone.now()
            locked.cancel_requested = True
            locked.save(update_fields=["status", "finished_at", "cancel_requested"])
        elif locked.status == JobStatus.RUNNING:
            locked.cancel_requested = True
            locked.save(update_fields=["cancel_requested"])
        else:
            return locked
        audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=locked, fields=["cancel_requested"])
    return locked


def job_may_cancel(user: Any, job: Job) -> bool:
    if not is_signed_in(user):
        return False
    return job.actor_id == user.pk or can(user, "job.manage_all")


def job_file_may_download(user: Any, job: Job) -> bool:
    """A result file may hold personal data: only the user who started the job downloads it (an
    administrator, the files of jobs the scheduler started)."""
    if not is_signed_in(user):
        return False
    if job.actor_id is not None:
        return job.actor_id == user.pk
    return can(user, "job.manage_all")


@transaction.atomic
def job_file_download(*, actor: Any, job_file: JobFile) -> JobFile:
    """Check and record a download of a result file (the view streams it)."""
    if not job_file_may_download(actor, job_file.job):
        raise PermissionDenied
    audit_record(actor=actor, action=AuditEvent.Action.EXPORT, obj=job_file)
    return job_file


# -- running ----------------------------------------------------------------------------------


def job_execute(*, job_id: int, run_token: str, task_result_id: str = "") -> str:
    """The worker's side: claim the job (if this task still holds its token) and run it."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED, run_token=run_token).update(
        status=JobStatus.RUNNING,
        attempts=F("attempts") + 1,
        heartbeat_at=now,
        worker=_worker_name(),
        task_result_id=task_result_id or F("task_result_id"),
    )
    if not claimed:
        logger.info("job %s: not queued under this token any more; nothing to do", job_id)
        return "skipped"
    Job.objects.filter(pk=job_id, started_at__isnull=True).update(started_at=now)
    job = Job.objects.select_related("actor").get(pk=job_id)
    with translation.override(_language_of(job)):
        return _run(job, listeners=(), heartbeat_thread=True)


def _language_of(job: Job) -> str:
    """A job speaks its starter's language; a scheduled one, the worker's (MEKENDESH_LANGUAGE …)."""
    return (job.actor.preferred_language if job.actor else "") or translation.get_language() or settings.LANGUAGE_CODE


def job_run_inline(
    *,
    kind: str,
    params: dict[str, Any] | None = None,
    actor: Any | None = None,
    listeners: Iterable[ProgressListener] = (),
    heartbeat_thread: bool = False,
) -> Job:
    """Run a job in this process (the command line): the same record, the same progress calls,
    fed to ``listeners`` too (e.g. a terminal progress bar). Returns the finished job."""
    _kind(kind)
    now = timezone.now()
    job = Job.objects.create(
        kind=kind,
        params=_check_params(params),
        actor=actor,
        status=JobStatus.RUNNING,
        attempts=1,
        started_at=now,
        heartbeat_at=now,
        worker=_worker_name(),
        run_token=uuid.uuid4().hex,
    )
    _run(job, listeners=listeners, heartbeat_thread=heartbeat_thread)
    job.refresh_from_db()
    return job


def _heartbeat_loop(job_id: int, attempt: int, stop: threading.Event) -> None:
    interval = float(getattr(settings, "JOB_HEARTBEAT_SECONDS", 10))
    try:
        while not stop.wait(interval):
            try:
                if not heartbeat(job_id, attempt):
                    return
            except Exception:  # a locked database: try again at the next beat
                logger.warning("job %s: heartbeat not written", job_id, exc_info=True)
    finally:
        connection.close()


def _run(job: Job, *, listeners: Iterable[ProgressListener], heartbeat_thread: bool) -> str:
    try:
        kind: JobKind | None = kind_get(job.kind)
    except KeyError:
        kind = None
    context = JobContext(job, listeners=list(listeners))
    if kind is None:
        return _finish(context, JobStatus.FAILED, _("There is no job kind %(kind)s.") % {"kind": job.kind})
    stop = threading.Event()
    beat = None
    if heartbeat_thread:
        beat = threading.Thread(target=_heartbeat_loop, args=(job.pk, job.attempts, stop), daemon=True)
        beat.start()
    status, error = JobStatus.SUCCEEDED, ""
    try:
        kind.run(context)
        context.flush()
        if context.cancelled():
            status = JobStatus.CANCELLED
    except JobLost:
        logger.warning("job %s: lost to another attempt or stopped; this runner stops", job.pk)
        return "lost"
    except JobCancelled:
        status = JobStatus.CANCELLED
    except JobFailed as exc:
        status, error = JobStatus.FAILED, str(exc)
    except Exception as exc:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        status, error = JobStatus.FAILED, _("The job stopped with an error: %(error)s") % {"error": exc}
    finally:
        stop.set()
        if beat is not None:
            beat.join()
    return _finish(context, status, error)


def _finish(context: JobContext, status: str, error: str) -> str:
    try:
        if status != JobStatus.SUCCEEDED and error:
            context.message(error)
        context.flush()
    except JobLost:
        return "lost"
    except Exception:
        logger.exception("job %s: last progress not written", context.job.pk)
    updated = Job.objects.filter(pk=context.job.pk, status=JobStatus.RUNNING, attempts=context.attempt).update(
        status=status, error=error, finished_at=timezone.now(), heartbeat_at=timezone.now()
    )
    return str(status) if updated else "lost"


# -- recovery ---------------------------------------------------------------------------------


def _process_gone(worker: str) -> bool:
    """Whether ``worker`` (``host:pid``) names a process of this host that no longer exists."""
    host, _sep, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def jobs_recover(*, now: Any = None) -> list[Job]:
    """Requeue or fail the jobs whose runner stopped; requeue queued jobs whose task was lost.
    Returns the jobs it changed."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=float(getattr(settings, "JOB_STALE_SECONDS", 60)))
    changed = []
    here = f"{socket.gethostname()}:"
    running = Job.objects.filter(status=JobStatus.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True) | Q(worker__startswith=here)
    )
    for job in running.only("pk", "attempts", "heartbeat_at", "worker"):
        stale = job.heartbeat_at is None or job.heartbeat_at < cutoff
        if stale or _process_gone(job.worker):
            recovered = _recover_one(job.pk, job.attempts)
            if recovered is not None:
                changed.append(recovered)
    # A queued job whose task never reached the queue (the process died between the commit and
    # the enqueue) or whose task ended without running it.
    for job in Job.objects.filter(status=JobStatus.QUEUED, heartbeat_at__lt=cutoff).only("pk", "task_result_id"):
        if not _task_pending(job.task_result_id):
            requeued = _requeue_orphan(job.pk)
            if requeued is not None:
                changed.append(requeued)
    return changed


def _task_pending(task_result_id: str) -> bool:
    if not task_result_id:
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(id=task_result_id, status__in=["READY", "RUNNING"]).exists()


def _requeue_orphan(job_id: int) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id, status=JobStatus.QUEUED).first()
        if job is None:
            return None
        token = uuid.uuid4().hex
        job.run_token, job.heartbeat_at = token, timezone.now()
        job.save(update_fields=["run_token", "heartbeat_at"])
        transaction.on_commit(lambda: _enqueue(job_id, token))
    return job


def _recover_one(job_id: int, attempts: int) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id, status=JobStatus.RUNNING, attempts=attempts).first()
        if job is None:
            return None
        with translation.override(_language_of(job)):
            _interrupted(job)
    return job


def _interrupted(job: Job) -> None:
    """Requeue the job from its checkpoint, or mark it failed (inside the caller's transaction)."""
    job_id, now = job.pk, timezone.now()
    try:
        kind: JobKind | None = kind_get(job.kind)
    except KeyError:
        kind = None
    stopped = _("interrupted: the worker stopped")
    _task_mark_interrupted(job.task_result_id, stopped)
    messages = list(job.messages or [])
    if kind is not None and kind.resumable and not job.cancel_requested and job.attempts < kind.max_attempts:
        note = (
            _("%(reason)s; going on from the last checkpoint.")
            if job.checkpoint is not None
            else _("%(reason)s; starting again.")
        )
        messages.append({"at": now.isoformat(), "text": note % {"reason": stopped}})
        token = uuid.uuid4().hex
        job.status, job.run_token, job.heartbeat_at, job.worker = JobStatus.QUEUED, token, now, ""
        job.messages = messages
        job.save(update_fields=["status", "run_token", "heartbeat_at", "worker", "messages"])
        transaction.on_commit(lambda: _enqueue(job_id, token))
    else:
        if kind is not None and kind.resumable and job.attempts >= kind.max_attempts:
            reason = _("%(reason)s (%(count)d times; not started again)") % {"reason": stopped, "count": job.attempts}
        else:
            reason = stopped
        messages.append({"at": now.isoformat(), "text": reason})
        job.status, job.error, job.finished_at, job.messages = JobStatus.FAILED, reason, now, messages
        job.save(update_fields=["status", "error", "finished_at", "messages"])
    logger.warning("job %s (%s): %s", job.pk, job.kind, job.status)


def _task_mark_interrupted(task_result_id: str, reason: str) -> None:
    """The task of a dead runner stays 'running' in django-tasks-db's table; close it."""
    if not task_result_id:
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_result_id, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="mekendesh.jobs.WorkerStopped",
        traceback=reason,
    )
