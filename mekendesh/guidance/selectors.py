"""Reads of the guidance module: the public articles, the editor's board, history and diffs."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mekendesh.guidance.models import Article, ArticleVersion, Revision, Rule, Status
from mekendesh.guidance.sanitise import body_text
from mekendesh.workflows.models import WorkflowAction

_BLOCK_END = re.compile(r"</(?:p|li|h2|h3|h4|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)


def published_articles() -> list[Article]:
    """Articles with at least one published version, by destination and topic."""
    return list(
        Article.objects.filter(versions__published_at__isnull=False)
        .distinct()
        .select_related("destination")
        .order_by("destination__name_en", "topic")
    )


def article_find(*, country: str, topic: str) -> Article | None:
    destination = None if country == "all" else country.upper()
    if destination is not None and len(destination) != 2:
        return None
    return Article.objects.filter(destination_id=destination, topic=topic).select_related("destination").first()


def is_out_of_date(version: ArticleVersion, source: ArticleVersion | None) -> bool:
    """A translation made from an older revision of the source-language text than the one published."""
    if source is None or version.pk == source.pk or source.published_revision is None:
        return False
    made_from = version.published_translated_from or version.translated_from_revision
    return made_from is None or made_from < source.published_revision


@dataclass
class BoardRow:
    version: ArticleVersion
    source: ArticleVersion | None
    reason: str = ""


@dataclass
class Board:
    stale: list[BoardRow] = field(default_factory=list)
    out_of_date: list[BoardRow] = field(default_factory=list)
    in_review: list[BoardRow] = field(default_factory=list)
    drafts: list[BoardRow] = field(default_factory=list)
    missing: list[tuple[Article, list[str]]] = field(default_factory=list)


def board(*, today: dt.date | None = None) -> Board:
    """What needs an editor: stale articles, out-of-date translations, texts in review, drafts, and
    the languages an article lacks."""
    today = today or timezone.localdate()
    result = Board()
    versions = list(
        ArticleVersion.objects.select_related("article", "article__destination", "submitted_by", "last_editor")
    )
    by_article: dict[int, dict[str, ArticleVersion]] = {}
    for version in versions:
        by_article.setdefault(version.article_id, {})[version.language] = version
    for version in versions:
        source = by_article[version.article_id].get(version.article.source_language)
        row = BoardRow(version=version, source=source)
        if version.is_stale(today=today):
            result.stale.append(row)
        if is_out_of_date(version, source):
            result.out_of_date.append(row)
        if version.status == Status.REVIEW:
            result.in_review.append(row)
        elif version.status == Status.DRAFT:
            result.drafts.append(row)
    from mekendesh.guidance.models import LANGUAGE_CODES

    for article in Article.objects.select_related("destination"):
        have = by_article.get(article.pk, {})
        lacking = [code for code in LANGUAGE_CODES if code not in have]
        if lacking:
            result.missing.append((article, lacking))
    return result


def version_history(version: ArticleVersion) -> list[WorkflowAction]:
    return list(
        WorkflowAction.objects.filter(
            content_type=ContentType.objects.get_for_model(ArticleVersion), object_id=str(version.pk)
        ).select_related("actor")
    )


def revisions(version: ArticleVersion) -> list[Revision]:
    return list(version.revisions.select_related("author").order_by("-number"))


def _lines(title: str, body: str, legal_basis: str) -> list[str]:
    parts = _BLOCK_END.split(body)
    lines = [text for text in (body_text(part) for part in parts) if text]
    return [title, "", *lines, "", legal_basis]


def text_diff(version: ArticleVersion) -> SafeString:
    """What the text under review changes against the published one (or the first revision), as
    an escaped HTML table of lines added and removed."""
    if version.published_at is not None:
        before = _lines(version.published_title, version.published_body, version.published_legal_basis)
    else:
        before = []
    after = _lines(version.title, version.body, version.legal_basis)
    rows = []
    for line in difflib.ndiff(before, after):
        mark, text = line[:1], line[2:]
        if mark == "?":
            continue
        kind = {"+": "added", "-": "removed"}.get(mark, "same")
        sign = {"+": "+", "-": "−"}.get(mark, " ")
        rows.append(f'<tr class="{kind}"><td>{sign}</td><td>{escape(text)}</td></tr>')
    return mark_safe('<table class="diff">' + "".join(rows) + "</table>")  # noqa: S308  (escaped lines)


def rules_list() -> list[Rule]:
    return list(
        Rule.objects.select_related("citizenship", "destination").order_by("destination", "kind", "-effective_from")
    )
