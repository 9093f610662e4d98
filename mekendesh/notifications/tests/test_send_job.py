"""The sending job: started when the transaction that queued a message commits (never for one
rolled back), one queued at a time, every few minutes by the scheduler, by administrators on
demand."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.registry import schedules_all
from mekendesh.jobs.services import job_start
from mekendesh.notifications.models import Notification
from mekendesh.notifications.services import SEND_JOB_KIND, Recipient, notification_queue, send_job_ensure


class RolledBack(Exception):
    pass


def _queue(event_key: str) -> list[Notification]:
    return notification_queue(
        recipient=Recipient(language="en", email="consul@mfa.example"),
        event_key=event_key,
        template="test_message",
        context={"number": 7},
    )


def _send_jobs() -> list[tuple[str, str]]:
    return list(Job.objects.filter(kind=SEND_JOB_KIND).values_list("kind", "status"))


def test_the_send_job_is_started_when_the_transaction_that_queued_a_message_commits(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        _queue("case:1")
        assert _send_jobs() == []
    assert _send_jobs() == [(SEND_JOB_KIND, JobStatus.QUEUED)]


def test_no_send_job_is_started_and_nothing_stored_for_a_rolled_back_transaction(
    db, django_capture_on_commit_callbacks
):
    def queue_then_fail() -> None:
        with transaction.atomic():
            _queue("case:1")
            raise RolledBack

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RolledBack):
        queue_then_fail()
    assert callbacks == []
    assert _send_jobs() == [] and not Notification.objects.exists()


def test_queueing_an_event_already_queued_starts_no_job(db, django_capture_on_commit_callbacks):
    with transaction.atomic():
        _queue("case:1")
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        _queue("case:1")
    assert callbacks == []


def test_a_second_send_job_is_not_started_while_one_is_queued(db, django_capture_on_commit_callbacks):
    for event in ("case:1", "case:2"):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            _queue(event)
    assert _send_jobs() == [(SEND_JOB_KIND, JobStatus.QUEUED)]
    # Once it runs, a message queued after it may have come too late for it: a new one starts.
    Job.objects.filter(kind=SEND_JOB_KIND).update(status=JobStatus.RUNNING)
    assert send_job_ensure() is not None
    assert sorted(_send_jobs()) == [(SEND_JOB_KIND, JobStatus.QUEUED), (SEND_JOB_KIND, JobStatus.RUNNING)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_real_commit_the_send_job_is_queued_for_the_worker():
    with transaction.atomic():
        _queue("case:1")
    (job,) = Job.objects.filter(kind=SEND_JOB_KIND)
    assert job.status == JobStatus.QUEUED and job.task_result_id


def test_the_scheduler_starts_the_send_job_every_five_minutes():
    (schedule,) = [schedule for schedule in schedules_all() if schedule.kind == SEND_JOB_KIND]
    assert schedule.every == dt.timedelta(minutes=5)


def test_an_administrator_may_start_the_send_job_and_an_officer_may_not(administrator, officer_moscow):
    assert job_start(actor=administrator, kind=SEND_JOB_KIND).status == JobStatus.QUEUED
    with pytest.raises(PermissionDenied):
        job_start(actor=officer_moscow, kind=SEND_JOB_KIND)
