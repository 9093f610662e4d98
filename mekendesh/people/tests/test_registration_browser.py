"""A migrant registers a stay on a 360-pixel-wide phone, in Kyrgyz, in headless Chromium."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from mekendesh.people.models import Person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]


def confirmation_path(email: str) -> str:
    """The address-confirmation link of the last message sent to ``email``."""
    import re

    from django.core import mail

    # The confirmation, not whatever came last: a browser may send a POST again on a fresh
    # connection, and the second copy then tells the address's owner that the account exists.
    bodies = [str(message.body) for message in mail.outbox if email in message.to]
    links = [re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", body) for body in bodies]
    found = [link.group(1) for link in links if link is not None]
    assert found, bodies
    return found[-1]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_migrant_registers_on_a_phone_in_kyrgyz(live_server, phone, places):
    from mekendesh.reference.models import District

    cache.clear()
    page = phone
    page.goto(live_server.url + reverse("migrant:register"))
    assert page.locator("html").get_attribute("lang") == "ky"
    assert fits_the_screen(page)

    page.fill("#id_surname", "Асанов")
    page.fill("#id_given_names", "Бакыт")
    # Leaving the field sends the change; wait until the hint it asks for has arrived, so that a
    # later answer cannot replace the button while it is being clicked.
    page.locator("#id_given_names").press("Tab")
    page.wait_for_load_state("networkidle")
    page.locator("[data-fill-latin][data-given='BAKYT']").click()  # the passport spelling, offered by the server
    assert page.input_value("#id_latin_surname") == "ASANOV"
    page.check("input[name=sex][value=M]")
    page.fill("#id_birth_date", "05.09.1996")
    page.select_option("#id_origin_region", str(places["osh"].pk))
    # Without JavaScript every district is listed by region; htmx narrows the list to the region's own.
    expect(page.locator("#id_origin_district optgroup")).to_have_count(0)  # (no eval: the CSP forbids it)
    shown = page.locator("#id_origin_district option").count() - 1
    assert shown == District.objects.filter(region=places["osh"]).count()
    page.select_option("#id_origin_district", str(places["kara_suu"].pk))
    page.fill("#id_document_number", "AC7654321")
    page.select_option("#id_country", "RU")
    expect(page.locator("#id_host_region optgroup")).to_have_count(0)
    page.select_option("#id_host_region", str(places["moscow"].pk))
    page.fill("#id_city", "Москва")
    page.fill("#id_arrival_date", "01.03.2025")
    page.fill("#id_email", "bakyt@example.com")
    page.fill("#id_password1", "kara-suu-moscow-2025")
    page.fill("#id_password2", "kara-suu-moscow-2025")
    page.check("#id_consent_register")
    assert fits_the_screen(page)
    page.click("form.stacked button[type=submit]")

    # The same answer whether or not the address has an account: check your e-mail.
    page.wait_for_url("**" + reverse("migrant:register_sent"))
    assert fits_the_screen(page)
    page.goto(live_server.url + confirmation_path("bakyt@example.com"))
    page.click("main form button[type=submit]")
    page.wait_for_url("**" + reverse("account_login") + "*")
    page.fill("input[name=login]", "bakyt@example.com")
    page.fill("input[name=password]", "kara-suu-moscow-2025")
    page.click("main form button[type=submit]")
    page.goto(live_server.url + reverse("migrant:registered"))
    assert page.locator("h1").count() == 1 and "Асанов" in page.content()
    assert fits_the_screen(page)
    person = Person.objects.get()
    assert person.names.get(script="Latn-ICAO").full_name == "ASANOV BAKYT"
    assert person.stays.get().host_region == places["moscow"]
