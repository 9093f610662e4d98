"""The status check's answer links the guidance on restriction registers: the article of the
list's country when a list names the person, the article for every destination otherwise."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mekendesh.screening.tests.status.support import AIGERIM, NOBODY

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def published(destination, title):
    from mekendesh.guidance.models import Article, ArticleVersion, Status, Topic

    article = Article.objects.create(destination_id=destination, topic=Topic.RESTRICTION_REGISTERS)
    ArticleVersion.objects.create(
        article=article,
        language="en",
        status=Status.PUBLISHED,
        title=title,
        body="<p>Text.</p>",
        legal_basis="A law",
        published_title=title,
        published_body="<p>Text.</p>",
        published_legal_basis="A law",
        published_at=timezone.now(),
    )
    return article


def guidance_links(text: str) -> str:
    return text.split('id="guidance-links"', 1)[1].split("</ul>", 1)[0] if 'id="guidance-links"' in text else ""


def test_a_listed_person_is_linked_to_the_article_on_the_registers_of_the_lists_country(ask, aigerim_listed):
    published(None, "Registers everywhere")
    published("RU", "Registers in Russia")
    links = guidance_links(ask(AIGERIM).text)
    assert 'href="/guidance/ru/restriction-registers/"' in links
    assert "Restriction registers in Russia" in links
    assert "/guidance/all/" not in links


def test_without_the_countrys_own_article_the_general_one_is_linked(ask, aigerim_listed):
    published(None, "Registers everywhere")
    links = guidance_links(ask(AIGERIM).text)
    assert 'href="/guidance/all/restriction-registers/"' in links


def test_a_person_no_list_names_is_linked_to_the_general_article(ask, aigerim_listed):
    published(None, "Registers everywhere")
    published("RU", "Registers in Russia")
    links = guidance_links(ask(NOBODY).text)
    assert 'href="/guidance/all/restriction-registers/"' in links
    assert "/guidance/ru/" not in links


def test_the_link_adds_no_query_of_its_own_to_one_answer_and_not_the_other(ask, aigerim_listed):
    """The articles are looked up by one query whatever the answer, as every other step."""
    published("RU", "Registers in Russia")
    counts = []
    for details in (AIGERIM, NOBODY):
        with CaptureQueriesContext(connection) as queries:
            ask(details)
        counts.append(sum("guidance_article" in query["sql"] for query in queries.captured_queries))
    assert counts == [1, 1]
