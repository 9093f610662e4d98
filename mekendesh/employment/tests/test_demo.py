"""The demo's employment data: agencies of each status, a warning, vetted offers in four countries
in their currencies, and the courses — all marked as examples."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.employment.demo import employment_demo_load
from mekendesh.employment.models import Agency, AgencyWarning, Course
from mekendesh.employment.selectors import offers_public

pytestmark = pytest.mark.kyrgyz_data


def test_the_demo_loads_agencies_offers_and_courses_once(employment_officer, places, client):
    assert employment_demo_load(officer=employment_officer) == 5
    assert set(Agency.objects.values_list("status", flat=True)) == {"valid", "suspended", "revoked"}
    public = offers_public()
    assert set(public.values_list("country__code", flat=True)) == {"RU", "KZ", "KR", "TR"}
    assert set(public.values_list("currency", flat=True)) == {"RUB", "KZT", "KRW", "TRY"}
    assert not public.filter(agency__status="suspended").exists()
    assert all("демо" in agency.name for agency in Agency.objects.all())
    assert AgencyWarning.objects.count() == 1
    assert Course.objects.filter(topic="language").exists() and Course.objects.filter(seats=3).exists()
    body = client.get(reverse("employment:licences"), {"q": "MT-2022-044"}).content.decode()
    assert "Licence suspended" in body
    employment_demo_load(officer=employment_officer)
    assert Agency.objects.count() == 5
