"""The staff shell: navigation by role from the entries each app registers, the staff and
migrant namespaces collected from the apps, and the doors of staff pages."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mekendesh.web import navigation


def nav_labels(response) -> list[str]:
    found = re.search(r'<nav class="staff-nav".*?</nav>', response.text, re.S)
    return re.findall(r">([^<>]+)</a>", found.group(0)) if found else []


@pytest.mark.parametrize(
    ("role", "entries"),
    [
        (
            "officer_moscow",
            [
                "Search for people",
                "Work queue",
                "Register a person and their stay",
                "Screening matches",
                "Cases",
                "Import a file",
                "Background jobs",
            ],
        ),
        ("ministry_officer", ["Cases", "Background jobs"]),
        (
            "analyst",
            ["Search for people", "Screening matches", "Host-country lists", "Import a file", "Background jobs"],
        ),
        (
            "statistician",
            ["Import a file", "Statistics", "Statistical data sets", "Official tables", "Background jobs"],
        ),
        (
            "coordinator",
            ["Guidance", "Rules of stay", "Diaspora", "Roadmap board", "Annual report", "Background jobs"],
        ),
        ("administrator", ["Background jobs"]),
    ],
)
def test_the_staff_navigation_shows_each_role_its_own_entries(request, sign_in, role, entries):
    page = sign_in(request.getfixturevalue(role)).get(reverse("staff:home"))
    assert page.status_code == 200
    assert nav_labels(page) == entries


def test_a_new_app_adds_a_navigation_entry_without_touching_another_app(monkeypatch, sign_in, analyst, officer_moscow):
    monkeypatch.setattr(navigation, "NAV", dict(navigation.NAV))
    navigation.nav_register(label="Screening", url_name="staff:home", permission="person.search", order=5)
    assert nav_labels(sign_in(analyst).get(reverse("staff:search")))[0] == "Screening"
    navigation.nav_register(label="Indicators", url_name="staff:no_such_page", permission="person.search")
    assert "Indicators" not in nav_labels(sign_in(officer_moscow).get(reverse("staff:home")))


def test_each_role_finds_its_module_or_what_will_open_for_it(sign_in, statistician, coordinator, administrator):
    assert "0 draft releases" in sign_in(statistician).get(reverse("staff:home")).text
    assert "0 stale texts" in sign_in(coordinator).get(reverse("staff:home")).text
    assert "Roadmap board" in sign_in(coordinator).get(reverse("staff:home")).text
    assert reverse("admin:index") in sign_in(administrator).get(reverse("staff:home")).text


def test_the_staff_namespace_collects_the_register_pages_from_its_own_module():
    from mekendesh.people import staff_urls
    from mekendesh.web import staff_site

    names = {pattern.name for pattern in staff_site.urlpatterns}
    assert {pattern.name for pattern in staff_urls.urlpatterns} <= names and "home" in names
    assert reverse("staff:queue") == "/staff/stays/queue/"
    assert reverse("migrant:register") == "/me/register/"


def test_the_api_namespace_collects_the_register_endpoints_from_its_own_module():
    from mekendesh.people import api_urls
    from mekendesh.web import api_site

    assert {pattern.name for pattern in api_urls.urlpatterns} <= {pattern.name for pattern in api_site.urlpatterns}
    assert reverse("api:person_search") == "/api/people/"


def test_a_migrant_opening_a_staff_page_gets_404_and_the_anonymous_are_sent_to_sign_in(client, migrant_account):
    from django.test import Client

    anonymous = Client().get(reverse("staff:queue"))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("account_login"))
    client.force_login(migrant_account)
    assert client.get(reverse("staff:queue")).status_code == 404
    assert client.get(reverse("staff:home")).status_code == 404
