"""The workflow primitive, on the stay's workflow: refusals, permission, stale writes, the
append-only action row with its audit row, and idempotent repeats."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people.models import StayStatus
from mekendesh.people.workflows import STAY
from mekendesh.workflows.engine import Transition, Workflow
from mekendesh.workflows.errors import StaleObjectError, SubmissionKeyTaken
from mekendesh.workflows.models import Submission, WorkflowAction
from mekendesh.workflows.services import transition, workflow_history


@pytest.fixture
def stay(registered_migrant):
    return registered_migrant.stays.get()


def test_the_stay_workflow_is_a_table_of_its_moves():
    assert {(move.source, move.action): move.target for move in STAY.transitions} == {
        ("declared", "verify"): "verified",
        ("declared", "end"): "ended",
        ("verified", "end"): "ended",
    }


def test_a_verification_moves_the_stay_and_writes_one_action_row_and_one_audit_row(officer_moscow, stay):
    before = AuditEvent.objects.count()
    moved = transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify", note="passport seen")
    assert moved.status == StayStatus.VERIFIED and moved.verified_by == officer_moscow
    assert moved.version == stay.version + 1
    (row,) = workflow_history(obj=stay)
    assert (row.action, row.from_state, row.to_state, row.actor, row.note) == (
        "verify",
        "declared",
        "verified",
        officer_moscow,
        "passport seen",
    )
    assert AuditEvent.objects.count() == before + 1
    assert set(AuditEvent.objects.latest("sequence").fields) == {"status", "verified_by", "verified_at"}


def test_an_illegal_move_is_refused_with_a_clear_message_and_changes_nothing(officer_moscow, stay):
    transition(actor=officer_moscow, obj=stay, workflow=STAY, action="end", departure_date=dt.date(2025, 6, 1))
    with pytest.raises(ValidationError) as refused:
        transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify")
    assert refused.value.messages == ["Only a declared stay can be verified."]
    with pytest.raises(ValidationError) as again:
        transition(actor=officer_moscow, obj=stay, workflow=STAY, action="end", departure_date=dt.date(2025, 7, 1))
    assert again.value.messages == ["This stay has already ended."]
    stay.refresh_from_db()
    assert stay.departure_date == dt.date(2025, 6, 1) and WorkflowAction.objects.count() == 1


def test_a_workflow_without_its_own_refusal_names_the_action_and_the_state():
    from django.utils.translation import gettext_lazy as _

    flow = Workflow(
        name="example",
        model="people.Stay",
        states={"a": _("declared"), "b": _("ended")},
        transitions=[Transition("a", "close", "b", permission="stay.end", label=_("End this stay"))],
    )
    assert flow.refusal("b", "close") == "“End this stay” is not possible while the record is ended."


def test_an_officer_of_another_district_may_not_move_the_stay(officer_other, stay):
    with pytest.raises(PermissionDenied):
        transition(actor=officer_other, obj=stay, workflow=STAY, action="verify")
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED and not WorkflowAction.objects.exists()


def test_a_stale_write_is_refused_with_someone_else_changed_this_record(officer_moscow, stay):
    read_version = stay.version
    transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify", expected_version=read_version)
    with pytest.raises(StaleObjectError) as stale:
        transition(
            actor=officer_moscow,
            obj=stay,
            workflow=STAY,
            action="end",
            expected_version=read_version,
            departure_date=dt.date(2025, 6, 1),
        )
    assert str(stale.value).startswith("Someone else changed this record")
    stay.refresh_from_db()
    assert stay.status == StayStatus.VERIFIED


def test_the_same_idempotency_key_moves_once_and_returns_the_first_result(officer_moscow, stay):
    key = uuid.uuid4()
    first = transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify", idempotency_key=key)
    again = transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify", idempotency_key=key)
    assert again.pk == first.pk and again.status == StayStatus.VERIFIED and again.version == first.version
    assert WorkflowAction.objects.count() == 1 and Submission.objects.get().key == str(key)


def test_another_actors_idempotency_key_is_refused(officer_moscow, places, stay):
    from mekendesh.accounts.models import User

    second = User.objects.create_user(
        email="officer2.moscow@mfa.example", password="x-unused-password-1", role="consular_officer"
    )
    second.consular_districts.set([places["moscow_district"]])
    key = uuid.uuid4()
    transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify", idempotency_key=key)
    with pytest.raises(SubmissionKeyTaken):
        transition(
            actor=second, obj=stay, workflow=STAY, action="end", idempotency_key=key, departure_date=dt.date(2025, 6, 1)
        )


def test_action_rows_are_append_only(officer_moscow, stay):
    transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify")
    row = WorkflowAction.objects.get()
    row.note = "rewritten"
    with pytest.raises(ValueError):
        row.save()


def test_effects_run_only_after_the_commit(officer_moscow, stay, django_capture_on_commit_callbacks, monkeypatch):
    seen = []
    monkeypatch.setattr(STAY, "on_commit", (lambda obj, action: seen.append((obj.pk, action.action)),))
    with django_capture_on_commit_callbacks(execute=True):
        transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify")
        assert seen == []
    assert seen == [(stay.pk, "verify")]


def test_a_stale_verification_on_the_page_says_so(sign_in, officer_moscow, stay):
    client = sign_in(officer_moscow)
    url = reverse("staff:stay_verify", kwargs={"stay_id": stay.pk})
    client.post(url, {"version": stay.version})
    page = client.post(url, {"version": stay.version}, follow=True)
    assert "Someone else changed this record while you were editing it." in page.text


def test_the_api_answers_409_to_a_stale_verification(sign_in, officer_moscow, stay):
    client = sign_in(officer_moscow)
    url = reverse("api:stay_verify", kwargs={"stay_id": stay.pk})
    first = client.post(url, {"version": stay.version}, content_type="application/json")
    assert first.status_code == 200 and first.json()["status"] == "verified"
    stale = client.post(url, {"version": stay.version}, content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["detail"].startswith("Someone else changed this record")


def test_the_api_repeats_a_verification_with_the_same_key_without_a_second_move(sign_in, officer_moscow, stay):
    client = sign_in(officer_moscow)
    url = reverse("api:stay_verify", kwargs={"stay_id": stay.pk})
    body = {"version": stay.version, "idempotency_key": str(uuid.uuid4())}
    answers = [client.post(url, body, content_type="application/json") for _ in range(2)]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert answers[0].json() == answers[1].json()
    assert WorkflowAction.objects.count() == 1


def test_the_api_hides_a_stay_of_another_district(sign_in, officer_other, stay):
    url = reverse("api:stay_verify", kwargs={"stay_id": stay.pk})
    assert (
        sign_in(officer_other).post(url, {"version": stay.version}, content_type="application/json").status_code == 404
    )


def test_other_apps_hear_of_a_move_once_it_is_committed_and_not_of_a_replay(
    officer_moscow, stay, django_capture_on_commit_callbacks
):
    from mekendesh.workflows.signals import transitioned

    heard = []

    def listener(sender, obj, action, **kwargs):
        heard.append((sender, obj.pk, action.action, action.to_state))

    transitioned.connect(listener, sender="stay")
    try:
        key = uuid.uuid4()
        with django_capture_on_commit_callbacks(execute=True):
            transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify", idempotency_key=key)
            assert heard == []  # not before the commit
        assert heard == [("stay", stay.pk, "verify", "verified")]
        with django_capture_on_commit_callbacks(execute=True):
            transition(actor=officer_moscow, obj=stay, workflow=STAY, action="verify", idempotency_key=key)
        assert len(heard) == 1
    finally:
        transitioned.disconnect(listener, sender="stay")
