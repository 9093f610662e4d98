"""The one task of Django's tasks framework that runs every job kind on the worker."""

from __future__ import annotations

from django.tasks import TaskContext, task


@task(takes_context=True)
def job_task(context: TaskContext, job_id: int, run_token: str) -> str:
    from mekendesh.jobs.services import job_execute

    return job_execute(job_id=job_id, run_token=run_token, task_result_id=context.task_result.id)
