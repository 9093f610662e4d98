"""The audit-trail check as a background job: progress in rows, a checkpoint after each batch, a
resumed check that goes on after its checkpoint, and the same progress on the terminal."""

from __future__ import annotations

import io
from dataclasses import asdict

import pytest
from django.core.management import call_command
from django.db import transaction

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.audit.verification import ChainPosition, chain_verify
from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.services import job_execute


@pytest.fixture
def chain(db, officer_moscow):
    with transaction.atomic():
        return [
            audit_record(actor=officer_moscow, action="read", object_type="people.person", object_id=f"p-{n}")
            for n in range(7)
        ]


def test_the_check_reports_rows_checked_of_all_and_keeps_its_place_after_each_batch(chain):
    job = Job.objects.create(kind="audit.verify", params={"batch_size": 3}, run_token="t" * 32)
    job_execute(job_id=job.pk, run_token=job.run_token)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (7, 7)
    assert job.checkpoint == {"sequence": chain[-1].sequence, "hash": chain[-1].hash, "checked": 7}
    assert job.messages[-1]["text"] == "audit trail intact: 7 records"


def test_a_resumed_check_goes_on_after_its_checkpoint_and_counts_every_record(chain):
    positions: list[ChainPosition] = []
    chain_verify(batch_size=4, on_batch=positions.append)
    job = Job.objects.create(
        kind="audit.verify", params={"batch_size": 4}, run_token="t" * 32, checkpoint=asdict(positions[0])
    )
    job_execute(job_id=job.pk, run_token=job.run_token)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    texts = [line["text"] for line in job.messages]
    assert texts == [f"Going on after record #{chain[3].sequence}.", "audit trail intact: 7 records"]


def test_a_broken_chain_fails_the_job_with_the_record_named(chain):
    from django.db import connection

    from mekendesh.audit.tests.test_verify import lift_append_only_guard

    lift_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET fields = %s WHERE sequence = %s", ['["role"]', chain[2].sequence])
    job = Job.objects.create(kind="audit.verify", run_token="t" * 32)
    job_execute(job_id=job.pk, run_token=job.run_token)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == f"record #{chain[2].sequence} was changed"


def test_the_command_shows_the_jobs_progress_bar_on_a_terminal(chain, monkeypatch):
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    out = io.StringIO()
    monkeypatch.setattr("mekendesh.jobs.terminal.sys.stderr", terminal)
    call_command("audit", "verify", "--batch-size", "2", stdout=out, stderr=terminal)
    assert out.getvalue().strip() == f"audit trail intact: {AuditEvent.objects.count()} records"
    assert "7/7" in terminal.getvalue() and "records/s" in terminal.getvalue()
    assert Job.objects.get(kind="audit.verify").status == JobStatus.SUCCEEDED
