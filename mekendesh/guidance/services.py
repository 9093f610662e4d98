"""Writes of the guidance module: articles, the texts of their language versions (with their
history), the editorial moves (through the platform's workflow) and the rules of stay — each in
one transaction with its audit row. A published text is indexed for search in the same
transaction; a changed rule flags the articles that cite it for review and, in the same
transaction, tells the apps that count with it (``signals.rule_changed``: the assistance cases
move the deadlines it sets). The articles show its new value and the reminders count with it
from then on, since both read the rule when they are shown or sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.guidance import search
from mekendesh.guidance.models import (
    Article,
    ArticleVersion,
    Revision,
    Rule,
    RuleKind,
    Status,
    Topic,
    installation_languages,
)
from mekendesh.guidance.rules import PLACEHOLDER
from mekendesh.guidance.sanitise import body_clean, body_text
from mekendesh.guidance.signals import rule_changed
from mekendesh.guidance.workflows import VERSION
from mekendesh.reference.models import Country
from mekendesh.workflows.services import stale_object_error, transition

MAX_BODY = 100_000


def _require(actor: Any, action: str) -> None:
    if not can(actor, action):
        raise PermissionDenied(_("You may not do this."))


@transaction.atomic
def article_create(
    *,
    actor: Any,
    destination: Country | None,
    topic: str,
    source_language: str = "ru",
    review_interval_days: int = 180,
    example: bool = False,
) -> Article:
    """A new article for a destination (``None``: every destination) and topic."""
    _require(actor, "guidance.write")
    errors: dict[str, str] = {}
    if topic not in Topic.values:
        errors["topic"] = _("Choose a topic.")
    if source_language not in installation_languages():
        errors["source_language"] = _("Choose a language.")
    if review_interval_days < 1:
        errors["review_interval_days"] = _("The review interval is at least one day.")
    if not errors and Article.objects.filter(destination=destination, topic=topic).exists():
        errors["topic"] = _("This destination has an article on this topic already.")
    if errors:
        raise ValidationError(errors)
    article = Article.objects.create(
        destination=destination,
        topic=topic,
        source_language=source_language,
        review_interval_days=review_interval_days,
        example=example,
    )
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATE, obj=article, fields=["destination", "topic", "source_language"]
    )
    return article


def _text_errors(*, title: str, body: str, legal_basis: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Give the article a title.")
    elif len(title) > 200:
        errors["title"] = _("A title has at most 200 characters.")
    if not body_text(body).strip():
        errors["body"] = _("Write the text of the article.")
    elif len(body) > MAX_BODY:
        errors["body"] = _("The text is too long (at most 100,000 characters).")
    if not legal_basis.strip():
        errors["legal_basis"] = _("Name the law or rule the article rests on.")
    unknown = sorted(set(PLACEHOLDER.findall(body)) - set(RuleKind.values))
    if unknown and "body" not in errors:
        errors["body"] = _("Unknown rules in the text: %(names)s.") % {"names": ", ".join(unknown)}
    return errors


@transaction.atomic
def version_save(
    *,
    actor: Any,
    article: Article,
    language: str,
    title: str,
    body: str,
    legal_basis: str,
    expected_version: int | None,
    translated_from_revision: int | None = None,
    note: str = "",
) -> ArticleVersion:
    """Save the text of an article in one language (a new version, or a new revision of one).

    The body is sanitised. A version someone else saved since the caller read it
    (``expected_version``) raises ``StaleObjectError`` and stores nothing (the caller keeps the
    text). A text in review is not changed under its reviewer; a published one goes back to draft
    (its published copy stays online until the new text is published)."""
    _require(actor, "guidance.write")
    if language not in installation_languages():
        raise ValidationError({"language": _("Choose a language.")})
    title = " ".join(title.split())
    clean = body_clean(body)
    legal_basis = legal_basis.strip()
    errors = _text_errors(title=title, body=clean, legal_basis=legal_basis)
    if errors:
        raise ValidationError(errors)
    if language == article.source_language:
        translated_from_revision = None
    elif translated_from_revision is None:
        source = ArticleVersion.objects.filter(article=article, language=article.source_language).first()
        translated_from_revision = source.revision if source is not None else None
    version = (
        ArticleVersion.objects.select_for_update().filter(article=article, language=language).order_by("pk").first()
    )
    if version is None:
        if expected_version not in (None, 0):
            raise stale_object_error()
        version = ArticleVersion.objects.create(
            article=article,
            language=language,
            title=title,
            body=clean,
            legal_basis=legal_basis,
            translated_from_revision=translated_from_revision,
            last_editor=actor,
        )
        action = AuditEvent.Action.CREATE
    else:
        if expected_version is not None and version.version != expected_version:
            raise stale_object_error()
        if version.status == Status.REVIEW:
            raise ValidationError(
                _("This text is in review: the reviewer publishes it or sends it back before it changes."),
                code="in_review",
            )
        if version.status == Status.PUBLISHED:
            version = transition(actor=actor, obj=version, workflow=VERSION, action="revise", note=note)
        version.title, version.body, version.legal_basis = title, clean, legal_basis
        version.translated_from_revision = translated_from_revision
        version.revision += 1
        version.version += 1
        version.last_editor = actor
        version.save()
        action = AuditEvent.Action.UPDATE
    Revision.objects.create(
        article_version=version,
        number=version.revision,
        title=title,
        body=clean,
        legal_basis=legal_basis,
        author=actor,
        note=note[:300],
    )
    audit_record(actor=actor, action=action, obj=version, fields=["title", "body", "legal_basis"])
    return version


def _move(*, actor: Any, version: ArticleVersion, action: str, expected_version: int | None, note: str) -> Any:
    with transaction.atomic():
        moved = transition(
            actor=actor, obj=version, workflow=VERSION, action=action, note=note, expected_version=expected_version
        )
        if moved.published_at is not None:
            search.index_update(moved)
        return moved


def version_submit(
    *, actor: Any, version: ArticleVersion, expected_version: int | None = None, note: str = ""
) -> ArticleVersion:
    """Send a draft to review."""
    return _move(actor=actor, version=version, action="submit", expected_version=expected_version, note=note)


def version_publish(
    *, actor: Any, version: ArticleVersion, expected_version: int | None = None, note: str = ""
) -> ArticleVersion:
    """Publish a text in review (not by its writer) and index it for search."""
    return _move(actor=actor, version=version, action="publish", expected_version=expected_version, note=note)


def version_return(
    *, actor: Any, version: ArticleVersion, expected_version: int | None = None, note: str = ""
) -> ArticleVersion:
    """Send a text in review back to its writer, with the reviewer's note."""
    if not note.strip():
        raise ValidationError({"note": _("Say what should change.")})
    return _move(actor=actor, version=version, action="return", expected_version=expected_version, note=note)


