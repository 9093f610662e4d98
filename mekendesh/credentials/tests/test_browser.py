"""A migrant opens her credential on a 360-pixel-wide phone in Kyrgyz and sees its QR code and what
it says; the verification page, given its text, says it is valid. Headless Chromium."""

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


def test_a_migrant_shows_her_credential_on_a_phone_and_the_verification_page_says_valid(
    live_server, phone, registered_migrant, officer_moscow
):
    from mekendesh.people.services import stay_verify

    cache.clear()
    stay_verify(actor=officer_moscow, stay=registered_migrant.stays.get())  # issues her credential
    credential = registered_migrant.credentials.get()

    phone.goto(live_server.url + reverse("account_login"))
    phone.fill("input[name=login]", registered_migrant.account.email)
    phone.fill("input[name=password]", PASSWORD)
    phone.click("main form button[type=submit]")
    phone.wait_for_url("**" + reverse("migrant:home"))
    phone.click(f"a[href='{reverse('migrant:credentials')}']")
    phone.wait_for_url("**" + reverse("migrant:credentials"))

    assert phone.locator("html").get_attribute("lang") == "ky"
    qr = phone.locator(".credential-qr svg")
    assert qr.count() == 1
    box = qr.bounding_box()
    assert box is not None and 200 <= box["width"] <= 360
    claims = phone.locator(".credential-claims").inner_text()
    for shown in ("TOKTOSUNOVA AIGERIM", "12.04.1998", "RU-MOSCOW"):
        assert shown in claims
    assert fits_the_screen(phone)

    phone.click(f"a[href='{reverse('migrant:credential', kwargs={'credential_id': credential.public_id})}']")
    phone.wait_for_load_state()
    assert phone.locator(".printable .credential-qr svg").count() == 1 and fits_the_screen(phone)
    text = phone.locator(".credential-printed-text").inner_text().strip()
    assert text == credential.token

    phone.goto(live_server.url + reverse("credentials:verify"))
    phone.fill("textarea[name=credential]", text)
    phone.click("form.verify-form button[type=submit]")
    phone.wait_for_load_state()
    verdict = phone.locator(".verdict")
    assert verdict.get_attribute("class").split()[-1] == "good"
    assert "TOKTOSUNOVA AIGERIM" in verdict.inner_text()
    assert fits_the_screen(phone)
