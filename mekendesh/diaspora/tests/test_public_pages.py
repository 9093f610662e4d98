"""The public diaspora page: by country, who represents the diaspora and how to reach them, and
their projects; only records marked public; in the visitor's language."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from mekendesh.diaspora import services
from mekendesh.diaspora.models import Project, Representative

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def test_the_diaspora_page_lists_the_representatives_in_the_usa_japan_and_russia_with_their_projects(
    diaspora_demo, countries
):
    page = Client().get(reverse("diaspora:index"))
    assert page.status_code == 200
    text = page.text
    for code, name, project in [
        ("US", "Азамат Бекмуратов", "Mentoring for small businesses of returning migrants"),
        ("JP", "Жылдыз Сатыбалдиева", "Kyrgyz culture days in Tokyo"),
        ("RU", "Эрлан Токтогулов", "Jobs at home: workshops for returnees from Russia"),
    ]:
        section = text.split(f'data-country="{code}"')[1].split("data-country=")[0]
        assert name in section and project in section, code
        assert "@council.example" in section
        assert f'<h2><a href="/diaspora/{code.lower()}/">{countries[code].name}</a></h2>' in section


def test_a_country_page_shows_that_country_only(diaspora_demo):
    page = Client().get(reverse("diaspora:country", kwargs={"code": "jp"}))
    assert page.status_code == 200
    assert "Жылдыз Сатыбалдиева" in page.text and "Азамат Бекмуратов" not in page.text
    assert Client().get(reverse("diaspora:country", kwargs={"code": "zz"})).status_code == 404


def test_records_not_marked_public_are_not_shown(diaspora_demo, coordinator, countries):
    hidden = services.representative_create(
        actor=coordinator,
        full_name="Скрытый Представитель",
        country=countries["RU"],
        seat="2",
        mandate_from=dt.date(2022, 1, 1),
        decision="Decision (example)",
        contacts="hidden@council.example",
        is_public=False,
    )
    services.project_create(
        actor=coordinator,
        title="A project not yet public",
        kind="other",
        owner="Someone (example)",
        representative=Representative.objects.get(full_name="Эрлан Токтогулов"),
        country=countries["RU"],
        is_public=False,
    )
    services.organisation_create(
        actor=coordinator, name="Unpublished association", country=countries["RU"], kind="other", is_public=False
    )
    text = Client().get(reverse("diaspora:index")).text
    assert hidden.full_name not in text and "hidden@council.example" not in text
    assert "A project not yet public" not in text and "Unpublished association" not in text
    assert Project.objects.filter(is_public=False).exists()


def test_a_representative_whose_mandate_has_ended_is_no_longer_listed(diaspora_demo):
    Representative.objects.filter(full_name="Эрлан Токтогулов").update(mandate_until=dt.date(2022, 1, 1))
    assert "Эрлан Токтогулов" not in Client().get(reverse("diaspora:index")).text


def test_the_page_speaks_the_visitors_language_and_the_landing_page_links_to_it(diaspora_demo):
    page = Client(headers={"Accept-Language": "ky"}).get(reverse("diaspora:index"))
    assert '<html lang="ky">' in page.text
    assert reverse("diaspora:index") in Client().get(reverse("web:home")).text
    assert "<script>" not in page.text and "style=" not in page.text
