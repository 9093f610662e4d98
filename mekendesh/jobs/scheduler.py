"""One scheduler for every periodic job.

Django's tasks framework has no scheduler. django-crontask (APScheduler underneath) keeps a second
scheduler from running only with a Redis lock, which the embedded set-up does not have, and it
enqueues bare tasks rather than job records. This loop is small instead: at each tick, for every
schedule declared with :func:`~mekendesh.jobs.registry.schedule_register`, it inserts a
``ScheduledRun(name, due_at)`` row for the latest due time; the unique key on those two columns
lets exactly one insert through, however many schedulers tick at once, and only that tick starts
the job. A run missed while no scheduler ran starts at the next tick — once, not once per
missed time.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from mekendesh.jobs.models import Job, ScheduledRun
from mekendesh.jobs.registry import Schedule, schedules_all
from mekendesh.jobs.services import job_start, jobs_recover

logger = logging.getLogger("mekendesh.jobs")


def schedule_run_if_due(schedule: Schedule, *, now: dt.datetime) -> Job | None:
    """Start the schedule's job for its latest due time, unless some tick already did."""
    due = schedule.due_at(now)
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(name=schedule.name, due_at=due)
            job = job_start(actor=None, kind=schedule.kind, params=schedule.params, schedule=schedule.name)
            run.job = job
            run.save(update_fields=["job"])
    except IntegrityError:
        return None
    logger.info("schedule %s: started job %s for %s", schedule.name, job.pk, due.isoformat())
    return job


def scheduler_tick(*, now: dt.datetime | None = None) -> list[Job]:
    """Recover interrupted jobs, then start every due schedule once. Returns the jobs started."""
    now = now or timezone.now()
    jobs_recover(now=now)
    started = []
    for schedule in schedules_all():
        try:
            job = schedule_run_if_due(schedule, now=now)
        except Exception:
            logger.exception("schedule %s could not start", schedule.name)
            continue
        if job is not None:
            started.append(job)
    return started
