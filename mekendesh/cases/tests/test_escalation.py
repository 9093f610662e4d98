"""The deadline round: an overdue case goes to the head of its consulate, then to the ministry;
a person who owes a step is reminded once; a paused case waits."""

from __future__ import annotations

import datetime as dt

import pytest

from mekendesh.cases.models import Case, CaseEvent, Escalation
from mekendesh.cases.selectors import CaseFilters, case_list
from mekendesh.cases.services import case_assign, case_move, cases_check_deadlines
from mekendesh.workflows.errors import StaleObjectError


def _overdue(case, *, due=dt.date(2026, 11, 2)):
    Case.objects.filter(pk=case.pk).update(due_date=due)
    case.refresh_from_db()
    return case


TODAY = dt.date(2026, 11, 10)


def test_an_overdue_case_goes_to_the_head_of_its_consulate_then_to_the_ministry(open_case, head_moscow):
    _overdue(open_case)
    report = cases_check_deadlines(today=TODAY)
    open_case.refresh_from_db()
    assert (report.checked, report.to_head, report.to_ministry) == (1, 1, 0)
    assert open_case.escalation == Escalation.HEAD_OF_CONSULATE
    # Another round the same day changes nothing; three working days later it reaches the ministry.
    assert cases_check_deadlines(today=TODAY).to_ministry == 0
    Case.objects.filter(pk=open_case.pk).update(escalated_at=dt.datetime(2026, 11, 10, 9, tzinfo=dt.UTC))
    assert cases_check_deadlines(today=dt.date(2026, 11, 12)).to_ministry == 0
    assert cases_check_deadlines(today=dt.date(2026, 11, 13)).to_ministry == 1
    open_case.refresh_from_db()
    assert open_case.escalation == Escalation.MINISTRY
    levels = [event.details["level"] for event in CaseEvent.objects.filter(case=open_case, kind="escalated")]
    assert levels == [1, 2]


def test_a_consulate_without_a_head_passes_an_overdue_case_straight_to_the_ministry(open_case):
    _overdue(open_case)
    assert cases_check_deadlines(today=TODAY).to_ministry == 1
    open_case.refresh_from_db()
    assert open_case.escalation == Escalation.MINISTRY


def test_a_paused_or_closed_case_is_not_escalated(open_case, officer_moscow, head_moscow):
    _overdue(open_case)
    Case.objects.filter(pk=open_case.pk).update(paused_since=dt.date(2026, 10, 30))
    assert cases_check_deadlines(today=TODAY).checked == 0
    Case.objects.filter(pk=open_case.pk).update(paused_since=None)
    case_move(actor=officer_moscow, case=open_case, action="close", note="Resolved.")
    assert cases_check_deadlines(today=TODAY).checked == 0


def test_a_person_who_owes_a_step_is_reminded_once_and_the_case_not_escalated(open_case, officer_moscow):
    asked = case_move(actor=officer_moscow, case=open_case, action="request_documents")
    _overdue(asked)
    assert cases_check_deadlines(today=TODAY).reminded == 1
    assert cases_check_deadlines(today=TODAY).reminded == 0
    asked.refresh_from_db()
    assert asked.escalation == Escalation.NONE
    assert CaseEvent.objects.filter(case=asked, kind=CaseEvent.Kind.REMINDED).count() == 1


def test_an_escalation_does_not_make_an_officers_open_form_stale(open_case, officer_moscow, head_moscow):
    seen = open_case.version
    _overdue(open_case)
    cases_check_deadlines(today=TODAY)
    moved = case_move(actor=officer_moscow, case=open_case, action="request_documents", expected_version=seen)
    assert moved.escalation == Escalation.NONE  # a new step, a new clock


def test_the_escalated_and_overdue_filters_find_the_case(open_case, head_moscow, ministry_officer):
    _overdue(open_case, due=dt.date(2020, 1, 6))
    cases_check_deadlines()
    assert list(case_list(head_moscow, CaseFilters(escalated=True))) == [open_case]
    assert list(case_list(ministry_officer, CaseFilters(urgency="red"))) == [open_case]
    assert list(case_list(ministry_officer, CaseFilters(urgency="green"))) == []


def test_the_head_of_the_consulate_reassigns_an_escalated_case(open_case, head_moscow, officer_moscow_2):
    _overdue(open_case)
    cases_check_deadlines(today=TODAY)
    open_case.refresh_from_db()
    given = case_assign(actor=head_moscow, case=open_case, assignee=officer_moscow_2, reason="late")
    assert given.assignee == officer_moscow_2
    with pytest.raises(StaleObjectError):
        case_assign(actor=head_moscow, case=open_case, assignee=head_moscow, expected_version=open_case.version - 1)
