"""The editor's pages: the board, writing a version, reviewing it with the diff, the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.guidance import services
from mekendesh.guidance.models import LANGUAGES, Article, ArticleVersion, Rule, RuleKind, Topic, installation_languages
from mekendesh.guidance.selectors import board, revisions, rules_list, text_diff, version_history
from mekendesh.guidance.workflows import VERSION
from mekendesh.reference.models import Country
from mekendesh.web.decorators import AuthenticatedHttpRequest, staff_required
from mekendesh.workflows.errors import StaleObjectError


def _errors(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for e in errors for m in e.messages] for field, errors in exc.error_dict.items()}
    return {"__all__": [str(message) for message in exc.messages]}


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@staff_required(permission="guidance.write")
def board_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "guidance/staff/board.html", {"board": board()})


@staff_required(permission="guidance.write")
def article_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        code = request.POST.get("destination", "")
        destination = Country.objects.filter(code=code).first() if code else None
        try:
            article = services.article_create(
                actor=request.user,
                destination=destination,
                topic=request.POST.get("topic", ""),
                source_language=request.POST.get("source_language", "ru"),
                review_interval_days=_int(request.POST.get("review_interval_days")) or 180,
                example=bool(request.POST.get("example")),
            )
        except ValidationError as exc:
            errors = _errors(exc)
        else:
            return redirect("staff:guidance_version_edit", article_id=article.pk, language=article.source_language)
    return render(
        request,
        "guidance/staff/article_new.html",
        {
            "errors": errors,
            "topics": Topic.choices,
            "language_choices": [(c, n) for c, n in LANGUAGES if c in installation_languages()],
            "countries": Country.objects.all(),
        },
    )


@staff_required(permission="guidance.write")
def version_edit(request: AuthenticatedHttpRequest, article_id: int, language: str) -> HttpResponse:
    if language not in installation_languages():
        raise Http404
    article = get_object_or_404(Article.objects.select_related("destination"), pk=article_id)
    version = ArticleVersion.objects.filter(article=article, language=language).first()
    source = ArticleVersion.objects.filter(article=article, language=article.source_language).first()
    errors: dict[str, list[str]] = {}
    form: dict[str, Any] = {
        "title": version.title if version else "",
        "body": version.body if version else "",
        "legal_basis": version.legal_basis if version else (source.legal_basis if source else ""),
        "version": version.version if version else 0,
        "translated_from_revision": (version.translated_from_revision if version else None)
        or (source.revision if source else ""),
    }
    stale = False
    if request.method == "POST":
        form = {key: request.POST.get(key, "") for key in form}
        action = request.POST.get("action", "save")
        try:
            if action == "submit" and version is not None:
                services.version_submit(actor=request.user, version=version, expected_version=_int(form["version"]))
                messages.success(request, _("Sent to review."))
            else:
                services.version_save(
                    actor=request.user,
                    article=article,
                    language=language,
                    title=form["title"],
                    body=form["body"],
                    legal_basis=form["legal_basis"],
                    expected_version=_int(form["version"]),
                    translated_from_revision=_int(form["translated_from_revision"]),
                    note=request.POST.get("note", ""),
                )
                messages.success(request, _("Saved."))
            return redirect("staff:guidance_version_edit", article_id=article.pk, language=language)
        except StaleObjectError as exc:
            stale = True
            errors = {"__all__": [str(exc), _("Your text is kept below; the saved text is shown beside it.")]}
        except ValidationError as exc:
            errors = _errors(exc)
        except PermissionDenied as exc:
            errors = {"__all__": [str(exc)]}
    return render(
        request,
        "guidance/staff/version_edit.html",
        {
            "article": article,
            "language": language,
            "version": version,
            "source": source,
            "form": form,
            "errors": errors,
            "stale": stale,
            "history": version_history(version) if version else [],
            "revisions": revisions(version)[:10] if version else [],
            "rule_kinds": RuleKind.values,
        },
        status=409 if stale else (400 if errors else 200),
    )


@staff_required(permission="guidance.review")
def version_review(request: AuthenticatedHttpRequest, article_id: int, language: str) -> HttpResponse:
    version = get_object_or_404(
        ArticleVersion.objects.select_related("article", "article__destination"),
        article_id=article_id,
        language=language,
    )
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action", "")
        moves = {
            "publish": services.version_publish,
            "return": services.version_return,
            "confirm": services.version_confirm,
        }
        if action not in moves:
            raise Http404
        try:
            moves[action](
                actor=request.user,
                version=version,
                expected_version=_int(request.POST.get("version")),
                note=request.POST.get("note", ""),
            )
            messages.success(request, _("Done."))
            return redirect("staff:guidance_board")
        except StaleObjectError as exc:
            errors = [str(exc)]
        except ValidationError as exc:
            errors = [m for ms in _errors(exc).values() for m in ms]
        except PermissionDenied as exc:
            errors = [str(exc)]
    return render(
        request,
        "guidance/staff/version_review.html",
        {
            "version": version,
            "diff": text_diff(version),
            "errors": errors,
            "moves": [move for move in VERSION.available(version, request.user) if move.action != "revise"],
            "history": version_history(version),
        },
        status=400 if errors else 200,
    )


@staff_required(permission="guidance.rules")
def rules_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "guidance/staff/rules.html", {"rules": rules_list(), "today": timezone.localdate()})


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@staff_required(permission="guidance.rules")
def rule_edit(request: AuthenticatedHttpRequest, rule_id: int | None = None) -> HttpResponse:
    rule = get_object_or_404(Rule, pk=rule_id) if rule_id is not None else None
    errors: dict[str, list[str]] = {}
    form: dict[str, Any] = {
        "citizenship": rule.citizenship_id if rule else settings.ORIGIN_COUNTRY,
        "destination": rule.destination_id if rule else "",
        "kind": rule.kind if rule else "",
        "value": rule.value if rule else "",
        "effective_from": rule.effective_from.isoformat() if rule else "",
        "effective_to": rule.effective_to.isoformat() if rule and rule.effective_to else "",
        "legal_basis": rule.legal_basis if rule else "",
        "note": rule.note if rule else "",
        "version": rule.version if rule else 0,
    }
    if request.method == "POST":
        form = {key: request.POST.get(key, "") for key in form}
        citizenship = Country.objects.filter(code=form["citizenship"]).first()
        destination = Country.objects.filter(code=form["destination"]).first()
        start = _date(form["effective_from"])
        value = _int(form["value"])
        for name, ok, message in (
            ("citizenship", citizenship, _("Choose a country.")),
            ("destination", destination, _("Choose a country.")),
            ("effective_from", start, _("A date, e.g. 2025-02-05.")),
            ("value", value is not None, _("A number of days.")),
        ):
            if not ok:
                errors[name] = [message]
        if form["effective_to"] and _date(form["effective_to"]) is None:
            errors["effective_to"] = [_("A date, e.g. 2025-02-05.")]
        if not errors and citizenship is not None and destination is not None and start is not None:
            try:
                services.rule_save(
                    actor=request.user,
                    citizenship=citizenship,
                    destination=destination,
                    kind=form["kind"],
                    value=value or 0,
                    effective_from=start,
                    effective_to=_date(form["effective_to"]),
                    legal_basis=form["legal_basis"],
                    note=form["note"],
                    rule=rule,
                    expected_version=_int(form["version"]) if rule else None,
                )
                messages.success(request, _("Rule saved; the articles citing it are marked for review."))
                return redirect("staff:guidance_rules")
            except StaleObjectError as exc:
                errors = {"__all__": [str(exc)]}
            except ValidationError as exc:
                errors = _errors(exc)
    return render(
        request,
        "guidance/staff/rule_edit.html",
        {
            "rule": rule,
            "form": form,
            "errors": errors,
            "kinds": RuleKind.choices,
            "countries": Country.objects.all(),
            "may_edit": can(request.user, "guidance.rules"),
        },
        status=400 if errors else 200,
    )
