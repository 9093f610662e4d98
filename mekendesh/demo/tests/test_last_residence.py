"""The demo's stays say where people lived last before leaving, as the population does: most left
from their district of origin, some moved to Bishkek or Chüy first, and some did not say."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.test import override_settings

from mekendesh.demo.generator import people_generate
from mekendesh.demo.loading import demo_people_load
from mekendesh.origin import ORIGINS
from mekendesh.people.models import Stay
from mekendesh.reference.data.kyrgyzstan import district_rows

pytestmark = pytest.mark.kyrgyz_data

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def stays():
    # module-scoped: made with Kyrgyzstan's settings whatever the suite's country of origin
    with override_settings(ORIGIN=ORIGINS["KG"], ORIGIN_COUNTRY="KG"):
        people = list(people_generate(count=2000, seed=7, today=TODAY))
    return [(person, stay) for person in people for stay in person.stays]


def test_most_leave_from_home_some_from_bishkek_or_chuy_some_do_not_say(stays):
    kinds: Counter[str] = Counter()
    for person, stay in stays:
        if not stay.residence_region:
            kinds["not stated"] += 1
        elif stay.residence_region == person.origin_region:
            kinds["home"] += 1
        else:
            kinds[stay.residence_region] += 1
    total = len(stays)
    assert kinds["home"] > total / 2
    assert 0.05 < kinds["KG-GB"] / total < 0.2
    assert 0.02 < kinds["KG-C"] / total < 0.1
    assert 0.1 < kinds["not stated"] / total < 0.3
    assert set(kinds) == {"home", "KG-GB", "KG-C", "not stated"}


def test_a_stated_district_lies_in_its_region_and_none_is_stated_alone(stays):
    regions = {row.code: row.region for row in district_rows()}
    for _person, stay in stays:
        assert bool(stay.residence_region) == bool(stay.residence_district)
        if stay.residence_district:
            assert regions[stay.residence_district] == stay.residence_region


@pytest.mark.django_db
def test_the_loaded_demo_stays_keep_the_last_residence(places):
    people = list(people_generate(count=40, seed=3, today=TODAY))
    demo_people_load(people=people)
    stored = Counter(
        (region or "", district or "")
        for region, district in Stay.objects.values_list("residence_region__code", "residence_district__code")
    )
    expected = Counter((stay.residence_region, stay.residence_district) for person in people for stay in person.stays)
    assert stored == expected
