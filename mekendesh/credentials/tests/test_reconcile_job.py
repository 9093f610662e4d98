"""The nightly job brings credentials in line with the register: verified stays without one get
one, credentials of stays that ended are revoked; it runs as a job and from the scheduler."""

from __future__ import annotations

import datetime as dt

from mekendesh.credentials.models import Credential, RevocationReason
from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.registry import kind_get
from mekendesh.jobs.services import job_run_inline
from mekendesh.people.models import StayStatus


def test_a_stay_verified_without_its_credential_gets_one_at_night(verified_stay, credential):
    credential.delete()  # as for stays verified before credentials existed
    job = job_run_inline(kind="credentials.reconcile")
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert Credential.objects.filter(stay=verified_stay, revoked_at=None).count() == 1
    assert "1 credentials issued or renewed, 0 revoked" in job.messages[-1]["text"]


def test_a_credential_of_a_stay_ended_without_notice_is_revoked_at_night(verified_stay, credential):
    type(verified_stay).objects.filter(pk=verified_stay.pk).update(status=StayStatus.ENDED)
    job_run_inline(kind="credentials.reconcile")
    credential.refresh_from_db()
    assert credential.revocation_reason == RevocationReason.STAY_ENDED


def test_a_second_run_changes_nothing(verified_stay, credential):
    job_run_inline(kind="credentials.reconcile")
    assert Credential.objects.filter(stay=verified_stay).count() == 1
    credential.refresh_from_db()
    assert credential.revoked_at is None


def test_the_reconciliation_runs_nightly_and_administrators_may_start_it(administrator, officer_moscow):
    from mekendesh.jobs.registry import schedules_all

    nightly = next(schedule for schedule in schedules_all() if schedule.kind == "credentials.reconcile")
    assert (nightly.every, nightly.at) == (dt.timedelta(days=1), dt.time(2, 30))
    kind = kind_get("credentials.reconcile")
    assert kind.resumable and kind.may_start(administrator) and not kind.may_start(officer_moscow)
