"""Done when: a migrant on a 360-pixel phone checks an agency's licence in Kyrgyz, finds a vetted
offer in Russia and enrols in a pre-departure course. Headless Chromium; axe-core checks every page."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from mekendesh.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_migrant_checks_a_licence_finds_an_offer_in_russia_and_enrols_on_a_phone_in_kyrgyz(
    live_server, phone, registered_migrant, vetted_offer, course
):
    from mekendesh.employment.models import Enrolment

    cache.clear()
    phone.goto(live_server.url + reverse("employment:licences"))
    assert phone.locator("html").get_attribute("lang") == "ky"
    phone.fill("input[name=q]", "мт 2024-015")
    phone.click("form.licence-check button[type=submit]")
    phone.wait_for_load_state()
    licence = phone.locator("article.licence")
    assert licence.count() == 1
    assert licence.get_attribute("data-status") == "valid"
    assert "ОсОО «Бакыт Жол»" in licence.inner_text()
    assert fits_the_screen(phone)

    phone.goto(live_server.url + reverse("employment:offers"))
    phone.select_option("select[name=country]", "RU")
    phone.click("form.filters button[type=submit]")
    phone.wait_for_load_state()
    offers = phone.locator("li.offer")
    assert offers.count() == 1 and "Каменщик" in offers.inner_text() and "RUB" in offers.inner_text()
    offers.locator("a").click()
    phone.wait_for_load_state()
    assert "95" in phone.locator(".wage").first.inner_text()
    assert fits_the_screen(phone)

    phone.goto(live_server.url + reverse("account_login") + "?next=" + reverse("employment:courses"))
    phone.fill("input[name=login]", registered_migrant.account.email)
    phone.fill("input[name=password]", PASSWORD)
    phone.click("main form button[type=submit]")
    phone.wait_for_url("**" + reverse("employment:courses"))
    card = phone.locator(f"#course-{course.public_id}")
    assert "Pre-departure orientation: Russia" in card.inner_text()
    card.locator("button[type=submit]").click()
    phone.wait_for_url("**" + reverse("migrant:employment"))
    mine = phone.locator("article.enrolment")
    assert mine.count() == 1 and mine.get_attribute("data-status") == "enrolled"
    assert "Pre-departure orientation: Russia" in mine.inner_text()
    assert fits_the_screen(phone)
    assert Enrolment.objects.get().status == "enrolled"


def test_an_officer_answers_a_migrants_question_and_she_reads_the_answer_on_her_phone(
    live_server, desk, phone, employment_officer, registered_migrant, vetted_offer
):
    from mekendesh.accounts.services import totp_activate
    from mekendesh.conftest import TOTP_SECRET
    from mekendesh.employment.models import OfferQuestion
    from mekendesh.employment.services import offer_ask
    from mekendesh.web.tests.test_browser_officer import sign_in

    question, _first = offer_ask(
        actor=registered_migrant.account,
        offer=vetted_offer,
        addressee="agency",
        message="Is the housing really free of charge?",
    )
    totp_activate(user=employment_officer, secret=TOTP_SECRET)
    sign_in(desk, live_server.url, employment_officer.email)
    desk.goto(live_server.url + reverse("staff:employment_questions"))
    assert "1" in desk.locator("#unanswered-count").inner_text()  # the page is in Russian, the count a digit
    card = desk.locator("article.question[data-answered=no]")
    card.locator("a.button.primary").click()
    desk.wait_for_url("**" + reverse("staff:employment_question", kwargs={"question_id": question.public_id}))
    assert "Is the housing really free of charge?" in desk.locator("#question-message").inner_text()
    desk.click("form.answer-form button[type=submit]")  # nothing written yet
    desk.wait_for_load_state()
    assert desk.locator("#id_answer_error").count() == 1  # the refusal, on the answer's field
    question.refresh_from_db()
    assert question.answered_at is None
    desk.fill("#id_answer", "Yes: the employer pays for a shared room in a hostel next to the site.")
    desk.click("form.answer-form button[type=submit]")
    desk.wait_for_url("**" + reverse("staff:employment_questions"))
    assert desk.locator("article.question[data-answered=yes]").count() == 1
    question.refresh_from_db()
    assert question.answered_by == employment_officer

    phone.goto(live_server.url + reverse("account_login") + "?next=" + reverse("migrant:employment"))
    phone.fill("input[name=login]", registered_migrant.account.email)
    phone.fill("input[name=password]", PASSWORD)
    phone.click("main form button[type=submit]")
    phone.wait_for_url("**" + reverse("migrant:employment"))
    mine = phone.locator(f"#question-{question.public_id}")
    assert mine.get_attribute("data-answered") == "yes"
    assert "the employer pays for a shared room" in mine.locator(".answer").inner_text()
    assert fits_the_screen(phone)
    assert OfferQuestion.objects.get().answer.startswith("Yes:")
