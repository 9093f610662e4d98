"""A visitor on a 360-pixel phone reads the diaspora page in Kyrgyz; a coordinator adds a
recommendation and finds it on the roadmap board. Headless Chromium against the live server,
axe-core on every page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.accounts.services import totp_activate
from mekendesh.conftest import TOTP_SECRET
from mekendesh.web.tests.test_browser_officer import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]


def test_a_visitor_on_a_phone_reads_the_diaspora_page_in_kyrgyz(live_server, phone, diaspora_demo):
    phone.goto(live_server.url + reverse("web:home"))
    phone.locator(f"main a[href='{reverse('diaspora:index')}']").click()
    phone.wait_for_url("**" + reverse("diaspora:index"))
    assert phone.locator("html").get_attribute("lang") == "ky"
    for code, name in [("US", "Азамат Бекмуратов"), ("JP", "Жылдыз Сатыбалдиева"), ("RU", "Эрлан Токтогулов")]:
        section = phone.locator(f"[data-country={code}]")
        assert name in section.inner_text()
        assert section.locator(".projects li").count() >= 1
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_coordinator_adds_a_recommendation_and_sees_it_on_the_board(live_server, desk, diaspora_demo):
    totp_activate(user=diaspora_demo, secret=TOTP_SECRET)
    base = live_server.url
    sign_in(desk, base, diaspora_demo.email)
    desk.goto(base + reverse("staff:diaspora_board"))
    desk.click("#new-recommendation")
    desk.fill("#id_text", "Open a consular office for migrants in Osh.")
    desk.select_option("#id_owner", label="Ministry of Foreign Affairs")
    desk.fill("#id_deadline", "2020-01-31")
    desk.fill("#id_source_document", "Letter of the council (example)")
    desk.select_option("#id_country", value="KG")
    desk.fill("#id_issued_on", "2019-12-01")
    desk.click("#record-form button[type=submit]")
    desk.wait_for_selector("#current-status")
    desk.goto(base + reverse("staff:diaspora_board"))
    row = desk.locator("#board tr", has_text="Open a consular office for migrants in Osh.")
    assert row.locator("[data-field=owner]").inner_text() == "Ministry of Foreign Affairs"
    assert row.locator("[data-field=deadline]").inner_text() == "31.01.2020"
    assert row.locator("[data-overdue]").count() == 1
