"""Reads of the guidance module: the public articles, the editor's board, history and diffs."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mekendesh.guidance.models import Article, ArticleVersion, Reminder, Revision, Rule, RuleKind, Status, Topic
from mekendesh.guidance.rules import cited_kinds
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


def articles_for(destinations: Iterable[object], topic: str) -> dict[str, Article]:
    """For each destination (a ``Country`` or its code), the published article on ``topic`` for
    it, else the published one for every destination; a destination with neither is left out.
    One query, however many destinations."""
    codes = [str(getattr(destination, "code", destination) or "").upper() for destination in destinations]
    candidates = (
        Article.objects.filter(topic=topic, versions__published_at__isnull=False)
        .filter(Q(destination__isnull=True) | Q(destination_id__in=codes))
        .distinct()
        .select_related("destination")
    )
    own = {}
    general = None
    for article in candidates:
        if article.destination_id is None:
            general = article
        else:
            own[article.destination_id] = article
    found = {code: own.get(code, general) for code in codes}
    return {code: article for code, article in found.items() if article is not None}


def article_for(destination: object, topic: str) -> Article | None:
    """The published article on ``topic`` for ``destination`` (a ``Country``, its code, or
    nothing), else the published one for every destination, else ``None``."""
    code = str(getattr(destination, "code", destination) or "").upper()
    return articles_for([code], topic).get(code)


# The article that fits an assistance case, by the case's type (``cases.CaseType`` values).
CASE_TOPICS: dict[str, str] = {
    "register_removal": Topic.RESTRICTION_REGISTERS,
    "entry_ban": Topic.DEPORTATION,
    "deportation": Topic.DEPORTATION,
    "detention": Topic.DEPORTATION,
    "unpaid_wages": Topic.RIGHTS_AT_WORK,
    "health": Topic.HEALTH,
    "death": Topic.EMERGENCY,
    "lost_documents": Topic.EMERGENCY,
}


def article_for_case(case: Any) -> Article | None:
    """The published article whose topic fits a case's type, for its host country."""
    topic = CASE_TOPICS.get(case.case_type)
    return article_for(case.host_country_id, topic) if topic is not None else None


def article_url(article: Article, *, language: str = "", absolute: bool = False) -> str:
    """The public address of an article (in ``language``, if given); ``absolute`` adds the
    site's address (``SITE_URL``) for links in messages."""
    url = reverse("guidance:article", kwargs={"country": article.country_slug, "topic": article.topic})
    if language:
        url = f"{url}?lang={language}"
    return f"{settings.SITE_URL.rstrip('/')}{url}" if absolute else url


# The article that fits a rule of stay, by what the rule says.
RULE_TOPICS: dict[str, str] = {
    RuleKind.REGISTRATION_DAYS: Topic.REGISTRATION,
    RuleKind.STAY_DAYS: Topic.ENTRY,
    RuleKind.STAY_PERIOD_DAYS: Topic.ENTRY,
    RuleKind.VISA_FREE_DAYS: Topic.ENTRY,
    RuleKind.PERMIT_VALIDITY_DAYS: Topic.WORK,
    RuleKind.CONTRACT_NOTICE_DAYS: Topic.WORK,
    RuleKind.DEPARTURE_DAYS: Topic.DEPORTATION,
    RuleKind.AUTHORITY_ANSWER_DAYS: Topic.RESTRICTION_REGISTERS,
    RuleKind.COURT_APPEAL_DAYS: Topic.DEPORTATION,
}


def article_citing_rule(rule: Rule, *, topic: str = "") -> Article | None:
    """The published article of the rule's destination whose published text cites the rule's
    kind (``{{rule:…}}``), the one on ``topic`` first, else the one on the rule's own topic, else
    any; ``None`` when no published text cites it."""
    versions = (
        ArticleVersion.objects.filter(
            article__destination_id=rule.destination_id,
            published_at__isnull=False,
            published_body__contains=f"rule:{rule.kind}",
        )
        .select_related("article", "article__destination")
        .order_by("article__topic", "pk")
    )
    citing: dict[str, Article] = {}
    for version in versions:
        if rule.kind in cited_kinds(version.published_body):
            citing.setdefault(version.article.topic, version.article)
    for wanted in (topic, RULE_TOPICS.get(rule.kind, "")):
        if wanted in citing:
            return citing[wanted]
    return next(iter(citing.values()), None)


@dataclass
class ReminderRow:
    reminder: Reminder
    messages: list[tuple[str, str]]  # (channel, state) of each message, in the reader's words


def reminders_for_person(person: Any) -> list[ReminderRow]:
    """The reminders sent to a person, newest first, with what became of each message."""
    from mekendesh.notifications.models import Notification

    reminders = list(Reminder.objects.filter(person=person).order_by("-created_at", "-pk")[:100])
    messages: dict[str, list[tuple[str, str]]] = {}
    if reminders:
        rows = Notification.objects.filter(
            about_type=ContentType.objects.get_for_model(Reminder),
            about_id__in=[str(reminder.pk) for reminder in reminders],
        ).order_by("channel")
        for row in rows:
            messages.setdefault(row.about_id, []).append((row.get_channel_display(), row.get_status_display()))
    return [ReminderRow(reminder=reminder, messages=messages.get(str(reminder.pk), [])) for reminder in reminders]


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
    from mekendesh.guidance.models import installation_languages

    for article in Article.objects.select_related("destination"):
        have = by_article.get(article.pk, {})
        lacking = [code for code in installation_languages() if code not in have]
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
