"""Under the Content-Security-Policy the pages still work in a browser: the language list, the
registration form's htmx lists and date pickers, the API's Swagger UI — and the browser reports
no blocked script."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from mekendesh.accounts.services import totp_activate
from mekendesh.conftest import TOTP_SECRET
from mekendesh.web.tests.test_browser_officer import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]


def csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def test_the_language_list_and_the_registration_form_work_under_the_policy(live_server, phone, places):
    cache.clear()
    blocked = csp_violations(phone)
    phone.goto(live_server.url + reverse("migrant:register"))
    assert phone.locator("html").get_attribute("lang") == "ky"
    expect(phone.locator("input[type=date]").first).to_be_attached()  # forms.js ran
    phone.select_option("#id_origin_region", str(places["osh"].pk))
    expect(phone.locator("#id_origin_district optgroup")).to_have_count(0)  # htmx ran
    phone.select_option("#language-select", "ru")
    expect(phone.locator("html")).to_have_attribute("lang", "ru")
    assert blocked == []


@pytest.fixture
def developer(chromium):
    """A desktop page without the accessibility check of the ``desk`` fixture: Swagger UI is a
    third-party developer tool whose own markup fails it (contrast, nested buttons)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_swagger_ui_shows_the_api_under_the_policy(live_server, developer, analyst):
    totp_activate(user=analyst, secret=TOTP_SECRET)
    blocked = csp_violations(developer)
    sign_in(developer, live_server.url, analyst.email)
    developer.goto(live_server.url + reverse("api-docs"))
    expect(developer.locator("#swagger-ui .info .title")).to_contain_text("Mekendesh API")
    expect(developer.locator("#swagger-ui").get_by_text("/api/people/", exact=True).first).to_be_visible()
    assert blocked == []
