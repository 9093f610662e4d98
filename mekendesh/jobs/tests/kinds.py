"""Job kinds used by the tests (also loaded by the worker processes the tests start, through
``MEKENDESH_JOB_MODULES``)."""

from __future__ import annotations

import time

from django.db import transaction

from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.models import JobRowError
from mekendesh.jobs.registry import job_kind


@job_kind(
    "tests.count", label="Count", permission="tests.count", roles=("administrator", "consular_officer"), resumable=True
)
def count(job: JobContext) -> None:
    """Counts to ``steps``; each step stores a row (as a row error, row = step) together with the
    checkpoint, in one transaction: after an interruption the job goes on after the last stored
    step, so every step is stored exactly once."""
    steps = int(job.params.get("steps", 5))
    pause = float(job.params.get("pause", 0))
    start = job.resume_from["next"] if job.resume_from else 0
    if start:
        job.message(f"resumed at {start}")
    job.progress(start, total=steps, stage="counting")
    for step in range(start, steps):
        time.sleep(pause)
        with transaction.atomic():
            JobRowError.objects.create(job_id=job.job.pk, row=step, message=f"step {step}")
            job.checkpoint({"next": step + 1})
            job.progress(step + 1)
        job.stop_if_cancelled()


@job_kind("tests.once", label="Once", permission="tests.once", resumable=False)
def once(job: JobContext) -> None:
    steps = int(job.params.get("steps", 3))
    for step in range(steps):
        time.sleep(float(job.params.get("pause", 0)))
        job.progress(step + 1, total=steps)


@job_kind("tests.report", label="Report", permission="tests.report", roles=("administrator", "consular_officer"))
def report(job: JobContext) -> None:
    rows = int(job.params.get("rows", 3))
    for row in range(1, rows + 1):
        job.row_error(row=row, column="surname", message=f"row {row}: the surname is empty")
        job.progress(row, total=rows, stage="reading")
    job.message("read the rows")
    job.add_result_file("report.csv", "row,problem\n1,empty\n")


@job_kind("tests.refuse", label="Refuse", permission="tests.refuse")
def refuse(job: JobContext) -> None:
    raise JobFailed("the input has no header row")


@job_kind("tests.crash", label="Crash", permission="tests.crash")
def crash(job: JobContext) -> None:
    raise RuntimeError("disk on fire")
