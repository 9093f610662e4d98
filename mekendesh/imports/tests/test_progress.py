"""The promotion's progress on PostgreSQL, outside its transaction: the page sees rows being
stored while the one transaction is open, and the promotion never waits for its own job row."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from mekendesh.imports.tests.support import csv_bytes, people_rows, write
from mekendesh.jobs.models import Job
from mekendesh.people.models import Person

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.kyrgyz_data]


def test_the_promotion_reports_its_progress_beside_its_transaction(tmp_path, officer_moscow, settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time: the count reaches the page at the end")
    from mekendesh.imports import jobs as import_jobs

    settings.IMPORT_INLINE_HEARTBEAT = False
    settings.JOB_PROGRESS_INTERVAL = 0  # every progress call would write the job's row
    monkeypatch.setattr(import_jobs, "PROGRESS_EVERY", 2)
    seen: list[int] = []
    real = import_jobs._ProgressBeside.__call__

    def watched(self, done, total):
        real(self, done, total)
        # What another connection (the job's page) reads now, while the promotion is open.
        reader = import_jobs._ProgressBeside(self.job)
        try:
            row = reader.connection.execute("SELECT done FROM jobs_job WHERE id = %s", [self.job.job.pk]).fetchone()
            seen.append(row[0])
        finally:
            reader.close()

    monkeypatch.setattr(import_jobs._ProgressBeside, "__call__", watched)
    path = write(tmp_path, "p.csv", csv_bytes(people_rows(6)))
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import",
        str(path),
        "--source",
        "s",
        "--as",
        officer_moscow.email,
        "--no-progress",
        stdout=out,
        stderr=err,
    )
    assert Person.objects.count() == 6, (out.getvalue(), err.getvalue())
    assert seen == [2, 4, 6]
    assert Person.objects.count() == 6
    assert Job.objects.filter(kind="imports.promote").get().done == 6
