"""The articles that fit: the selector the status check and the case pages use, and the link on
the migrant's case page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from mekendesh.guidance.models import Article, ArticleVersion, Status, Topic
from mekendesh.guidance.selectors import article_for, article_url

pytestmark = pytest.mark.django_db


def published(destination, topic, title="An article", *, online=True):
    article = Article.objects.create(destination_id=destination, topic=topic)
    ArticleVersion.objects.create(
        article=article,
        language="en",
        status=Status.PUBLISHED if online else Status.DRAFT,
        title=title,
        body="<p>Text.</p>",
        legal_basis="A law",
        published_title=title if online else "",
        published_body="<p>Text.</p>" if online else "",
        published_legal_basis="A law" if online else "",
        published_at=timezone.now() if online else None,
    )
    return article


def test_the_destinations_own_article_comes_before_the_general_one(places):
    general = published(None, Topic.RESTRICTION_REGISTERS)
    russia = published("RU", Topic.RESTRICTION_REGISTERS)
    assert article_for("RU", Topic.RESTRICTION_REGISTERS) == russia
    assert article_for(places["RU"], Topic.RESTRICTION_REGISTERS) == russia
    assert article_for("KZ", Topic.RESTRICTION_REGISTERS) == general
    assert article_for(None, Topic.RESTRICTION_REGISTERS) == general


def test_an_article_not_yet_published_is_never_linked(places):
    published("RU", Topic.DEPORTATION, online=False)
    assert article_for("RU", Topic.DEPORTATION) is None


def test_a_case_page_links_the_article_that_fits_the_cases_type(places, registered_migrant, officer_moscow, client):
    from mekendesh.cases.services import case_open

    registers = published("RU", Topic.RESTRICTION_REGISTERS, "Registers")
    bans = published(None, Topic.DEPORTATION, "Bans")
    client.force_login(registered_migrant.account)
    expected = {
        "register_removal": registers,
        "entry_ban": bans,
        "deportation": bans,
    }
    for case_type, article in expected.items():
        case = case_open(
            actor=officer_moscow,
            person=registered_migrant,
            case_type=case_type,
            consular_district=places["moscow_district"],
            host_country=places["RU"],
            summary="A case.",
        )
        page = client.get(reverse("migrant:case", kwargs={"case_id": case.public_id}))
        assert page.status_code == 200
        link = page.text.split('id="guidance-link"', 1)[1].split("</p>", 1)[0]
        assert f'href="{article_url(article)}"' in link, case_type
        assert article.get_topic_display() in link


def test_a_case_whose_topic_has_no_article_shows_no_link(places, registered_migrant, officer_moscow, client):
    from mekendesh.cases.services import case_open

    published("RU", Topic.RESTRICTION_REGISTERS)
    case = case_open(
        actor=officer_moscow,
        person=registered_migrant,
        case_type="unpaid_wages",
        consular_district=places["moscow_district"],
        host_country=places["RU"],
        summary="Not paid.",
    )
    client.force_login(registered_migrant.account)
    page = client.get(reverse("migrant:case", kwargs={"case_id": case.public_id}))
    assert page.status_code == 200
    assert 'id="guidance-link"' not in page.text
