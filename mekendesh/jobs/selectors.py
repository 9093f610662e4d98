"""Which jobs a user may see: their own; an administrator, every job."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from mekendesh.accounts.permissions import can
from mekendesh.jobs.models import Job, JobStatus


def jobs_visible_to(user: Any) -> QuerySet[Job]:
    if not can(user, "job.view"):
        return Job.objects.none()
    jobs = Job.objects.select_related("actor")
    if can(user, "job.manage_all"):
        return jobs
    return jobs.filter(actor=user)


def job_get_for_user(*, user: Any, job_id: int) -> Job:
    """The job, if the user may see it; ``Job.DoesNotExist`` otherwise."""
    return jobs_visible_to(user).get(pk=job_id)


def jobs_running() -> QuerySet[Job]:
    return Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
