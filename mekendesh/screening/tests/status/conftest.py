"""Fixtures of the status check's tests: Aigerim reachable by SMS (her phone and her consent to
consular contact), Russia's register of controlled persons naming her by her passport number,
Nurlan registered and on no list, the details of each as typed on the form, and the delivery
of codes run as the worker runs it."""

from __future__ import annotations

import datetime as dt

import pytest

from mekendesh.screening.tests.status.support import AIGERIM_ON_THE_LIST, AIGERIM_PHONE


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    """Limits high enough not to be met by a test that is not about them."""
    settings.STATUS_ADDRESS_FREE = 100
    settings.STATUS_ADDRESS_LIMIT = 1000
    settings.STATUS_NUMBER_FREE = 100
    settings.STATUS_NUMBER_LIMIT = 1000


@pytest.fixture
def frozen_clock(monkeypatch):
    """The status check's clock stopped ten minutes into an hour: counts of the hour and waits
    do not depend on how fast the test runs."""
    from django.utils import timezone

    from mekendesh.screening import status

    now = timezone.now().replace(minute=10, second=0, microsecond=0)
    monkeypatch.setattr(status, "clock", lambda: now)
    return now


@pytest.fixture
def moscow_contacts(places):
    district = places["moscow_district"]
    district.address = "ул. Большая Ордынка, 64, Москва"
    district.phone = "+7 495 000-00-01"
    district.email = "consul.moscow@mfa.example"
    district.opening_hours = "Mon–Fri 9:00–18:00"
    district.save()
    return district


@pytest.fixture
def aigerim_reachable(registered_migrant):
    from mekendesh.people.models import ConsentPurpose
    from mekendesh.people.services import consent_grant

    registered_migrant.phone = AIGERIM_PHONE
    registered_migrant.save(update_fields=["phone"])
    consent_grant(actor=registered_migrant.account, person=registered_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT)
    return registered_migrant


@pytest.fixture
def aigerim_listed(send_list, controlled, aigerim_reachable, moscow_contacts):
    """Aigerim on Russia's register of controlled persons since 05.02.2025, by her passport
    number and date of birth (no analyst has confirmed the match yet)."""
    code, output = send_list([AIGERIM_ON_THE_LIST])
    assert code == 0, output
    return aigerim_reachable


@pytest.fixture
def nurlan(places):
    """Nurlan Mamytov, registered with a stay in Yekaterinburg, on no list, reachable by SMS."""
    from mekendesh.people.models import ConsentPurpose, Script
    from mekendesh.people.services import DocumentInput, NameInput, StayInput, person_register, stay_add

    person = person_register(
        actor=None,
        sex="M",
        birth_date=dt.date(1990, 11, 3),
        names=[NameInput(script=Script.KYRGYZ_CYRILLIC, surname="Мамытов", given_names="Нурлан")],
        phone="+996700654321",
        document=DocumentInput(number="AN7654321", issuing_country=places["KG"]),
        consents=[ConsentPurpose.REGISTER, ConsentPurpose.CONSULAR_CONTACT],
    )
    stay_add(
        actor=None,
        person=person,
        stay=StayInput(
            country=places["RU"],
            host_region=places["sverdlovsk"],
            city="Yekaterinburg",
            arrival_date=dt.date(2024, 5, 2),
        ),
    )
    return person


@pytest.fixture
def ask(client):
    """``ask(details, **headers)`` → the answer of the status page to those details."""
    from django.urls import reverse

    def post(details, **extra):
        return client.post(reverse("status:check"), details, **extra)

    return post


@pytest.fixture
def deliver(db):
    """Run the delivery of codes and the sending of messages as the worker would; returns the
    code messages sent by SMS, as (number, text)."""
    from mekendesh.notifications.models import Notification
    from mekendesh.notifications.sending import notifications_send_due
    from mekendesh.notifications.sms.backends import locmem
    from mekendesh.screening.status import status_codes_deliver

    def run():
        status_codes_deliver()
        notifications_send_due()
        codes = set(Notification.objects.filter(template="screening/status_code").values_list("body", flat=True))
        return [(message.to, message.body) for message in locmem.outbox if message.body in codes]

    return run
