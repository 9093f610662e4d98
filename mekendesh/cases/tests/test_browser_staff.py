"""An officer of the Moscow consulate takes a request for help through its steps to closed; an
overdue case turns red and, after the deadline round, is escalated to the head of the consulate.
Headless Chromium against the live server, in Russian, axe-core on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from mekendesh.accounts.services import totp_activate
from mekendesh.cases.models import Case, Escalation
from mekendesh.conftest import TOTP_SECRET
from mekendesh.jobs.services import job_run_inline
from mekendesh.web.tests.test_browser_officer import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_officer_takes_a_request_for_help_through_its_steps_to_closed(
    live_server, desk, officer_moscow, requested_case
):
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)
    sign_in(desk, live_server.url, officer_moscow.email)
    desk.goto(live_server.url + reverse("staff:cases") + "?state=requested")
    desk.get_by_role("link", name=requested_case.number).click()
    desk.wait_for_url("**" + reverse("staff:case", kwargs={"case_id": requested_case.public_id}))

    for action in ("accept", "request_documents", "documents_complete", "send_claim", "record_answer", "record_paid"):
        desk.click(f"button[name=action][value={action}]")
        desk.wait_for_load_state()
        assert desk.locator(".message.success").count() == 1, action
    desk.fill("textarea[name=note]", "Зарплата выплачена 12 марта, претензий нет.")
    desk.click("button[name=action][value=close]")
    desk.wait_for_load_state()

    case = Case.objects.get(pk=requested_case.pk)
    assert (case.status, case.assignee, case.outcome) == (
        "closed",
        officer_moscow,
        "Зарплата выплачена 12 марта, претензий нет.",
    )
    timeline = desk.locator("ol.timeline").inner_text()
    assert "Зарплата выплачена 12 марта" in timeline
    assert desk.locator("button[name=action]").all_inner_texts() == [desk.locator("button[value=reopen]").inner_text()]


def test_an_overdue_case_turns_red_and_is_escalated_to_the_head_of_the_consulate(
    live_server, desk, open_case, head_moscow
):
    Case.objects.filter(pk=open_case.pk).update(due_date=dt.date(2026, 10, 1))
    totp_activate(user=head_moscow, secret=TOTP_SECRET)
    sign_in(desk, live_server.url, head_moscow.email)
    desk.goto(live_server.url + reverse("staff:cases"))
    row = desk.locator("tr", has=desk.get_by_role("link", name=open_case.number))
    assert row.get_attribute("class") == "urgency-red"
    assert row.locator(".badge.escalated").count() == 0

    job_run_inline(kind="cases.deadlines")  # the hourly deadline round, as the scheduler starts it

    desk.goto(live_server.url + reverse("staff:cases") + "?escalated=on")
    row = desk.locator("tr", has=desk.get_by_role("link", name=open_case.number))
    assert row.locator(".badge.escalated").count() == 1
    row.get_by_role("link", name=open_case.number).click()
    desk.wait_for_load_state()
    assert desk.locator(".case-head.urgency-red").count() == 1
    assert desk.locator("ol.timeline .entry.event").count() == 2  # opened, escalated
    assert Case.objects.get(pk=open_case.pk).escalation == Escalation.HEAD_OF_CONSULATE
