"""Every staff page and API endpoint, for every role, against a person staying in Moscow.

The URLs are read from the URL resolver (namespaces ``staff`` and ``api``), so a page added later
is walked without touching this file — unless it takes a parameter this walk does not know yet,
which fails loudly below. Nobody who may not see the person finds their name, date of birth,
employer or document number on any page; the Moscow officer does see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mekendesh.people.models import StayStatus
from mekendesh.people.tests.staff_support import sign_in  # noqa: F401  (fixture)

NAMESPACES = ("staff", "api")
# What would give the person away, and what only an officer of their district may see.
PERSON_MARKS = ("Токтосунова", "TOKTOSUNOVA", "Айгерим", "AIGERIM", "1998-04-12", "12.04.1998", "Стройка")
DOCUMENT_MARKS = ("AC1234567",)
# Queries a curious user might try, in spellings that do not themselves contain a mark above.
QUERIES = ("toktosunova aigerim", "ac 1234567")


@dataclass(frozen=True)
class Endpoint:
    name: str  # "namespace:url_name"
    parameters: tuple[str, ...]


def discover(patterns: Any = None, namespace: str | None = None) -> list[Endpoint]:
    found: list[Endpoint] = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if namespace and entry.namespace:
                inner = f"{namespace}:{entry.namespace}"
            found += discover(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and namespace and namespace.split(":")[0] in NAMESPACES and entry.name:
            found.append(Endpoint(f"{namespace}:{entry.name}", tuple(entry.pattern.converters)))
    return found


ENDPOINTS = discover()


def url_of(endpoint: Endpoint, person: Any, stay: Any) -> str:
    values = {"public_id": person.public_id, "stay_id": stay.pk}
    unknown = set(endpoint.parameters) - set(values)
    assert not unknown, f"{endpoint.name} takes {sorted(unknown)}: teach test_authorization.py a value for it"
    return reverse(endpoint.name, kwargs={key: values[key] for key in endpoint.parameters})


def is_person_specific(endpoint: Endpoint) -> bool:
    return bool(endpoint.parameters)


@pytest.fixture
def moscow(registered_migrant):
    return registered_migrant, registered_migrant.stays.get()


def answers(client: Client, url: str, stay: Any) -> list[tuple[str, Any]]:
    """GET with each query, and POST with a plausible form; the stay must come out unchanged
    for anyone but its district's officer (checked by the caller)."""
    got = [(f"GET {url}?q={query}", client.get(url, {"q": query})) for query in QUERIES]
    got.append((f"POST {url}", client.post(url, {"version": stay.version, "departure_date": "2025-11-30",
                                                   "q": QUERIES[0]})))
    return got


def shows(response: Any, marks: tuple[str, ...]) -> list[str]:
    body = response.content.decode("utf-8", errors="replace")
    return [mark for mark in marks if mark in body]


def test_the_walk_covers_the_staff_pages_and_the_api():
    names = {endpoint.name for endpoint in ENDPOINTS}
    assert {"staff:home", "staff:search", "staff:person", "staff:person_new", "staff:stay_verify",
            "staff:stay_end", "api:person_search", "api:person_detail"} <= names


@pytest.mark.parametrize("role", ["officer_other", "statistician", "coordinator", "administrator", "migrant_account"])
def test_no_staff_page_shows_a_moscow_person_to_a_user_outside_the_moscow_district(request, sign_in, moscow, role):
    person, stay = moscow
    client = sign_in(request.getfixturevalue(role))
    for endpoint in ENDPOINTS:
        url = url_of(endpoint, person, stay)
        for label, response in answers(client, url, stay):
            assert not shows(response, PERSON_MARKS + DOCUMENT_MARKS), f"{role}: {label} shows the person"
            if is_person_specific(endpoint) or role != "officer_other" and endpoint.name != "staff:home":
                assert response.status_code == 404 or response.status_code == 405, f"{role}: {label} answered {response.status_code}"
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED and stay.departure_date is None


def test_no_staff_page_shows_a_moscow_person_to_an_anonymous_visitor(moscow):
    person, stay = moscow
    client = Client()
    for endpoint in ENDPOINTS:
        url = url_of(endpoint, person, stay)
        for label, response in answers(client, url, stay):
            assert not shows(response, PERSON_MARKS + DOCUMENT_MARKS), f"anonymous: {label} shows the person"
            if endpoint.name.startswith("staff:"):
                assert response.status_code == 302, label
                assert response["Location"].startswith(reverse("account_login")), label
            else:
                assert response.status_code in (401, 403), label
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED


def test_a_screening_analyst_may_read_the_person_but_never_sees_the_document_number_nor_changes_a_stay(
    sign_in, analyst, moscow
):
    person, stay = moscow
    client = sign_in(analyst)
    for endpoint in ENDPOINTS:
        url = url_of(endpoint, person, stay)
        for label, response in answers(client, url, stay):
            assert not shows(response, DOCUMENT_MARKS), f"analyst: {label} shows the document number"
    assert shows(client.get(reverse("staff:person", kwargs={"public_id": person.public_id})), ("Токтосунова",))
    for name in ("staff:stay_verify", "staff:stay_end"):
        assert client.post(reverse(name, kwargs={"stay_id": stay.pk}), {"version": stay.version}).status_code == 404
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED


def test_the_moscow_officer_opens_every_staff_page_and_sees_the_person(sign_in, officer_moscow, moscow):
    person, stay = moscow
    client = sign_in(officer_moscow)
    for endpoint in ENDPOINTS:
        url = url_of(endpoint, person, stay)
        response = client.get(url, {"q": QUERIES[0]})
        assert response.status_code in (200, 405), f"{endpoint.name} answered {response.status_code}"
    person_page = client.get(reverse("staff:person", kwargs={"public_id": person.public_id}))
    assert shows(person_page, ("Токтосунова", "TOKTOSUNOVA", "12.04.1998", "AC1234567")) == [
        "Токтосунова", "TOKTOSUNOVA", "12.04.1998", "AC1234567"
    ]
    for name in ("staff:search", "api:person_search"):
        for query in QUERIES:
            assert shows(client.get(reverse(name), {"q": query}), ("Токтосунова",)), f"{name} ?q={query}"
    assert shows(client.get(reverse("api:person_detail", kwargs={"public_id": person.public_id})), DOCUMENT_MARKS)
