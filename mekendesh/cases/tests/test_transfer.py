"""A case changes consulate with a reason: it arrives unassigned, and the consulate that passed it
on no longer sees it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mekendesh.cases.models import CaseEvent
from mekendesh.cases.selectors import case_timeline, cases_visible_to
from mekendesh.cases.services import case_transfer


def test_a_transfer_needs_a_reason_and_another_consulate(open_case, officer_moscow, places):
    with pytest.raises(ValidationError) as refused:
        case_transfer(actor=officer_moscow, case=open_case, district=places["other_district"], reason="")
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError):
        case_transfer(actor=officer_moscow, case=open_case, district=places["moscow_district"], reason="why not")


def test_a_transferred_case_arrives_unassigned_and_leaves_the_first_consulates_sight(
    open_case, officer_moscow, officer_other, places
):
    moved = case_transfer(
        actor=officer_moscow, case=open_case, district=places["other_district"], reason="She moved to Yekaterinburg."
    )
    assert moved.consular_district == places["other_district"] and moved.assignee is None
    assert list(cases_visible_to(officer_moscow)) == []
    assert list(cases_visible_to(officer_other)) == [open_case]
    (event,) = CaseEvent.objects.filter(case=open_case, kind=CaseEvent.Kind.TRANSFERRED)
    assert event.reason == "She moved to Yekaterinburg." and event.details["from"] == "RU-MOSCOW"
    told = [entry for entry in case_timeline(case=moved, for_person=True) if entry.kind == "event"]
    assert any("Consulate General in Yekaterinburg" in entry.title for entry in told)


def test_only_the_assignee_the_head_or_the_ministry_transfer_a_case(open_case, officer_moscow_2, ministry_officer):
    with pytest.raises(PermissionDenied):
        case_transfer(actor=officer_moscow_2, case=open_case, district=None, reason="to HQ")
    moved = case_transfer(actor=ministry_officer, case=open_case, district=None, reason="Handled by headquarters.")
    assert moved.consular_district is None and list(cases_visible_to(ministry_officer)) == [open_case]