def version_confirm(
    *, actor: Any, version: ArticleVersion, expected_version: int | None = None, note: str = ""
) -> ArticleVersion:
    """Mark a published text as reviewed and still correct (it is no longer stale)."""
    return _move(actor=actor, version=version, action="confirm", expected_version=expected_version, note=note)


# --- rules of stay -------------------------------------------------------------------------------


def _articles_citing(*, destination_id: str, kind: str) -> list[Article]:
    token = "{{rule:" + kind
    articles = Article.objects.filter(destination_id=destination_id)
    citing = set()
    for version in ArticleVersion.objects.filter(article__in=articles):
        text = version.body.replace(" ", "") + version.published_body.replace(" ", "")
        if token in text:
            citing.add(version.article_id)
    return list(Article.objects.filter(pk__in=citing))


@transaction.atomic
def rule_save(
    *,
    actor: Any,
    citizenship: Country,
    destination: Country,
    kind: str,
    value: int,
    effective_from: dt.date,
    effective_to: dt.date | None,
    legal_basis: str,
    note: str = "",
    rule: Rule | None = None,
    expected_version: int | None = None,
) -> Rule:
    """Add a rule of stay, or change one; the articles of that destination citing it are flagged
    for review (stale on the editor's board until a reviewer confirms or republishes them), and
    the open cases whose deadline it sets get their new deadline (``rule_changed``)."""
    _require(actor, "guidance.rules")
    errors: dict[str, str] = {}
    if kind not in RuleKind.values:
        errors["kind"] = _("Choose what the rule says.")
    if value < 0 or value > 36_600:
        errors["value"] = _("A number of days between 0 and 36,600.")
    if effective_to is not None and effective_to < effective_from:
        errors["effective_to"] = _("The end comes after the start.")
    if not legal_basis.strip():
        errors["legal_basis"] = _("Name the law or treaty the rule comes from.")
    clash = Rule.objects.filter(
        citizenship=citizenship, destination=destination, kind=kind, effective_from=effective_from
    )
    if rule is not None:
        clash = clash.exclude(pk=rule.pk)
    if clash.exists():
        errors["effective_from"] = _("A rule of this kind starts on this day already: change that one.")
    if errors:
        raise ValidationError(errors)
    if rule is None:
        rule = Rule(citizenship=citizenship, destination=destination, kind=kind)
        action = AuditEvent.Action.CREATE
        previous = {(destination.code, kind)}
    else:
        locked = Rule.objects.select_for_update().order_by().get(pk=rule.pk)
        if expected_version is not None and locked.version != expected_version:
            raise stale_object_error()
        previous = {(locked.destination_id, locked.kind), (destination.code, kind)}
        rule = locked
        rule.citizenship, rule.destination, rule.kind = citizenship, destination, kind
        rule.version += 1
        action = AuditEvent.Action.UPDATE
    rule.value, rule.effective_from, rule.effective_to = value, effective_from, effective_to
    rule.legal_basis, rule.note, rule.changed_by = legal_basis.strip()[:500], note.strip()[:500], actor
    rule.save()
    now = timezone.now()
    for destination_id, cited in previous:
        for article in _articles_citing(destination_id=destination_id, kind=cited):
            Article.objects.filter(pk=article.pk).update(rules_changed_at=now)
    audit_record(
        actor=actor, action=action, obj=rule, fields=["value", "effective_from", "effective_to", "legal_basis"]
    )
    rule_changed.send(sender=Rule, rule=rule, actor=actor, concerns=frozenset(previous))
    return rule
