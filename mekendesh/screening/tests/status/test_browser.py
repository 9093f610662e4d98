"""Aigerim checks her status on a 360-pixel-wide phone, in Kyrgyz: she finds the check from the
landing page, is told that Russia's register of controlled persons names her, what it means and
what to do and which consulate to call, gets the code by SMS and reads her case. Headless
Chromium against the live server, axe-core on every page; the worker's part (delivering the code,
sending the SMS) is run between her steps, and the SMS read from the in-memory outbox."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.cases.models import Case
from mekendesh.screening.models import Candidate
from mekendesh.screening.services import candidate_judge
from mekendesh.screening.tests.status.support import AIGERIM, AIGERIM_ON_THE_LIST, AIGERIM_PHONE, code_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_migrant_checks_her_status_on_a_phone_in_kyrgyz_and_reads_her_case_with_the_code(
    live_server, phone, send_list, controlled, aigerim_reachable, moscow_contacts, analyst, analyst_2, deliver
):
    # Russia's register names her; two analysts confirm the match, which opens her case.
    send_list([AIGERIM_ON_THE_LIST])
    candidate = Candidate.objects.get()
    candidate_judge(
        actor=analyst_2,
        candidate=candidate_judge(actor=analyst, candidate=candidate, verdict="same"),
        verdict="confirm",
    )
    case = Case.objects.get(person=aigerim_reachable)

    page = phone
    page.goto(live_server.url + reverse("web:home"))
    assert page.locator("html").get_attribute("lang") == "ky"
    page.locator(f"main a[href='{reverse('status:check')}']").click()
    page.wait_for_url("**" + reverse("status:check"))
    assert fits_the_screen(page)

    page.fill("input[name=surname]", AIGERIM["surname"])
    page.fill("input[name=birth_date]", AIGERIM["birth_date"])
    page.fill("input[name=document_number]", AIGERIM["document_number"])
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#lists")
    assert page.url == live_server.url + reverse("status:check")  # nothing of the details in the address
    assert page.locator("html").get_attribute("lang") == "ky"
    assert fits_the_screen(page)
    lists = page.locator("#lists").inner_text()
    assert "Реестр контролируемых лиц" in lists and "05.02.2025" in lists
    assert "Ask your consulate to help you apply for removal from the register." in lists
    next_steps = page.locator("#next").inner_text()
    assert "+7 495 000-00-01" in next_steps and "ул. Большая Ордынка, 64, Москва" in next_steps

    # The worker delivers the code; it arrives by SMS.
    sent = deliver()
    assert [to for to, _text in sent] == [AIGERIM_PHONE]
    page.fill("input[name=code]", code_in(sent[0][1]))
    page.locator("#code-form button[type=submit]").click()
    page.wait_for_url("**" + reverse("status:code"))
    assert fits_the_screen(page)
    content = page.locator("main").inner_text()
    assert f"№ {case.number}" in content
    assert page.locator("main a[href='{}']".format(reverse("migrant:cases"))).count() >= 1
