"""A job whose worker stopped is resumed from its checkpoint or failed with a message; a job whose
worker lives is left alone."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.services import job_execute, jobs_recover

pytestmark = pytest.mark.django_db


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def running(kind: str, *, heartbeat_ago: float = 0, worker: str = "elsewhere:1", checkpoint=None, attempts=1) -> Job:
    return Job.objects.create(
        kind=kind,
        status=JobStatus.RUNNING,
        attempts=attempts,
        checkpoint=checkpoint,
        heartbeat_at=timezone.now() - dt.timedelta(seconds=heartbeat_ago),
        worker=worker,
        run_token="a" * 32,
    )


def test_a_resumable_job_whose_heartbeat_stopped_is_queued_again_from_its_checkpoint(
    settings, django_capture_on_commit_callbacks
):
    settings.JOB_STALE_SECONDS = 60
    job = running("tests.count", heartbeat_ago=120, checkpoint={"next": 3})
    with django_capture_on_commit_callbacks(execute=True):
        assert [found.pk for found in jobs_recover()] == [job.pk]
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.run_token != "a" * 32
    assert job.messages[-1]["text"] == "interrupted: the worker stopped; going on from the last checkpoint."
    assert DBTaskResult.objects.filter(id=job.task_result_id, status="READY").exists()
    job_execute(job_id=job.pk, run_token=job.run_token)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2
    assert [error.row for error in job.row_errors.all()] == [3, 4]  # steps 0–2 were done before


def test_a_job_that_cannot_resume_is_marked_failed_with_the_reason(settings):
    settings.JOB_STALE_SECONDS = 60
    job = running("tests.once", heartbeat_ago=120)
    jobs_recover()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == "interrupted: the worker stopped"
    assert job.finished_at is not None


def test_a_job_interrupted_too_often_is_not_started_again(settings):
    settings.JOB_STALE_SECONDS = 60
    job = running("tests.count", heartbeat_ago=120, attempts=3)
    jobs_recover()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "interrupted: the worker stopped (3 times; not started again)"


def test_a_job_whose_worker_process_on_this_host_is_gone_is_recovered_at_once(settings):
    settings.JOB_STALE_SECONDS = 3600
    job = running("tests.once", heartbeat_ago=1, worker=f"{socket.gethostname()}:{_dead_pid()}")
    jobs_recover()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED


def test_a_job_whose_worker_is_alive_is_left_running(settings):
    settings.JOB_STALE_SECONDS = 60
    here = running("tests.once", heartbeat_ago=1, worker=f"{socket.gethostname()}:{os.getppid()}")
    elsewhere = running("tests.once", heartbeat_ago=1)
    assert jobs_recover() == []
    assert set(Job.objects.filter(status=JobStatus.RUNNING).values_list("pk", flat=True)) == {here.pk, elsewhere.pk}


def test_the_task_of_a_stopped_worker_is_closed_in_the_task_table(settings):
    settings.JOB_STALE_SECONDS = 60
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="mekendesh.jobs.tasks.job_task",
        backend_name="default",
        status="RUNNING",
    )
    job = running("tests.once", heartbeat_ago=120)
    Job.objects.filter(pk=job.pk).update(task_result_id=str(task.id))
    jobs_recover()
    task.refresh_from_db()
    assert task.status == "FAILED"


def test_a_queued_job_whose_task_was_lost_is_queued_again(settings, django_capture_on_commit_callbacks):
    settings.JOB_STALE_SECONDS = 60
    job = Job.objects.create(
        kind="tests.once",
        status=JobStatus.QUEUED,
        run_token="b" * 32,
        heartbeat_at=timezone.now() - dt.timedelta(seconds=120),
    )
    with django_capture_on_commit_callbacks(execute=True):
        jobs_recover()
    job.refresh_from_db()
    assert job.run_token != "b" * 32
    assert DBTaskResult.objects.filter(id=job.task_result_id, status="READY").exists()
