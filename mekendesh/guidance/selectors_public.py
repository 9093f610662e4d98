"""What the public may read of the guidance through the API: the published copy of each article
version and the rules of stay in force, nothing else.

A version is read only through its ``published_*`` fields: the text being written or reviewed
(``title``, ``body``, ``legal_basis``) never leaves, and a version never published is not found,
exactly like one that does not exist."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.http import Http404

from mekendesh.guidance.models import ArticleVersion, Rule
from mekendesh.guidance.rules import rules_in_force_on
from mekendesh.guidance.selectors import is_out_of_date

EVERY_DESTINATION = "all"


@dataclass(frozen=True)
class PublishedText:
    """A published article version, with whether its translation is older than its source."""

    version: ArticleVersion
    out_of_date: bool


def _destination_filter(destination: str) -> Q:
    if not destination:
        return Q()
    if destination.lower() == EVERY_DESTINATION:
        return Q(article__destination__isnull=True)
    return Q(article__destination_id=destination.upper())


def published_texts(*, destination: str = "", topic: str = "", language: str = "") -> list[PublishedText]:
    """The published versions, by destination (a country code, or ``all`` for the articles on
    every destination), topic and language, each filter optional, the articles on every
    destination first; two queries in all."""
    versions = list(
        ArticleVersion.objects.filter(published_at__isnull=False)
        .filter(_destination_filter(destination))
        .filter(**({"article__topic": topic} if topic else {}))
        .filter(**({"language": language} if language else {}))
        .select_related("article", "article__destination")
        .order_by(F("article__destination_id").asc(nulls_first=True), "article__topic", "language", "pk")
    )
    return _with_sources(versions)


def _with_sources(versions: list[ArticleVersion]) -> list[PublishedText]:
    articles = {version.article_id: version.article for version in versions}
    sources = {
        source.article_id: source
        for source in ArticleVersion.objects.filter(article_id__in=articles).filter(
            language__in={article.source_language for article in articles.values()}
        )
        if source.language == articles[source.article_id].source_language
    }
    return [PublishedText(version, is_out_of_date(version, sources.get(version.article_id))) for version in versions]


def published_text(*, country: str, topic: str, language: str) -> PublishedText:
    """The published version of the article on ``topic`` for ``country`` (a code, or ``all``) in
    ``language``; 404 for a draft never published, or none."""
    if country.lower() != EVERY_DESTINATION and len(country) != 2:
        raise Http404
    version = (
        ArticleVersion.objects.filter(published_at__isnull=False, article__topic=topic, language=language)
        .filter(_destination_filter(country))
        .select_related("article", "article__destination")
        .first()
    )
    if version is None:
        raise Http404
    return _with_sources([version])[0]


def rules_in_force(*, on: dt.date, citizenship: str = "", destination: str = "", kind: str = "") -> QuerySet[Rule]:
    """The rule of each citizenship, destination and kind in force on ``on`` (the one that
    started last by then and has not ended, as :func:`~mekendesh.guidance.rules.rule_in_force`
    picks: :func:`~mekendesh.guidance.rules.rules_in_force_on`), each filter optional; one query."""
    rules = rules_in_force_on(on)
    if citizenship:
        rules = rules.filter(citizenship_id=citizenship.upper())
    if destination:
        rules = rules.filter(destination_id=destination.upper())
    if kind:
        rules = rules.filter(kind=kind)
    return rules.order_by("destination_id", "citizenship_id", "kind")
