"""The officer's work queue: declared stays awaiting verification in the officer's districts,
oldest arrival first, 50 a page, filtered by district and arrival, and "next in queue"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from mekendesh.people.models import Script, StayStatus
from mekendesh.people.services import NameInput, StayInput, person_register, stay_add

QUEUE = reverse("staff:queue")


def add_people(places, officer, count, *, region="moscow", start=0, first_arrival=dt.date(2024, 1, 1)):
    """``count`` people, each with one declared stay; arrivals a day apart."""
    stays = []
    for index in range(start, start + count):
        person = person_register(
            actor=officer,
            sex="F",
            birth_date=dt.date(1990, 1, 1),
            names=[
                NameInput(
                    script=Script.KYRGYZ_CYRILLIC, surname=f"Кезек{index:03d}", given_names="Айгүл", source="officer"
                )
            ],
        )
        stay, _ = stay_add(
            actor=person.account or officer,
            person=person,
            stay=StayInput(
                country=places["RU"], host_region=places[region], arrival_date=first_arrival + dt.timedelta(days=index)
            ),
        )
        stays.append(stay)
    return stays


def surnames(response) -> list[str]:
    return re.findall(r"Кезек\d{3}", response.text)


def test_the_queue_lists_the_declared_stays_oldest_first_fifty_a_page(sign_in, officer_moscow, places):
    add_people(places, officer_moscow, 60)
    client = sign_in(officer_moscow)
    first = client.get(QUEUE)
    assert first.status_code == 200
    assert surnames(first) == [f"Кезек{index:03d}" for index in range(50)]
    assert "60 stays await verification." in first.text
    second = client.get(QUEUE, {"page": 2})
    assert surnames(second) == [f"Кезек{index:03d}" for index in range(50, 60)]


def test_each_row_opens_the_person_page_with_the_way_back_to_the_queue(sign_in, officer_moscow, places):
    stay = add_people(places, officer_moscow, 1)[0]
    client = sign_in(officer_moscow)
    found = re.search(r'href="([^"]+)">Кезек000', client.get(QUEUE).text)
    assert found
    row = found.group(1).replace("&amp;", "&")
    assert row.startswith(reverse("staff:person", kwargs={"public_id": stay.person.public_id}))
    page = client.get(row)
    assert page.status_code == 200 and "Next in queue" in page.text


def test_verified_and_ended_stays_and_other_districts_are_not_in_the_queue(
    sign_in, officer_moscow, officer_other, places
):
    from mekendesh.people.services import stay_end, stay_verify

    stays = add_people(places, officer_moscow, 3)
    add_people(places, officer_other, 2, region="sverdlovsk", start=10)
    stay_verify(actor=officer_moscow, stay=stays[0])
    stay_end(actor=officer_moscow, stay=stays[1], departure_date=dt.date(2025, 1, 1))
    assert surnames(sign_in(officer_moscow).get(QUEUE)) == ["Кезек002"]
    assert surnames(sign_in(officer_other).get(QUEUE)) == ["Кезек010", "Кезек011"]


def test_the_queue_filters_by_district_and_by_arrival(sign_in, officer_moscow, places):
    officer_moscow.consular_districts.add(places["other_district"])
    add_people(places, officer_moscow, 5)
    add_people(places, officer_moscow, 3, region="sverdlovsk", start=5)
    client = sign_in(officer_moscow)
    assert len(surnames(client.get(QUEUE))) == 8
    assert surnames(client.get(QUEUE, {"district": places["other_district"].pk})) == [
        "Кезек005",
        "Кезек006",
        "Кезек007",
    ]
    assert surnames(client.get(QUEUE, {"arrived_from": "2024-01-02", "arrived_to": "2024-01-04"})) == [
        "Кезек001",
        "Кезек002",
        "Кезек003",
    ]
    refused = client.get(QUEUE, {"arrived_from": "2024-02-01", "arrived_to": "2024-01-01"})
    assert "The end of the range is before its start." in refused.text


def test_a_district_that_is_not_the_officers_is_refused_as_a_filter(sign_in, officer_moscow, places):
    add_people(places, officer_moscow, 2)
    response = sign_in(officer_moscow).get(QUEUE, {"district": places["other_district"].pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_after_a_verification_from_the_queue_the_next_stay_of_the_same_queue_opens(sign_in, officer_moscow, places):
    officer_moscow.consular_districts.add(places["other_district"])
    moscow = add_people(places, officer_moscow, 2)
    add_people(places, officer_moscow, 1, region="sverdlovsk", start=2, first_arrival=dt.date(2020, 1, 1))
    client = sign_in(officer_moscow)
    query = f"district={places['moscow_district'].pk}"
    opened = client.get(QUEUE + f"?{query}&next=1")
    assert opened.url.startswith(reverse("staff:person", kwargs={"public_id": moscow[0].person.public_id}))
    verified = client.post(
        reverse("staff:stay_verify", kwargs={"stay_id": moscow[0].pk}), {"version": moscow[0].version, "queue": query}
    )
    moscow[0].refresh_from_db()
    assert moscow[0].status == StayStatus.VERIFIED
    assert verified.url == QUEUE + f"?{query}&next=1"
    following = client.get(verified.url)
    assert following.url.startswith(reverse("staff:person", kwargs={"public_id": moscow[1].person.public_id}))
    client.post(
        reverse("staff:stay_verify", kwargs={"stay_id": moscow[1].pk}), {"version": moscow[1].version, "queue": query}
    )
    done = client.get(QUEUE + f"?{query}&next=1", follow=True)
    assert "No declared stay awaits verification here." in done.text


def test_the_home_page_count_links_to_the_queue_of_the_district(sign_in, officer_moscow, places):
    add_people(places, officer_moscow, 3)
    home = sign_in(officer_moscow).get(reverse("staff:home"))
    assert f'href="{QUEUE}?district={places["moscow_district"].pk}"' in home.text
    assert "3 declared stays await verification." in home.text


@pytest.mark.parametrize("role", ["analyst", "statistician", "coordinator", "administrator"])
def test_only_consular_officers_have_a_queue(request, sign_in, role):
    assert sign_in(request.getfixturevalue(role)).get(QUEUE).status_code == 404


def test_the_queue_is_read_in_a_fixed_number_of_queries(sign_in, officer_moscow, places, django_assert_max_num_queries):
    add_people(places, officer_moscow, 5)
    client = sign_in(officer_moscow)
    client.get(QUEUE)
    add_people(places, officer_moscow, 45, start=5)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as fifty:
        assert len(surnames(client.get(QUEUE))) == 50
    add_people(places, officer_moscow, 5, start=50)
    with CaptureQueriesContext(connection) as more:
        client.get(QUEUE)
    assert len(more) == len(fifty)


def test_the_same_verify_click_sent_twice_verifies_once_and_goes_on_to_the_next_stay_both_times(
    sign_in, officer_moscow, places
):
    from mekendesh.workflows.models import WorkflowAction

    moscow = add_people(places, officer_moscow, 2)
    client = sign_in(officer_moscow)
    query = f"district={places['moscow_district'].pk}"
    person_page = client.get(reverse("staff:person", kwargs={"public_id": moscow[0].person.public_id}))
    key = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', person_page.text)
    assert key is not None, "the verify button carries the key of its form"
    form = {"version": moscow[0].version, "queue": query, "submission_key": key.group(1)}
    url = reverse("staff:stay_verify", kwargs={"stay_id": moscow[0].pk})
    first, again = client.post(url, form), client.post(url, form)
    assert first.url == again.url == QUEUE + f"?{query}&next=1"
    assert WorkflowAction.objects.filter(action="verify").count() == 1
    following = client.get(again.url, follow=True)
    assert "Someone else changed this record" not in following.text


def test_a_queue_longer_than_the_pages_reach_says_there_are_more_and_lists_the_oldest(
    sign_in, officer_moscow, places, monkeypatch
):
    from mekendesh.people import staff_views

    monkeypatch.setattr(staff_views, "QUEUE_COUNT_CAP", 3)
    add_people(places, officer_moscow, 5)
    page = sign_in(officer_moscow).get(QUEUE)
    assert "More than 3 stays await verification; the oldest are listed." in page.text
    assert surnames(page) == ["Кезек000", "Кезек001", "Кезек002"]


def test_the_home_page_says_more_than_the_cap_when_more_stays_await_and_counts_exactly_below_it(
    sign_in, officer_moscow, places, monkeypatch
):
    from mekendesh.people import selectors

    monkeypatch.setattr(selectors, "WORKLOAD_CAP", 3)
    add_people(places, officer_moscow, 3)
    home = sign_in(officer_moscow).get(reverse("staff:home"))
    assert "3 declared stays await verification." in home.text
    add_people(places, officer_moscow, 1, start=3)
    home = sign_in(officer_moscow).get(reverse("staff:home"))
    assert "More than 3 declared stays await verification." in home.text
