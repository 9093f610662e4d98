"""The staff pages of jobs: who sees which job, the progress bar that polls while a job runs, row
errors page by page, result files for the user who started the job only, and the administrator's
button that starts the audit-trail check."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.jobs.models import Job, JobRowError, JobStatus
from mekendesh.jobs.services import job_start


def detail(job: Job) -> str:
    return reverse("jobs:detail", kwargs={"job_id": job.pk})


def every_url_of(job: Job) -> list[str]:
    urls = [detail(job), reverse("jobs:progress", kwargs={"job_id": job.pk})]
    urls += [reverse("jobs:file", kwargs={"job_id": job.pk, "file_id": f.pk}) for f in job.files.all()]
    return urls


@pytest.fixture
def officers_job(officer_moscow, started) -> Job:
    return started(actor=officer_moscow, kind="tests.report", params={"rows": 2})


def test_an_anonymous_visitor_is_sent_to_sign_in_from_every_job_page(officers_job):
    client = Client()
    for url in [reverse("jobs:list"), *every_url_of(officers_job)]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize("who", ["officer_other", "analyst", "statistician", "coordinator", "migrant_account"])
def test_nobody_but_its_starter_and_administrators_sees_someones_job(request, sign_in, officers_job, who):
    client = sign_in(request.getfixturevalue(who))
    for url in every_url_of(officers_job):
        assert client.get(url).status_code == 404, f"{who}: {url}"
    assert client.post(reverse("jobs:cancel", kwargs={"job_id": officers_job.pk})).status_code == 404
    listing = client.get(reverse("jobs:list"))
    assert listing.status_code == (404 if who == "migrant_account" else 200)
    assert f"#{officers_job.pk}" not in listing.content.decode()


def test_the_officer_sees_their_job_with_its_row_errors_messages_and_file(sign_in, officer_moscow, officers_job):
    client = sign_in(officer_moscow)
    assert f"Report #{officers_job.pk}" in client.get(reverse("jobs:list")).content.decode()
    page = client.get(detail(officers_job)).content.decode()
    assert "succeeded" in page
    assert "row 2: the surname is empty" in page and "read the rows" in page
    assert "report.csv" in page


def test_downloading_a_result_file_is_recorded_in_the_audit_trail(sign_in, officer_moscow, officers_job):
    result = officers_job.files.get()
    response = sign_in(officer_moscow).get(
        reverse("jobs:file", kwargs={"job_id": officers_job.pk, "file_id": result.pk})
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"row,problem\n1,empty\n"
    assert response["Content-Disposition"] == 'attachment; filename="report.csv"'
    assert (
        AuditEvent.objects.filter(
            action="export", object_type="jobs.jobfile", object_id=str(result.pk), actor=officer_moscow
        ).count()
        == 1
    )


def test_an_administrator_sees_an_officers_job_but_not_its_file(sign_in, administrator, officers_job):
    client = sign_in(administrator)
    page = client.get(detail(officers_job)).content.decode()
    assert "Only the user who started the job may download its files." in page
    result = officers_job.files.get()
    assert client.get(reverse("jobs:file", kwargs={"job_id": officers_job.pk, "file_id": result.pk})).status_code == 404
    assert not AuditEvent.objects.filter(action="export").exists()


def test_a_running_job_polls_its_progress_and_a_finished_one_stops(sign_in, officer_moscow):
    job = Job.objects.create(
        kind="tests.count",
        actor=officer_moscow,
        status=JobStatus.RUNNING,
        attempts=1,
        done=3,
        total=12,
        stage="counting",
    )
    client = sign_in(officer_moscow)
    fragment_url = reverse("jobs:progress", kwargs={"job_id": job.pk})
    page = client.get(detail(job)).content.decode()
    assert f'hx-get="{fragment_url}"' in page and 'hx-trigger="every 1s"' in page
    assert '<progress max="12" value="3"' in page
    fragment = client.get(fragment_url, headers={"HX-Request": "true"})
    assert "HX-Refresh" not in fragment and "3 of 12 (25 %)" in fragment.content.decode()

    Job.objects.filter(pk=job.pk).update(status=JobStatus.SUCCEEDED, done=12)
    fragment = client.get(fragment_url, headers={"HX-Request": "true"})
    assert fragment["HX-Refresh"] == "true"  # the page loads once more, with the results
    assert "hx-get" not in client.get(detail(job)).content.decode()


def test_row_errors_are_shown_page_by_page(sign_in, officer_moscow):
    job = Job.objects.create(kind="tests.report", actor=officer_moscow, status=JobStatus.SUCCEEDED)
    JobRowError.objects.bulk_create(
        JobRowError(job=job, row=row, message=f"problem in row {row}") for row in range(1, 121)
    )
    client = sign_in(officer_moscow)
    first = client.get(detail(job)).content.decode()
    assert "120 row errors" in first and "problem in row 50<" in first and "problem in row 51<" not in first
    third = client.get(detail(job), {"page": 3}).content.decode()
    assert "problem in row 101<" in third and "Page 3 of 3" in third


def test_an_administrator_starts_the_audit_trail_check_from_the_jobs_page(
    sign_in, administrator, django_capture_on_commit_callbacks
):
    client = sign_in(administrator)
    listing = client.get(reverse("jobs:list")).content.decode()
    assert 'value="audit.verify"' in listing and "Audit trail check" in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:start"), {"kind": "audit.verify"})
    job = Job.objects.get(kind="audit.verify")
    assert response.status_code == 302 and response["Location"] == detail(job)
    assert job.actor == administrator and job.status == JobStatus.QUEUED and job.task_result_id


def test_an_officer_cannot_start_the_audit_trail_check(sign_in, officer_moscow):
    client = sign_in(officer_moscow)
    assert 'value="audit.verify"' not in client.get(reverse("jobs:list")).content.decode()
    assert client.post(reverse("jobs:start"), {"kind": "audit.verify"}).status_code == 404
    assert not Job.objects.exists()


def test_the_officer_stops_their_queued_job(sign_in, officer_moscow):
    job = job_start(actor=officer_moscow, kind="tests.count")
    response = sign_in(officer_moscow).post(reverse("jobs:cancel", kwargs={"job_id": job.pk}))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
