"""Every page carries a strict Content-Security-Policy and holds no inline script; the pages and
API answers with personal data are never stored by a browser or a proxy."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"href=[\"']javascript:", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_no_inline_script(response) -> None:
    page = response.content.decode()
    assert not INLINE_SCRIPT.findall(page), INLINE_SCRIPT.findall(page)
    assert not INLINE_HANDLER.findall(page), INLINE_HANDLER.findall(page)
    assert not JAVASCRIPT_URL.findall(page)


def test_the_landing_page_has_a_strict_policy(client, db):
    response = client.get(reverse("web:home"))
    rules = policy(response)
    assert rules["script-src"] == ["'self'"] or set(rules["script-src"]) <= {"'self'"} | {
        value for value in rules["script-src"] if value.startswith("'nonce-")
    }
    assert "'unsafe-inline'" not in rules["script-src"] and "'unsafe-eval'" not in rules["script-src"]
    assert rules["default-src"] == ["'self'"] and rules["object-src"] == ["'none'"]
    assert rules["frame-ancestors"] == ["'none'"] and rules["form-action"] == ["'self'"]
    assert_no_inline_script(response)


@pytest.mark.parametrize("url", ["web:home", "migrant:register", "account_login", "account_signup"])
def test_public_pages_hold_no_inline_script(client, places, url):
    assert_no_inline_script(client.get(reverse(url)))


@pytest.mark.parametrize(
    "url", ["migrant:home", "migrant:identity", "migrant:edit", "migrant:stay_add", "migrant:export_page"]
)
def test_the_migrants_pages_hold_no_inline_script_and_are_not_stored(client, aigerim, url):
    response = client.get(reverse(url))
    assert response.status_code == 200
    assert_no_inline_script(response)
    assert {"no-store", "private"} <= set(response.headers["Cache-Control"].replace(" ", "").split(","))


def test_staff_pages_and_api_answers_are_not_stored(staff_client, officer_moscow, registered_migrant, administrator):
    officer = staff_client(officer_moscow)
    for url in (
        reverse("staff:home"),
        reverse("staff:search") + "?q=Токтосунова",
        reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}),
        reverse("api:person_search") + "?q=Токтосунова",
        reverse("api:person_detail", kwargs={"public_id": registered_migrant.public_id}),
    ):
        response = officer.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response.headers["Cache-Control"], url
        assert "private" in response.headers["Cache-Control"], url
        if "/api/" not in url:
            assert_no_inline_script(response)
    admin_page = staff_client(administrator).get(reverse("admin:accounts_user_changelist"))
    assert "no-store" in admin_page.headers["Cache-Control"]


def test_the_account_pages_of_a_staff_member_setting_up_a_second_factor_are_not_stored(client, analyst):
    client.force_login(analyst)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert_no_inline_script(response)


def test_the_public_landing_page_may_be_cached(client, db):
    assert "no-store" not in client.get(reverse("web:home")).headers.get("Cache-Control", "")


def test_the_api_documentation_page_runs_no_inline_script(staff_client, analyst):
    response = staff_client(analyst).get(reverse("api-docs"))
    assert response.status_code == 200
    assert not INLINE_SCRIPT.findall(response.content.decode())
    assert "'unsafe-inline'" not in policy(response)["script-src"]
