"""A migrant on a 360-pixel-wide phone, in Kyrgyz, finds the Russian registration rule by typing
«каттоо» or «registratsiya» (no Kyrgyz letters, Latin letters) in the guidance search, opens it
and reads it in Kyrgyz. Headless Chromium against the live server, axe-core on every page."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]

REGISTRATION_IN_RUSSIA = reverse("guidance:article", kwargs={"country": "ru", "topic": "registration"})


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def find_and_read_in_kyrgyz(page, live_server, typed: str) -> None:
    page.goto(live_server.url + reverse("guidance:index"))
    assert page.locator("html").get_attribute("lang") == "ky"
    assert fits_the_screen(page)

    page.fill("#guidance-q", typed)
    page.locator("form.guidance-search button[type=submit]").click()
    page.wait_for_selector("#results")
    assert fits_the_screen(page)
    result = page.locator(f"#results a[href^='{REGISTRATION_IN_RUSSIA}']").first
    assert result.is_visible()
    assert page.locator("#results mark").count() > 0  # the words found are marked

    result.click()
    page.wait_for_selector("#article-title")
    if page.locator("article.guidance-article").get_attribute("lang") != "ky":
        # Found in another language: she switches to Kyrgyz.
        page.locator("a[hreflang=ky]").click()
        page.wait_for_selector("article.guidance-article[lang=ky]")
    assert page.url.startswith(live_server.url + REGISTRATION_IN_RUSSIA)
    assert page.locator("article.guidance-article").get_attribute("lang") == "ky"
    assert "каттоо" in page.locator("#article-title").inner_text().lower()
    body = page.locator("#article-body").inner_text()
    assert "30" in body  # the rule in force: 30 days to register
    assert "{{" not in body
    assert fits_the_screen(page)


def test_a_migrant_on_a_phone_finds_the_russian_registration_rule_and_reads_it_in_kyrgyz(
    live_server, phone, starter_set
):
    find_and_read_in_kyrgyz(phone, live_server, "каттоо")  # without the Kyrgyz letters
    find_and_read_in_kyrgyz(phone, live_server, "registratsiya")  # in Latin letters
