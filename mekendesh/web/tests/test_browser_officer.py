"""An officer of the Moscow consular district signs in with a password and a TOTP code, finds a
migrant by the passport Latin spelling of her name and verifies her stay; an officer of another
district cannot open her page. Headless Chromium against the live server."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from mekendesh.accounts.services import totp_activate
from mekendesh.conftest import PASSWORD, TOTP_SECRET
from mekendesh.people.models import StayStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def current_code() -> str:
    """The code an authenticator app shows now, with time left to type it.

    The server accepts the code of the current 30-second step only; a code read in the
    last seconds of a step would expire on its way, so wait for the next step, as a
    person would.
    """
    if time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def sign_in(page, base_url: str, email: str) -> None:
    page.goto(base_url + reverse("account_login"))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/2fa/authenticate/**")
    page.fill("input[name=code]", current_code())
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**" + reverse("staff:home"))


def test_an_officer_signs_in_with_totp_finds_a_migrant_by_passport_spelling_and_verifies_her_stay(
    live_server, desk, officer_moscow, registered_migrant
):
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)
    sign_in(desk, live_server.url, officer_moscow.email)

    desk.fill("input[name=q]", "TOKTOSUNOVA AIGERIM")
    desk.press("input[name=q]", "Enter")
    desk.get_by_role("link", name="Токтосунова Айгерим Асан кызы").click()
    desk.wait_for_url("**" + reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}))
    assert "AC1234567" in desk.content()  # the full number, for an officer of her district

    desk.locator("form[action*='/verify/'] button[type=submit]").click()
    desk.wait_for_load_state()
    stay = registered_migrant.stays.get()
    stay.refresh_from_db()
    assert stay.status == StayStatus.VERIFIED
    assert stay.verified_by == officer_moscow


def test_an_officer_of_another_district_cannot_open_the_migrants_page(
    live_server, desk, officer_other, registered_migrant
):
    totp_activate(user=officer_other, secret=TOTP_SECRET)
    sign_in(desk, live_server.url, officer_other.email)

    desk.fill("input[name=q]", "TOKTOSUNOVA AIGERIM")
    desk.press("input[name=q]", "Enter")
    desk.wait_for_load_state()
    assert "Токтосунова" not in desk.content()

    response = desk.goto(live_server.url + reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}))
    assert response.status == 404
    assert "Токтосунова" not in desk.content()


def test_an_officer_works_through_the_queue_and_lands_on_the_next_stay_after_each_verification(
    live_server, desk, officer_moscow, registered_migrant, places
):
    import datetime as dt

    from mekendesh.people.services import NameInput, StayInput, person_register, stay_add

    someone_else = person_register(
        actor=officer_moscow,
        sex="M",
        birth_date=dt.date(1990, 1, 2),
        names=[NameInput(script="ky-Cyrl", surname="Осмонов", given_names="Нурлан")],
    )
    later, _ = stay_add(
        actor=officer_moscow,
        person=someone_else,
        stay=StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2025, 6, 1)),
    )
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)
    sign_in(desk, live_server.url, officer_moscow.email)

    # The count on the home page links to the district's queue.
    desk.locator(f"a[href^='{reverse('staff:queue')}?district=']").click()
    desk.wait_for_url("**" + reverse("staff:queue") + "*")
    assert desk.locator("table.queue tbody tr").count() == 2
    desk.locator("main a[href$='next=1']").first.click()
    desk.wait_for_url("**" + reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}) + "*")
    desk.locator("form[action*='/verify/'] button[type=submit]").click()
    desk.wait_for_url("**" + reverse("staff:person", kwargs={"public_id": someone_else.public_id}) + "*")
    later.refresh_from_db()
    assert later.status == StayStatus.DECLARED
    assert registered_migrant.stays.get().status == StayStatus.VERIFIED
