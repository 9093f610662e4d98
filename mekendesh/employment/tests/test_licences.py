"""Agencies and their licences: bad input, status changes with their reasons and history, the
nightly expiry, and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from mekendesh.audit.models import AuditEvent
from mekendesh.employment.models import Agency
from mekendesh.employment.selectors import licence_history
from mekendesh.employment.services import agency_register, licence_status_change, licences_expire


def test_a_licence_that_ends_before_it_starts_is_refused_and_nothing_is_stored(employment_officer, today):
    with pytest.raises(ValidationError) as refused:
        agency_register(
            actor=employment_officer,
            name="Ак Жол",
            holder="Ак Жол",
            licence_number="MT-1",
            valid_from=today,
            valid_until=today - dt.timedelta(days=1),
        )
    assert "cannot end" in refused.value.message_dict["valid_until"][0]
    assert not Agency.objects.exists()


def test_a_licence_number_recorded_already_is_refused_in_any_spelling(agency, employment_officer, today):
    with pytest.raises(ValidationError) as refused:
        agency_register(
            actor=employment_officer,
            name="Another",
            holder="Another",
            licence_number="mt 2024 015",
            valid_from=today,
            valid_until=today,
        )
    assert "recorded already" in refused.value.message_dict["licence_number"][0]
    assert Agency.objects.count() == 1


def test_the_staff_page_refuses_an_end_before_the_start_with_its_message(sign_in, employment_officer):
    from django.urls import reverse

    client = sign_in(employment_officer)
    response = client.post(
        reverse("staff:employment_agency_new"),
        {
            "name": "Ак Жол",
            "holder": "Ак Жол",
            "licence_number": "MT-9",
            "valid_from": "2026-05-01",
            "valid_until": "2026-04-01",
        },
    )
    assert response.status_code == 400
    assert "The licence cannot end (01.04.2026) before it starts (01.05.2026)." in response.content.decode()
    assert not Agency.objects.exists()


def test_a_suspension_needs_a_reason_and_is_kept_in_the_licence_history(agency, employment_officer):
    with pytest.raises(ValidationError):
        licence_status_change(actor=employment_officer, agency=agency, action="suspend", reason="  ")
    agency.refresh_from_db()
    assert agency.status == "valid"

    licence_status_change(actor=employment_officer, agency=agency, action="suspend", reason="Decision No. 12")
    agency.refresh_from_db()
    assert agency.status == "suspended"
    licence_status_change(actor=employment_officer, agency=agency, action="reinstate", reason="Decision No. 15")
    history = licence_history(agency=agency)
    assert [(move.from_state, move.to_state, move.note) for move in history] == [
        ("valid", "suspended", "Decision No. 12"),
        ("suspended", "valid", "Decision No. 15"),
    ]
    assert AuditEvent.objects.filter(object_type="employment.agency", action="update").count() == 2


def test_a_revoked_licence_cannot_be_reinstated(agency, employment_officer):
    licence_status_change(actor=employment_officer, agency=agency, action="revoke", reason="Fees taken from workers")
    agency.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        licence_status_change(actor=employment_officer, agency=agency, action="reinstate", reason="try")
    assert "Only a suspended licence can be reinstated." in refused.value.messages
    agency.refresh_from_db()
    assert agency.status == "revoked"


def test_the_nightly_job_expires_licences_whose_validity_ended_and_records_it(agency, today):
    Agency.objects.filter(pk=agency.pk).update(valid_until=today - dt.timedelta(days=1))
    assert licences_expire(today=today) == 1
    agency.refresh_from_db()
    assert agency.status == "expired"
    (move,) = licence_history(agency=agency)
    assert (move.action, move.to_state, move.actor) == ("expire", "expired", None)
    assert licences_expire(today=today) == 0


def test_the_expiry_runs_as_a_job_of_the_platform(agency, today):
    from mekendesh.jobs.services import job_run_inline

    Agency.objects.filter(pk=agency.pk).update(valid_until=today - dt.timedelta(days=3))
    job_run_inline(kind="employment.licences_expire", params={})
    agency.refresh_from_db()
    assert agency.status == "expired"
