"""``mekendesh jobs …``, ``mekendesh scheduler --once`` and ``mekendesh worker``."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from mekendesh.jobs.models import Job, JobStatus


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_jobs_run_runs_a_kind_here_with_its_parameters_and_says_how_it_ended():
    out = run("jobs", "run", "tests.report", "--param", "rows=4", "--no-progress")
    job = Job.objects.get()
    assert (job.status, job.done, job.params) == (JobStatus.SUCCEEDED, 4, {"rows": "4"})
    assert "read the rows" in out and f"Job #{job.pk}: succeeded." in out
    assert f"#{job.pk}" in run("jobs", "list")


@pytest.mark.django_db
def test_jobs_run_exits_with_the_jobs_error_when_it_fails():
    with pytest.raises(CommandError, match="the input has no header row"):
        run("jobs", "run", "tests.refuse", "--no-progress")


@pytest.mark.django_db
def test_jobs_run_names_an_unknown_kind():
    with pytest.raises(CommandError, match=r"There is no job kind no\.such"):
        run("jobs", "run", "no.such", "--no-progress")


@pytest.mark.django_db
def test_jobs_kinds_lists_the_audit_check_and_its_nightly_schedule():
    out = run("jobs", "kinds")
    assert "audit.verify" in out and "Schedule audit.verify.nightly: audit.verify every 1 day" in out


@pytest.mark.django_db
def test_one_scheduler_tick_starts_the_due_audit_check(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out = run("scheduler", "--once")
    job = Job.objects.get(kind="audit.verify")
    assert job.schedule == "audit.verify.nightly" and job.status == JobStatus.QUEUED
    assert f"Started job #{job.pk} (audit.verify)." in out
    assert "Started job" not in run("scheduler", "--once")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_fails_an_interrupted_job_then_runs_the_queue(settings):
    settings.JOB_STALE_SECONDS = 60
    stuck = Job.objects.create(
        kind="tests.once",
        status=JobStatus.RUNNING,
        attempts=1,
        worker="elsewhere:1",
        heartbeat_at=timezone.now() - dt.timedelta(minutes=5),
    )
    from mekendesh.jobs.services import job_start

    queued = job_start(actor=None, kind="tests.once", params={"steps": 2})
    out = run("worker", "--batch", "--no-startup-delay", "--verbosity", "0")
    assert f"Job #{stuck.pk} (tests.once) was interrupted: now failed." in out
    stuck.refresh_from_db()
    queued.refresh_from_db()
    assert stuck.error == "interrupted: the worker stopped"
    assert queued.status == JobStatus.SUCCEEDED and queued.done == 2
