"""Deadlines count the working days of whoever acts — the consulate rests on Kyrgyz and host
holidays, a host authority on its own — and a case's colour says how near they are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from mekendesh.cases.deadlines import Urgency, case_clock, resumed_due_date, step_due_date
from mekendesh.cases.models import Case
from mekendesh.cases.services import case_move, case_pause, case_resume
from mekendesh.cases.workflows import KINDS
from mekendesh.reference.models import Country

pytestmark = pytest.mark.kyrgyz_data

REMOVAL = KINDS["register_removal"]


@pytest.fixture
def in_russia(places):
    return Case(case_type="register_removal", host_country=Country.objects.get(code="RU"), subject_name="x")


def test_the_moscow_consulate_counts_neither_russian_nor_kyrgyz_days_off(in_russia):
    # 31 December 2026 is a day off in Russia (moved from 4 January), 1–10 January 2027 in both.
    opened = REMOVAL.step("open")
    assert step_due_date(in_russia, opened, start=dt.date(2026, 12, 29)) == dt.date(2027, 1, 11)


def test_the_ministry_counts_only_kyrgyz_days_off(in_russia):
    ministry_step = type(REMOVAL.step("open"))(
        "open", REMOVAL.step("open").label, "ministry", REMOVAL.step("open").person_text, REMOVAL.step("open").deadline
    )
    assert step_due_date(in_russia, ministry_step, start=dt.date(2026, 12, 29)) == dt.date(2026, 12, 31)


def test_a_host_authority_deadline_in_calendar_days_moves_off_its_weekend(in_russia):
    # 30 days from 10 December 2026 is Saturday 9 January 2027, inside Russia's New Year holidays.
    sent = REMOVAL.step("request_sent")
    assert sent.deadline is not None and not sent.deadline.working and sent.deadline.days == 30
    assert step_due_date(in_russia, sent, start=dt.date(2026, 12, 10)) == dt.date(2027, 1, 11)


def test_a_case_is_green_in_time_amber_near_its_deadline_red_past_it(open_case):
    open_case.due_date = dt.date(2027, 3, 19)  # a Friday
    assert case_clock(open_case, today=dt.date(2027, 3, 1)).urgency == Urgency.GREEN
    assert case_clock(open_case, today=dt.date(2027, 3, 17)).urgency == Urgency.AMBER
    assert case_clock(open_case, today=dt.date(2027, 3, 19)).urgency == Urgency.AMBER
    late = case_clock(open_case, today=dt.date(2027, 3, 23))
    assert late.urgency == Urgency.RED and late.days_late == 2


def test_a_paused_case_is_neither_red_nor_amber_and_a_finished_one_has_no_deadline(open_case, officer_moscow):
    open_case.due_date = dt.date(2027, 3, 19)
    open_case.paused_since = dt.date(2027, 3, 10)
    assert case_clock(open_case, today=dt.date(2027, 4, 1)).urgency == Urgency.PAUSED
    closed = case_move(actor=officer_moscow, case=open_case, action="close", note="done")
    assert case_clock(closed).urgency == Urgency.NONE


def test_resuming_moves_the_deadline_on_by_the_working_days_the_case_waited(open_case):
    open_case.due_date = dt.date(2027, 3, 19)
    open_case.paused_since = dt.date(2027, 3, 12)  # Friday; resumed the Friday after: 5 working days
    assert resumed_due_date(open_case, today=dt.date(2027, 3, 19)) == dt.date(2027, 3, 26)


def test_a_pause_needs_what_the_case_waits_for_and_a_resume_keeps_the_deadline_when_no_day_passed(
    open_case, officer_moscow
):
    with pytest.raises(ValidationError):
        case_pause(actor=officer_moscow, case=open_case, reason=" ")
    due = open_case.due_date
    paused = case_pause(actor=officer_moscow, case=open_case, reason="The MVD asked for more time.")
    assert paused.paused_since is not None and paused.pause_reason == "The MVD asked for more time."
    with pytest.raises(ValidationError):
        case_pause(actor=officer_moscow, case=paused, reason="again")
    resumed = case_resume(actor=officer_moscow, case=paused, expected_version=paused.version)
    assert resumed.paused_since is None and resumed.due_date == due


def test_a_new_step_brings_a_new_deadline_and_clears_pause_and_escalation(open_case, officer_moscow):
    Case.objects.filter(pk=open_case.pk).update(escalation=1, paused_since=dt.date(2026, 1, 5))
    open_case.refresh_from_db()
    moved = case_move(actor=officer_moscow, case=open_case, action="request_documents")
    assert moved.escalation == 0 and moved.paused_since is None
    assert moved.due_date is not None and moved.due_date > moved.step_started_at.date()
