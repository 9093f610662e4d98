"""Checks are limited per client address and per passport number, counted in the database (one
count for every web process): a thousand tries a minute from one address are answered a few
times, then slowed, then refused until the hour ends; many addresses asking about one number
meet the number's limit; codes tried from one address are limited too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mekendesh.screening.models import StatusCheck, StatusCounter
from mekendesh.screening.status import LimitKey, address_key, status_limits_hit
from mekendesh.screening.tests.status.support import AIGERIM, NOBODY, NURLAN

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings, frozen_clock):
    settings.STATUS_ADDRESS_FREE = 5
    settings.STATUS_ADDRESS_LIMIT = 30
    settings.STATUS_NUMBER_FREE = 3
    settings.STATUS_NUMBER_LIMIT = 10
    settings.STATUS_SLOWDOWN_SECONDS = 2
    return settings


def from_address(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def test_a_thousand_tries_a_minute_from_one_address_are_slowed_then_refused(limits, nurlan):
    client = from_address("203.0.113.7")
    answers = []
    for attempt in range(1000):
        details = {**NOBODY, "document_number": f"AC{attempt:07d}"}  # a new number each time
        answers.append(client.post(reverse("status:check"), details))
    statuses = [response.status_code for response in answers]
    assert statuses[:5] == [200] * 5
    assert set(statuses[5:30]) == {429}
    assert "wait 2 seconds before the next one" in answers[5].text
    assert answers[5]["Retry-After"] == "2"
    refused = answers[30]
    assert "no more are answered now" in refused.text and int(refused["Retry-After"]) > 2
    assert set(statuses[30:]) == {429}
    # Only the answered tries looked anything up.
    assert StatusCheck.objects.count() == 5
    assert StatusCounter.objects.get(scope="address").attempts == 1000


def test_after_the_wait_one_more_check_is_answered_and_the_next_wait_is_longer(limits, db):
    key = address_key("203.0.113.8")
    start = timezone.now()
    verdicts = [status_limits_hit(keys=[key], now=start) for _ in range(6)]
    assert [verdict.allowed for verdict in verdicts] == [True] * 5 + [False]
    later = start + dt.timedelta(seconds=2)
    assert status_limits_hit(keys=[key], now=later).allowed
    held = status_limits_hit(keys=[key], now=later + dt.timedelta(seconds=1))
    assert not held.allowed and not held.refused and held.retry_after == 3


def test_many_addresses_asking_about_one_passport_number_meet_the_numbers_limit(limits, nurlan):
    answers = [from_address(f"198.51.100.{n}").post(reverse("status:check"), NURLAN) for n in range(1, 16)]
    statuses = [response.status_code for response in answers]
    assert statuses[:3] == [200] * 3
    assert set(statuses[3:]) == {429}
    assert "This passport number was checked too often in the last hour" in answers[3].text
    assert "This passport number was checked too often in the last hour" in answers[12].text
    # Another number from the same addresses is answered.
    assert from_address("198.51.100.1").post(reverse("status:check"), AIGERIM).status_code == 200


def test_the_number_is_counted_however_it_is_typed(limits, nurlan):
    spellings = ["AN7654321", "an 7654321", "AN-765-4321", " AN7654321 "]
    statuses = [
        from_address(f"192.0.2.{n}").post(reverse("status:check"), {**NURLAN, "document_number": number}).status_code
        for n, number in enumerate(spellings, start=1)
    ]
    assert statuses == [200, 200, 200, 429]


def test_the_counts_are_rows_of_the_database_keyed_by_hashes(limits, nurlan):
    from_address("192.0.2.50").post(reverse("status:check"), NURLAN)
    keys = list(StatusCounter.objects.values_list("scope", "key"))
    assert sorted(scope for scope, _key in keys) == ["address", "number"]
    assert all(len(key) == 64 and "7654321" not in key and "192.0.2.50" not in key for _scope, key in keys)


def test_a_held_back_check_looks_nothing_up_and_keeps_nothing_of_the_details(limits, nurlan):
    client = from_address("192.0.2.60")
    limits.STATUS_ADDRESS_LIMIT = 0
    response = client.post(reverse("status:check"), NURLAN)
    assert response.status_code == 429
    assert StatusCheck.objects.count() == 0
    assert "Мамытов" not in response.text and "AN7654321" not in response.text
    assert "no-store" in response["Cache-Control"]


def test_codes_tried_from_one_address_are_limited(limits, db):
    client = from_address("192.0.2.70")
    statuses = [
        client.post(reverse("status:code"), {"check": f"token-{n}", "code": "123456"}).status_code for n in range(40)
    ]
    assert statuses[:5] == [400] * 5
    assert set(statuses[30:]) == {429}


def test_a_key_over_its_limit_holds_back_the_others_too(limits, db):
    now = timezone.now()
    tight = LimitKey("number", "AC0000009", free=0, limit=0)
    verdict = status_limits_hit(keys=[address_key("192.0.2.80"), tight], now=now)
    assert not verdict.allowed and verdict.scope == "number" and verdict.refused
    counter = StatusCounter.objects.get(scope="address")
    assert (counter.attempts, counter.answered) == (1, 0)
