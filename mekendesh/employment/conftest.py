"""Fixtures of the employment tests: the employment officer, a licensed agency serving Russia and
Kazakhstan with a vetted offer in Moscow, a pre-departure course, and a signing key of each test's
own (course certificates are signed with the credentials' key)."""

from __future__ import annotations

import datetime as dt

import pytest

from mekendesh.conftest import PASSWORD


@pytest.fixture(autouse=True)
def credential_keys(settings, tmp_path):
    from django.core.cache import cache

    settings.CREDENTIAL_KEY_FILE = tmp_path / "credential-keys" / "signing-key.pem"
    settings.CREDENTIAL_KEYSET_FILE = tmp_path / "credential-keys" / "keyset.json"
    settings.CREDENTIAL_KEY_FILE_SET = False
    cache.clear()


@pytest.fixture
def today():
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def employment_officer(db):
    from mekendesh.accounts.models import User

    return User.objects.create_user(
        email="employment@labour.example", password=PASSWORD, role="employment_officer", full_name="employment"
    )


@pytest.fixture
def countries(places):
    from mekendesh.reference.models import Country

    return {country.code: country for country in Country.objects.filter(code__in=["RU", "KZ", "KR", "TR", "KG"])}


@pytest.fixture
def agency(employment_officer, countries, today):
    from mekendesh.employment.services import agency_register

    return agency_register(
        actor=employment_officer,
        name="ОсОО «Бакыт Жол»",
        holder="ОсОО «Бакыт Жол»",
        licence_number="МТ-2024-015",
        valid_from=today - dt.timedelta(days=100),
        valid_until=today + dt.timedelta(days=300),
        countries=[countries["RU"], countries["KZ"]],
    )


@pytest.fixture
def offer_input(agency, countries, today):
    """What a valid offer in Moscow is made of (tests change one field at a time)."""
    return {
        "agency": agency,
        "employer": "ООО «СтройМонтаж»",
        "country": countries["RU"],
        "city": "Москва",
        "title": "Каменщик",
        "isco_code": "7112",
        "wage": 95000,
        "currency": "RUB",
        "hours_per_week": 40,
        "housing": "free",
        "contract_months": 12,
        "expires_on": today + dt.timedelta(days=30),
    }


@pytest.fixture
def vetted_offer(employment_officer, offer_input):
    from mekendesh.employment.services import offer_create, offer_move

    offer = offer_create(actor=employment_officer, **offer_input)
    return offer_move(actor=employment_officer, offer=offer, action="vet")


@pytest.fixture
def course(employment_officer, countries, today):
    from mekendesh.employment.services import course_create

    return course_create(
        actor=employment_officer,
        title="Pre-departure orientation: Russia",
        provider="Migration service, Osh",
        topic="rights",
        destination=countries["RU"],
        place="Osh",
        starts_on=today + dt.timedelta(days=7),
        ends_on=today + dt.timedelta(days=8),
        seats=2,
    )


@pytest.fixture
def other_migrants(db):
    from mekendesh.accounts.models import User

    return [
        User.objects.create_user(email=f"migrant{n}@example.com", password=PASSWORD, role="migrant", full_name=f"M{n}")
        for n in range(3)
    ]


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
