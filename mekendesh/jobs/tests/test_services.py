"""Starting and running jobs: the record, its progress, what it found and made, and its end."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult

from mekendesh.audit.models import AuditEvent
from mekendesh.jobs.context import JobContext, JobLost
from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.services import job_cancel, job_execute, job_run_inline, job_start


def test_starting_a_job_queues_one_task_for_the_worker_once_the_job_is_stored(
    officer_moscow, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(actor=officer_moscow, kind="tests.count", params={"steps": 2})
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.actor == officer_moscow
    task = DBTaskResult.objects.get(id=job.task_result_id)
    assert task.task_path == "mekendesh.jobs.tasks.job_task"
    assert task.args_kwargs["args"] == [job.pk, job.run_token]
    assert (
        AuditEvent.objects.filter(
            action="create", object_type="jobs.job", object_id=str(job.pk), actor=officer_moscow
        ).count()
        == 1
    )


def test_a_user_cannot_start_a_kind_their_role_may_not_run(officer_moscow):
    with pytest.raises(PermissionDenied):
        job_start(actor=officer_moscow, kind="audit.verify")
    assert not Job.objects.exists()


def test_an_unknown_kind_is_refused_by_name(administrator):
    with pytest.raises(ValidationError) as refused:
        job_start(actor=administrator, kind="no.such.kind")
    assert "no.such.kind" in str(refused.value)


def test_a_job_run_by_the_worker_ends_succeeded_with_its_progress_row_errors_messages_and_file(officer_moscow, started):
    job = started(actor=officer_moscow, kind="tests.report", params={"rows": 3})
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total, job.stage, job.attempts) == (3, 3, "reading", 1)
    assert [(e.row, e.column, e.message) for e in job.row_errors.all()] == [
        (1, "surname", "row 1: the surname is empty"),
        (2, "surname", "row 2: the surname is empty"),
        (3, "surname", "row 3: the surname is empty"),
    ]
    assert [line["text"] for line in job.messages] == ["read the rows"]
    result = job.files.get()
    assert result.name == "report.csv" and result.file.read() == b"row,problem\n1,empty\n"
    assert job.started_at and job.finished_at and job.finished_at >= job.started_at


def test_a_job_runs_once_even_when_its_task_is_delivered_twice(officer_moscow, started):
    job = started(actor=officer_moscow, kind="tests.count", params={"steps": 3})
    assert job_execute(job_id=job.pk, run_token=job.run_token) == "skipped"
    job.refresh_from_db()
    assert job.attempts == 1 and job.row_errors.count() == 3


def test_a_task_from_an_earlier_queueing_cannot_claim_the_job(officer_moscow):
    job = job_start(actor=officer_moscow, kind="tests.count")
    assert job_execute(job_id=job.pk, run_token="0" * 32) == "skipped"
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.attempts == 0


def test_a_job_that_refuses_its_input_ends_failed_with_its_message(administrator, started):
    job = started(actor=administrator, kind="tests.refuse")
    assert job.status == JobStatus.FAILED
    assert job.error == "the input has no header row"


def test_a_job_that_crashes_ends_failed_with_the_error_named(administrator, started):
    job = started(actor=administrator, kind="tests.crash")
    assert job.status == JobStatus.FAILED
    assert "disk on fire" in job.error


def test_a_queued_job_cancelled_never_runs(officer_moscow, run_queued):
    job = job_start(actor=officer_moscow, kind="tests.count")
    job_cancel(actor=officer_moscow, job=job)
    job = run_queued(job)
    assert job.status == JobStatus.CANCELLED and job.attempts == 0 and not job.row_errors.exists()


def test_a_running_job_stops_at_its_next_step_when_cancelled(officer_moscow, run_queued):
    job = job_start(actor=officer_moscow, kind="tests.count", params={"steps": 5})
    Job.objects.filter(pk=job.pk).update(cancel_requested=True)  # asked for while it runs
    job = run_queued(job)
    assert job.status == JobStatus.CANCELLED
    assert [error.row for error in job.row_errors.all()] == [0]  # the step under way ends, no more


def test_cancelling_a_running_job_asks_it_to_stop(officer_moscow):
    running = Job.objects.create(kind="tests.count", status=JobStatus.RUNNING, attempts=1, actor=officer_moscow)
    job_cancel(actor=officer_moscow, job=running)
    running.refresh_from_db()
    assert running.cancel_requested and running.status == JobStatus.RUNNING


def test_another_officer_may_not_cancel_someone_elses_job(officer_moscow, officer_other):
    job = job_start(actor=officer_moscow, kind="tests.count")
    with pytest.raises(PermissionDenied):
        job_cancel(actor=officer_other, job=job)


def test_a_runner_whose_job_was_taken_over_stops_at_its_next_progress_write(officer_moscow):
    job = Job.objects.create(kind="tests.count", status=JobStatus.RUNNING, attempts=1, actor=officer_moscow)
    context = JobContext(job)
    context.progress(1, total=5, stage="a")
    Job.objects.filter(pk=job.pk).update(attempts=2)  # a later attempt owns the job now
    with pytest.raises(JobLost):
        context.progress(2, stage="b")
    job.refresh_from_db()
    assert job.done == 1


@pytest.mark.django_db
def test_the_command_line_run_feeds_the_same_progress_to_a_listener():
    seen = []
    job = job_run_inline(kind="tests.once", params={"steps": 3}, listeners=[lambda *args: seen.append(args)])
    assert job.status == JobStatus.SUCCEEDED and (job.done, job.total) == (3, 3)
    assert [done for done, _total, _stage in seen] == [1, 2, 3]
