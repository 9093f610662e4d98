"""The public guidance pages: the index by country and topic, an article in the page's language
(with the rules in force, its legal basis and last review), and the search."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mekendesh.guidance import reminders
from mekendesh.guidance.models import LANGUAGES, ArticleVersion, Topic
from mekendesh.guidance.rules import render_rules
from mekendesh.guidance.sanitise import body_clean
from mekendesh.guidance.search import guidance_search
from mekendesh.guidance.selectors import article_find, is_out_of_date, published_articles

LANGUAGE_NAMES = dict(LANGUAGES)


def _page_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in LANGUAGE_NAMES else "en"


def index(request: HttpRequest) -> HttpResponse:
    groups: dict[str, dict] = {}
    for article in published_articles():
        key = article.country_slug
        group = groups.setdefault(key, {"destination": article.destination, "articles": []})
        group["articles"].append(article)
    return render(request, "guidance/index.html", {"groups": list(groups.values())})


def article(request: HttpRequest, country: str, topic: str) -> HttpResponse:
    if topic not in Topic.values:
        raise Http404
    found = article_find(country=country, topic=topic)
    if found is None:
        raise Http404
    versions = {v.language: v for v in ArticleVersion.objects.filter(article=found, published_at__isnull=False)}
    if not versions:
        raise Http404
    page_language = _page_language()
    asked = request.GET.get("lang", "")
    language = asked if asked in versions else page_language
    fallback = language not in versions
    if fallback:
        language = found.source_language if found.source_language in versions else next(iter(versions))
    version = versions[language]
    body, rules = render_rules(
        body_clean(version.published_body), destination=found.destination_id, on=timezone.localdate()
    )
    return render(
        request,
        "guidance/article.html",
        {
            "article": found,
            "version": version,
            "body": body,
            "rules": rules,
            "fallback": fallback,
            "page_language": page_language,
            "out_of_date": is_out_of_date(version, versions.get(found.source_language)),
            "others": [(code, LANGUAGE_NAMES[code]) for code in versions if code != language],
            "language_name": LANGUAGE_NAMES[language],
            "text_language": language,
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")
    language = _page_language()
    results = guidance_search(text, language=language) if text else None
    return render(
        request,
        "guidance/search.html",
        {"results": results, "q": results.text if results else "", "language_names": LANGUAGE_NAMES},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def reminders_stop(request: HttpRequest, token: str) -> HttpResponse:
    """The one-click stop of reminders from a message: a GET asks (and changes nothing), a POST
    stops them; an altered link gets a clear message, a link used again says they are stopped."""
    template = "guidance/reminders_stop.html"
    person = reminders.stop_person(token)
    if person is None:
        return render(request, template, {"outcome": reminders.StopOutcome.BAD}, status=400)
    if request.method == "POST":
        outcome = reminders.reminders_stop(token=token)
        return render(request, template, {"outcome": outcome})
    if not reminders.reminders_active(person):
        return render(request, template, {"outcome": reminders.StopOutcome.ALREADY})
    return render(request, template, {"outcome": None, "token": token})
