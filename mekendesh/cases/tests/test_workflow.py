"""A case moves only along its type's table: by the officer it is assigned to (or the head of its
consulate, or the ministry), never twice for one click, never over someone else's save."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mekendesh.audit.models import AuditEvent
from mekendesh.cases.models import CLOSED, DECLINED, OPEN, REQUESTED, Case, CaseType
from mekendesh.cases.services import case_assign, case_move
from mekendesh.cases.workflows import KINDS, kind_of
from mekendesh.workflows.engine import workflow_get
from mekendesh.workflows.errors import StaleObjectError
from mekendesh.workflows.models import WorkflowAction


def _reachable(kind, start):
    table = workflow_get(kind.name).table
    seen, todo = {start}, [start]
    while todo:
        state = todo.pop()
        for (source, _action), move in table.items():
            if source == state and move.target not in seen:
                seen.add(move.target)
                todo.append(move.target)
    return seen


@pytest.mark.parametrize("case_type", CaseType.values)
def test_every_step_of_every_type_is_reachable_and_can_end_closed(case_type):
    kind = KINDS[case_type]
    states = {step.state for step in kind.steps}
    assert _reachable(kind, REQUESTED) == states
    for state in states - {CLOSED, DECLINED}:
        assert CLOSED in _reachable(kind, state), f"{case_type}: no way from {state} to closed"


@pytest.mark.parametrize("case_type", CaseType.values)
def test_every_step_names_who_acts_and_what_the_person_reads(case_type):
    for step in KINDS[case_type].steps:
        assert step.party in {"consulate", "ministry", "person", "host_authority"}
        assert str(step.person_text).strip() and str(step.label).strip()
        if step.deadline is not None:
            assert step.deadline.days > 0 and str(step.deadline.basis)


def test_the_removal_from_a_host_register_goes_through_documents_request_and_answer(open_case, officer_moscow):
    case = open_case
    for action, state in [
        ("request_documents", "documents_requested"),
        ("documents_complete", "documents_gathered"),
        ("send_request", "request_sent"),
        ("record_answer", "answer_received"),
        ("record_refused", "refused"),
        ("appeal", "appealed"),
        ("record_removed", "removed"),
    ]:
        case = case_move(actor=officer_moscow, case=case, action=action, expected_version=case.version)
        assert case.status == state
    assert kind_of(case).step("request_sent").party == "host_authority"
    case = case_move(actor=officer_moscow, case=case, action="close", note="Off the register since 2 March.")
    assert case.status == CLOSED and case.closed_at is not None and case.due_date is None
    assert case.outcome == "Off the register since 2 March."


def test_an_illegal_move_is_refused_with_a_clear_message_and_changes_nothing(open_case, officer_moscow):
    with pytest.raises(ValidationError) as refused:
        case_move(actor=officer_moscow, case=open_case, action="record_removed")
    assert "not possible" in refused.value.messages[0]
    open_case.refresh_from_db()
    assert open_case.status == OPEN and not WorkflowAction.objects.filter(object_id=str(open_case.pk)).exists()


def test_an_officer_of_another_district_cannot_move_the_case(open_case, officer_other):
    with pytest.raises(PermissionDenied):
        case_move(actor=officer_other, case=open_case, action="request_documents")
    assert Case.objects.get(pk=open_case.pk).status == OPEN


def test_a_colleague_of_the_same_district_not_assigned_cannot_move_it_but_the_head_and_the_ministry_can(
    open_case, officer_moscow_2, head_moscow, ministry_officer
):
    with pytest.raises(PermissionDenied):
        case_move(actor=officer_moscow_2, case=open_case, action="request_documents")
    case = case_move(actor=head_moscow, case=open_case, action="request_documents")
    case = case_move(actor=ministry_officer, case=case, action="documents_complete")
    assert case.status == "documents_gathered"


def test_a_stale_save_is_refused_and_the_first_save_is_kept(open_case, officer_moscow, head_moscow):
    seen = open_case.version
    first = case_move(actor=head_moscow, case=open_case, action="request_documents", expected_version=seen)
    with pytest.raises(StaleObjectError) as stale:
        case_move(actor=officer_moscow, case=open_case, action="documents_complete", expected_version=seen)
    assert "Someone else changed this record" in str(stale.value)
    open_case.refresh_from_db()
    assert open_case.status == "documents_requested" and open_case.version == first.version


def test_the_same_move_sent_twice_moves_once(open_case, officer_moscow):
    key = uuid.uuid4()
    once = case_move(actor=officer_moscow, case=open_case, action="request_documents", idempotency_key=key)
    twice = case_move(actor=officer_moscow, case=open_case, action="request_documents", idempotency_key=key)
    assert once.status == twice.status == "documents_requested" and once.version == twice.version
    assert WorkflowAction.objects.filter(object_id=str(open_case.pk)).count() == 1


def test_every_move_writes_its_audit_row_about_the_person(open_case, officer_moscow, registered_migrant):
    before = AuditEvent.objects.count()
    case_move(actor=officer_moscow, case=open_case, action="request_documents")
    row = AuditEvent.objects.latest("sequence")
    assert AuditEvent.objects.count() == before + 1
    assert row.object_type == "cases.case" and row.person_id == str(registered_migrant.public_id)
    assert "status" in row.fields and "due_date" in row.fields


def test_declining_a_request_needs_a_reason_the_person_reads(requested_case, officer_moscow):
    with pytest.raises(ValidationError) as refused:
        case_move(actor=officer_moscow, case=requested_case, action="decline", note="  ")
    assert refused.value.message_dict == {"note": ["Say why: the person reads it."]}
    declined = case_move(
        actor=officer_moscow, case=requested_case, action="decline", note="The embassy in Bishkek handles this."
    )
    assert declined.status == DECLINED and declined.outcome == "The embassy in Bishkek handles this."


def test_accepting_a_request_gives_it_to_the_officer_who_accepts(requested_case, officer_moscow):
    assert requested_case.assignee is None and requested_case.status == REQUESTED
    accepted = case_move(actor=officer_moscow, case=requested_case, action="accept")
    assert accepted.status == OPEN and accepted.assignee == officer_moscow


def test_a_closed_case_can_be_reopened_with_a_new_deadline(open_case, officer_moscow):
    closed = case_move(actor=officer_moscow, case=open_case, action="close", note="Resolved by phone.")
    reopened = case_move(actor=officer_moscow, case=closed, action="reopen")
    assert reopened.status == OPEN and reopened.closed_at is None and reopened.due_date is not None


def test_an_officer_takes_an_unassigned_case_but_cannot_give_it_to_someone_else(
    requested_case, officer_moscow, officer_moscow_2
):
    with pytest.raises(PermissionDenied):
        case_assign(actor=officer_moscow, case=requested_case, assignee=officer_moscow_2)
    taken = case_assign(actor=officer_moscow, case=requested_case, assignee=officer_moscow)
    assert taken.assignee == officer_moscow
    handed = case_assign(actor=officer_moscow, case=taken, assignee=officer_moscow_2, reason="on leave")
    assert handed.assignee == officer_moscow_2


def test_a_case_is_assigned_only_to_an_officer_of_its_district_or_the_ministry(
    open_case, head_moscow, officer_other, ministry_officer
):
    with pytest.raises(PermissionDenied):
        case_assign(actor=head_moscow, case=open_case, assignee=officer_other)
    assert case_assign(actor=head_moscow, case=open_case, assignee=ministry_officer).assignee == ministry_officer


def test_two_officers_assigning_at_once_the_second_is_told_and_the_first_kept(
    open_case, head_moscow, officer_moscow_2, ministry_officer
):
    seen = open_case.version
    case_assign(actor=head_moscow, case=open_case, assignee=officer_moscow_2, expected_version=seen)
    with pytest.raises(StaleObjectError):
        case_assign(actor=ministry_officer, case=open_case, assignee=ministry_officer, expected_version=seen)
    open_case.refresh_from_db()
    assert open_case.assignee == officer_moscow_2
