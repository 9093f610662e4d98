"""Fixtures of the diaspora tests: the seed-based demo records, stored by the coordinator."""

from __future__ import annotations

import pytest


@pytest.fixture
def countries(places):
    from mekendesh.reference.models import Country

    return {country.code: country for country in Country.objects.filter(code__in=["US", "JP", "RU", "KG"])}


@pytest.fixture
def diaspora_demo(coordinator, countries):
    """The demo's diaspora records (seeds 000, 001, 002), stored through the services."""
    from mekendesh.diaspora.demo import diaspora_demo_load

    diaspora_demo_load(actor=coordinator)
    return coordinator


@pytest.fixture
def state_body(coordinator, countries):
    from mekendesh.diaspora.services import state_body_create

    return state_body_create(actor=coordinator, name="State Migration Service", country=countries["KG"])
